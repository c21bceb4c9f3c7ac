using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spec.Tests.Backends;

/// <summary>
/// Our templates checked by real tools, over the whole corpus: the CDK service specification (types, properties,
/// required properties, references) and cfn-lint 1.51.0. Neither may find anything in our template that it does not
/// also find in the Framework's template for the same case (the Framework's own findings, such as deprecated
/// runtimes, are the baseline).
/// </summary>
public sealed partial class CfnToolTests
{
    [GeneratedRegex(@"(LambdaVersion|ApiGatewayDeployment|WebsocketsDeployment)[A-Za-z0-9]+")]
    private static partial Regex Volatile();

    internal static string Masked(string finding) => Volatile().Replace(finding, "$1#");

    [SkippableFact]
    public void Corpus_SpecValidatorFindsNothingNew_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var specPath = CfnSpecValidator.SpecPath();
        TestSkip.If(specPath is null, "needs @aws-cdk/aws-service-spec: run tests/tools/install.sh (CI does)");
        var validator = CfnSpecValidator.Load(specPath!);
        var failures = new List<string>();
        var checkedCases = 0;
        foreach (var c in CorpusCase.All())
        {
            var (_, result, _) = CfnConformanceTests.Run(c);
            var baseline = validator.Check(c.ExpectedTemplate()).Select(Masked).ToHashSet();
            var ours = validator.Check(result.Template).Select(Masked).Where(f => !baseline.Contains(f)).ToList();
            failures.AddRange(ours.Select(f => $"{c.Name}: {f}"));
            checkedCases++;
        }

        Assert.True(checkedCases == SharedData.CorpusCases().Count);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void SpecValidator_CatchesUnknownPropertiesMissingRequiredAndDanglingReferences()
    {
        var specPath = CfnSpecValidator.SpecPath();
        TestSkip.If(specPath is null, "needs @aws-cdk/aws-service-spec: run tests/tools/install.sh (CI does)");
        var template = JsonNode.Parse("""
            {"Resources": {
              "Fn": {"Type": "AWS::Lambda::Function", "DependsOn": ["Nope"],
                     "Properties": {"Code": {"ZipFile": "x"}, "Architecture": "arm64", "Timeout": {"Ref": "Missing"}}},
              "Q": {"Type": "AWS::SQS::Queuee"},
              "P": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "a", "Principal": "p",
                    "FunctionName": {"Fn::GetAtt": ["Fn", "Arnn"]}}}}}
            """)!.AsObject();
        var errors = CfnSpecValidator.Load(specPath!).Check(template);
        Assert.Contains(errors, e => e.Contains("missing required property 'Role'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Architecture: unknown property", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown resource type 'AWS::SQS::Queuee'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Ref to undefined 'Missing'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("has no attribute 'Arnn'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("undefined resource 'Nope'", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Corpus_CfnLintFindsNoNewErrors_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        TestSkip.If(!ToolExists("cfn-lint"), "needs cfn-lint 1.51.0 on PATH (present on the build image)");
        Assert.True(CorpusCfnLint.FoundAnything, "cfn-lint reported nothing at all, not even the Framework's deprecated runtimes");
        var failures = new List<string>();
        foreach (var c in CorpusCase.All())
        {
            var theirs = CorpusCfnLint.Theirs(c.Name);
            failures.AddRange(CorpusCfnLint.Ours(c.Name).Where(f => !theirs.Contains(f)).Select(f => $"{c.Name}: {f}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>cfn-lint's errors per file (relative to <paramref name="dir"/>) for the templates the glob patterns name (default: ours/ and theirs/).</summary>
    internal static Dictionary<string, HashSet<string>> RunCfnLint(string dir, params string[] patterns)
    {
        var psi = new ProcessStartInfo("cfn-lint")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "--format", "json", "--" }.Concat(patterns.Length > 0 ? patterns : ["ours/*.json", "theirs/*.json"]))
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung cfn-lint, not a measure: the corpus run takes 7-8 minutes on 2 loaded cores.
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(20)), "cfn-lint did not finish in 20 minutes");
        var output = stdout.Result;
        Assert.True(output.TrimStart().StartsWith('['), "cfn-lint printed no JSON: " + stderr.Result);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var item in JsonNode.Parse(output)!.AsArray())
        {
            if (item?["Level"]?.GetValue<string>() != "Error")
            {
                continue;
            }

            var file = Path.GetRelativePath(dir, Path.GetFullPath(item["Filename"]!.GetValue<string>(), dir));
            var path = string.Join("/", (item["Location"]?["Path"] as JsonArray ?? []).Select(p => p?.ToString()));
            var finding = Masked($"{item["Rule"]?["Id"]} {path}: {item["Message"]}");
            if (!result.TryGetValue(file, out var set))
            {
                result[file] = set = [];
            }

            set.Add(finding);
        }

        return result;
    }

    internal static bool ToolExists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
        .Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));
}
