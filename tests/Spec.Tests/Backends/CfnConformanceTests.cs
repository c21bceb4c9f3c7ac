using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;
using Spec.Tests.Conformance;
using Xunit.Abstractions;

namespace Spec.Tests.Backends;

/// <summary>
/// Conformance with Serverless Framework 3.40.0 over the 106 corpus cases: our template must equal
/// <c>expected.cloudformation.json</c> resource for resource once the volatile parts are masked. Accepted differences
/// are listed with a reason in <c>cfn-conformance-exceptions.txt</c>; a listed case that conforms fails the test, so the
/// list cannot go stale (<see cref="ConformanceCheck"/>; <c>SPEC_CFN_DUMP_DIR=&lt;dir&gt;</c> also writes our templates).
/// </summary>
public sealed class CfnConformanceTests(ITestOutputHelper output)
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
        var dumpDirectory = Environment.GetEnvironmentVariable("SPEC_CFN_DUMP_DIR");
        ConformanceCheck.Run(output, "sls-examples", "cfn-conformance-exceptions.txt", Exceptions(), "template", [.. CorpusCase.All()], c =>
        {
            var (diffs, result, _) = Run(c);
            if (!string.IsNullOrEmpty(dumpDirectory))
            {
                Directory.CreateDirectory(dumpDirectory);
                File.WriteAllText(Path.Combine(dumpDirectory, c.Name + ".json"),
                    CloudFormationCompiler.Render(result.Template, TemplateFormat.Json));
            }

            return diffs;
        });
    }
}
