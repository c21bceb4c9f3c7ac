using System.CommandLine;
using Spec.Cli.Output;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Cli.Commands;

/// <summary>What compile, package and deploy share: resolve the spec, report problems like <c>spec check</c>.</summary>
internal static class BackendCommandSupport
{
    /// <summary>Load and Resolve (the Framework compiles with schema problems as warnings, and so do the backends).</summary>
    public static (PipelineResult Result, ResolvedSpec? Resolved) Resolve(CommandEnvironment environment, ParseResult parse)
    {
        var target = environment.Targets(parse, null)[0];
        var result = environment.Run(parse, target, PipelineStage.Resolve);
        return (result, result.HasErrors ? null : result.Resolved);
    }

    /// <summary>Prints the errors (pipeline and backend) and returns the exit code, or null when there are none.</summary>
    public static int? Report(CommandEnvironment environment, PipelineResult result, DiagnosticBag backend)
    {
        var problems = result.Diagnostics.Concat(backend.Items).Where(d => d.Severity == Severity.Error).ToList();
        var warnings = backend.Items.Where(d => d.Severity == Severity.Warning).ToList();
        if (problems.Count == 0 && warnings.Count == 0)
        {
            return null;
        }

        var report = new CheckReport([result with { Diagnostics = DiagnosticOrder.Sort([.. problems, .. warnings]) }]);
        new TextCheckRenderer(useColor: false).Render(report, environment.Context.Error);
        if (problems.Count == 0)
        {
            return null;
        }

        return result.CouldNotProcess ? ExitCodes.Unprocessable : ExitCodes.Errors;
    }

    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f") { Description = "Template format", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "yaml");
        return format;
    }

    public static Option<string> OutputOption() =>
        new("--output", "-o") { Description = "Output directory", DefaultValueFactory = _ => ".spec", HelpName = "DIR" };
}
