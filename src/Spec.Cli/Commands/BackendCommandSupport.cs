using Spec.Backends.Packaging;
using System.CommandLine;
using Spec.Cli.Output;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Cli.Commands;

/// <summary>What compile, package and deploy share: run the pipeline, run a backend, report like <c>spec check</c>.</summary>
internal static class BackendCommandSupport
{
    /// <summary>
    /// Runs Load → Resolve, then <paramref name="backend"/> on the resolved spec, which binds it and plans the model
    /// (<c>PlanBuilder.Bind</c>: the Framework compiles with schema problems as warnings, and so do the backends, so the
    /// binder's findings are left to <c>spec check</c>). Prints the pipeline's errors and the backend's errors and
    /// warnings on stderr and returns the exit code: 2 when the spec could not be processed, 1 when there is an error,
    /// else what the backend returned (a deployer passes on the exit code of the tool it ran).
    /// </summary>
    public static int Run(CommandEnvironment environment, ParseResult parse, Argument<string?> spec,
        Func<ResolvedSpec, DiagnosticBag, int> backend)
    {
        var result = environment.Run(parse, environment.Target(parse, spec), PipelineStage.Resolve);
        var diagnostics = new DiagnosticBag();
        var exit = result is { HasErrors: false, Resolved: { } resolved } ? backend(resolved, diagnostics) : ExitCodes.Errors;

        var shown = result.Diagnostics.Where(d => d.Severity == Severity.Error)
            .Concat(diagnostics.Items.Where(d => d.Severity is Severity.Error or Severity.Warning))
            .ToList();
        if (shown.Count > 0)
        {
            var report = new CheckReport([result with { Diagnostics = DiagnosticOrder.Sort(shown) }]);
            new TextCheckRenderer(useColor: false).Render(report, environment.Context.Error);
        }

        if (result.CouldNotProcess)
        {
            return ExitCodes.Unprocessable;
        }

        return exit == ExitCodes.Ok && shown.Exists(d => d.Severity == Severity.Error) ? ExitCodes.Errors : exit;
    }

    public static Option<string> OutputOption() =>
        new("--output", "-o") { Description = "Output directory", DefaultValueFactory = _ => Packager.DefaultOutputDirectory, HelpName = "DIR" };
}
