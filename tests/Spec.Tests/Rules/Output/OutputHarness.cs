using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.Output;
using Spec.Tests.Rules.Engine;

namespace Spec.Tests.Rules.Output;

internal static class OutputHarness
{
    public const string SpecYaml = """
        service: demo
        functions:
          worker:
            timeout: 1000
            queue: "jobs, 100%: fast"
          batch:
            timeout: 2000 # spec-ignore SLS-TEST-001 batch jobs run long
        """;

    public static readonly string BaseDirectory = Path.Combine(Path.GetTempPath(), "spec-output-tests");

    public static readonly Rule[] Rules = [new TestRules.TimeoutTooLarge(), new TestRules.QueueWithoutDlq()];

    /// <summary>Findings over a spec at <c>&lt;base&gt;/svc/serverless.yml</c>, plus one span-less diagnostic.</summary>
    public static ReportInput Report()
    {
        var path = Path.Combine(BaseDirectory, "svc", "serverless.yml");
        var input = EngineHarness.Input(SpecYaml, path);
        input = new RuleInput(input.Documents, input.AsOf)
        {
            Service = input.Service,
            StageDiagnostics = [new Diagnostic("SLS-GEN-003", Severity.Warning, "no span", null)],
        };
        var result = RuleEngine.Run(input, new RuleRunOptions { Rules = Rules, BaseDirectory = BaseDirectory });
        return new ReportInput(result.Findings, RuleCatalog.Descriptors(Rules), BaseDirectory)
        {
            CheckedFiles = [path, Path.Combine(BaseDirectory, "clean", "serverless.yml")],
            Sources = input.Documents.ToDictionary(d => d.Source.Path, d => d.Source),
            ToolVersion = "1.2.3",
        };
    }
}
