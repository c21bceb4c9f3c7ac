using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;

namespace Spec.Tests.Backends.Events;

/// <summary>
/// Our alb and cloudFront templates checked by the CDK service specification and cfn-lint: neither may find anything in
/// ours that it does not also find in the Framework's template for the same fixture (the Framework writes, for
/// example, a boolean where the target group attribute schema wants a string; that finding is the baseline).
/// </summary>
public sealed class EdgeEventToolTests
{
    private static IEnumerable<(string Name, JsonObject Ours, JsonObject Theirs)> Templates()
    {
        foreach (var (fixture, shapes) in new[] { ("alb", AlbFixture.Shapes), ("cloudFront", CloudFrontFixture.Shapes) })
        {
            foreach (var (name, (spec, framework)) in shapes)
            {
                var (result, bag) = AlbEventTests.Compile(spec);
                Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
                yield return ($"{fixture}-{name}", result.Template, JsonNode.Parse(framework)!.AsObject());
            }
        }
    }

    [SkippableFact]
    public void SpecValidator_FindsNothingNewInEdgeTemplates()
    {
        var specPath = CfnSpecValidator.SpecPath();
        TestSkip.If(specPath is null, "needs @aws-cdk/aws-service-spec: run tests/tools/install.sh (CI does)");
        var validator = CfnSpecValidator.Load(specPath!);
        var failures = new List<string>();
        var checkedTemplates = 0;
        foreach (var (name, ours, theirs) in Templates())
        {
            var baseline = validator.Check(theirs).Select(CfnToolTests.Masked).ToHashSet();
            failures.AddRange(validator.Check(ours).Select(CfnToolTests.Masked).Where(f => !baseline.Contains(f))
                .Select(f => $"{name}: {f}"));
            checkedTemplates++;
        }

        Assert.Equal(AlbFixture.Shapes.Count + CloudFrontFixture.Shapes.Count, checkedTemplates);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void CfnLint_FindsNoNewErrorsInEdgeTemplates()
    {
        TestSkip.If(!CfnToolTests.ToolExists("cfn-lint"), "needs cfn-lint 1.51.0 on PATH (present on the build image)");
        var dir = Path.Combine(Path.GetTempPath(), "spec-edge-cfnlint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "ours"));
        Directory.CreateDirectory(Path.Combine(dir, "theirs"));
        try
        {
            var names = new List<string>();
            foreach (var (name, ours, theirs) in Templates())
            {
                File.WriteAllText(Path.Combine(dir, "ours", name + ".json"), CloudFormationCompiler.Render(ours, TemplateFormat.Json));
                File.WriteAllText(Path.Combine(dir, "theirs", name + ".json"), theirs.ToJsonString());
                names.Add(name);
            }

            var findings = CfnToolTests.RunCfnLint(dir);
            var failures = new List<string>();
            foreach (var name in names)
            {
                var baseline = findings.GetValueOrDefault(Path.Combine("theirs", name + ".json")) ?? [];
                failures.AddRange((findings.GetValueOrDefault(Path.Combine("ours", name + ".json")) ?? [])
                    .Where(f => !baseline.Contains(f)).Select(f => $"{name}: {f}"));
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
