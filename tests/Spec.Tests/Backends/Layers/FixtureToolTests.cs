using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Tests.Backends.Events;

namespace Spec.Tests.Backends.Layers;

/// <summary>
/// The layer, API key/usage plan, async http and HTTP API access log fixtures checked by the CDK service specification
/// and cfn-lint: neither may find anything in our template that it does not also find in the Framework's.
/// </summary>
public sealed class FixtureToolTests
{
    private static IEnumerable<(string Name, string Ours, string Theirs)> Templates()
    {
        var cases = new List<(string Name, string Spec, string Template)>
        {
            ("layers-folders", LayersFixture.FoldersSpec, LayersFixture.FoldersTemplate),
            ("layers-prebuilt", LayersFixture.PrebuiltSpec, LayersFixture.PrebuiltTemplate),
        };
        foreach (var c in ApiKeysAndLogsTests.CaseNames)
        {
            var (spec, template) = ApiKeysAndLogsTests.Case(c);
            cases.Add((c, spec, template));
        }

        foreach (var (name, spec, template) in cases)
        {
            var bag = new DiagnosticBag();
            var loaded = new YamlLoader().LoadText("serverless.yml", spec, bag);
            var result = CloudFormationCompiler.Compile(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag);
            Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
            yield return (name, result.Text!, template);
        }
    }

    [SkippableFact]
    public void SpecValidator_FindsNothingNew()
    {
        var specPath = CfnSpecValidator.SpecPath();
        TestSkip.If(specPath is null, "needs @aws-cdk/aws-service-spec: run tests/tools/install.sh (CI does)");
        var validator = CfnSpecValidator.Load(specPath!);
        var failures = new List<string>();
        foreach (var (name, ours, theirs) in Templates())
        {
            var baseline = validator.Check(JsonNode.Parse(theirs)!.AsObject()).Select(CfnToolTests.Masked).ToHashSet();
            failures.AddRange(validator.Check(JsonNode.Parse(ours)!.AsObject()).Select(CfnToolTests.Masked)
                .Where(f => !baseline.Contains(f)).Select(f => $"{name}: {f}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void CfnLint_FindsNoNewErrors()
    {
        TestSkip.If(!CfnToolTests.ToolExists("cfn-lint"), "needs cfn-lint 1.51.0 on PATH (present on the build image)");
        var dir = Path.Combine(Path.GetTempPath(), "spec-cfnlint-layers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "ours"));
        Directory.CreateDirectory(Path.Combine(dir, "theirs"));
        try
        {
            var names = new List<string>();
            foreach (var (name, ours, theirs) in Templates())
            {
                File.WriteAllText(Path.Combine(dir, "ours", name + ".json"), ours);
                File.WriteAllText(Path.Combine(dir, "theirs", name + ".json"), theirs);
                names.Add(name);
            }

            var findings = CfnToolTests.RunCfnLint(dir);
            var failures = new List<string>();
            foreach (var name in names)
            {
                var theirs = findings.GetValueOrDefault(Path.Combine("theirs", name + ".json")) ?? [];
                failures.AddRange((findings.GetValueOrDefault(Path.Combine("ours", name + ".json")) ?? [])
                    .Where(f => !theirs.Contains(f)).Select(f => $"{name}: {f}"));
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
