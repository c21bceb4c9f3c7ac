using System.Text;
using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends;

/// <summary>
/// Conformance with Serverless Framework 3.40.0 over the 106 corpus cases: our template must equal
/// <c>expected.cloudformation.json</c> resource for resource once the volatile parts are masked. Accepted differences
/// are listed with a reason in <c>cfn-conformance-exceptions.txt</c>; a listed case that conforms fails the test, so the
/// list cannot go stale.
/// </summary>
public sealed class CfnConformanceTests
{
    private static readonly string ExceptionsFile = Path.Combine(AppContext.BaseDirectory, "Backends", "cfn-conformance-exceptions.txt");

    internal static Dictionary<string, string> Exceptions() => ReasonedList.Read(ExceptionsFile);

    internal static (List<string> Diffs, CompileResult Result, DiagnosticBag Diagnostics) Run(CorpusCase c)
    {
        var diagnostics = new DiagnosticBag();
        var spec = c.Resolve(diagnostics);
        var result = CloudFormationCompiler.Compile(spec, diagnostics);
        var diffs = TemplateComparer.Differences(c.ExpectedTemplate(), result.Template, layerHashesVary: true);
        diffs.AddRange(diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => "diagnostic: " + d));
        return (diffs, result, diagnostics);
    }

    [SkippableFact]
    public void Corpus_TemplatesMatchTheFramework_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var exceptions = Exceptions();
        var report = new StringBuilder();
        var passed = 0;
        var failures = new List<string>();
        foreach (var c in CorpusCase.All())
        {
            var (diffs, result, _) = Run(c);
            var dumpDirectory = Environment.GetEnvironmentVariable("SPEC_CFN_DUMP_DIR");
            if (!string.IsNullOrEmpty(dumpDirectory))
            {
                Directory.CreateDirectory(dumpDirectory);
                File.WriteAllText(Path.Combine(dumpDirectory, c.Name + ".json"),
                    CloudFormationCompiler.Render(result.Template, TemplateFormat.Json));
            }

            if (diffs.Count == 0)
            {
                passed++;
                if (exceptions.ContainsKey(c.Name))
                {
                    failures.Add($"{c.Name} is listed in cfn-conformance-exceptions.txt but now conforms: remove it");
                }

                continue;
            }

            report.AppendLine($"== {c.Name}");
            foreach (var d in diffs.Take(25))
            {
                report.AppendLine("   " + d);
            }

            if (!exceptions.ContainsKey(c.Name))
            {
                failures.Add($"{c.Name}: {diffs.Count} differences, first: {diffs[0]}");
            }
        }

        var reportPath = Environment.GetEnvironmentVariable("SPEC_CFN_CONFORMANCE_REPORT");
        if (!string.IsNullOrEmpty(reportPath))
        {
            File.WriteAllText(reportPath, $"passed {passed}\n" + report);
        }

        Assert.True(failures.Count == 0, $"{passed} cases conform; failures:\n" + string.Join("\n", failures) + "\n\n" + report);
    }
}
