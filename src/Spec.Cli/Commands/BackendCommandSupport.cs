using Spec.Backends.Packaging;
using System.CommandLine;
using Spec.Backends.Plan;
using Spec.Backends.Pulumi;
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
    public static int Run(CommandEnvironment environment, ParseResult parse, Func<ResolvedSpec, DiagnosticBag, int> backend)
    {
        var result = environment.Run(parse, environment.Targets(parse, null)[0], PipelineStage.Resolve);
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

    /// <summary>
    /// Plans the service for a Pulumi program written into <paramref name="projectDirectory"/> (code paths are made
    /// relative to it); null when the plan has errors.
    /// </summary>
    public static PulumiSource? PulumiSource(ResolvedSpec resolved, string projectDirectory, DiagnosticBag diagnostics)
    {
        var plan = PlanBuilder.Build(resolved, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var codeRoot = Path.GetRelativePath(projectDirectory, resolved.ServiceDirectory).Replace('\\', '/');
        return Backends.Pulumi.PulumiSource.FromPlan(plan, codeRoot, resolved.Loaded.Source.Path);
    }

    /// <summary>
    /// A usage error (exit 2) when one of <paramref name="options"/> was given although it does not apply to the
    /// chosen target or engine; null when none was given.
    /// </summary>
    public static int? RejectInapplicable(CommandEnvironment environment, ParseResult parse, string chosen, string appliesTo,
        params Option[] options)
    {
        var given = options.Where(o => parse.GetResult(o) is { Implicit: false }).ToList();
        if (given.Count == 0)
        {
            return null;
        }

        foreach (var option in given)
        {
            environment.Context.Error.WriteLine($"error: {option.Name} applies only to {appliesTo}, not to {chosen}");
        }

        environment.Context.Error.WriteLine($"run `spec {parse.CommandResult.Command.Name} --help` for usage");
        return ExitCodes.Unprocessable;
    }

    public static Option<string> FormatOption(string description = "Template format")
    {
        var format = new Option<string>("--format", "-f") { Description = description, DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "yaml");
        return format;
    }

    public static Option<string> OutputOption() =>
        new("--output", "-o") { Description = "Output directory", DefaultValueFactory = _ => Packager.DefaultOutputDirectory, HelpName = "DIR" };
}
