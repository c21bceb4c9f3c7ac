using System.CommandLine;
using Spec.Backends.Packaging;
using Spec.Backends.Plan;
using Spec.Backends.Pulumi;
using Spec.Cli.Output;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec compile --target pulumi-ts|pulumi-yaml|pulumi-csharp --output DIR</c>: a complete Pulumi project for the
/// service (Load → Resolve → Plan → the Pulumi backend). Other compile targets belong to their backends.
/// </summary>
internal sealed class PulumiCompileCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Option<string> _target = new("--target", "-t")
    {
        Description = "What to generate",
        Required = true,
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "Directory to write the project into",
        Required = true,
        HelpName = "DIR",
    };

    public Command Build()
    {
        _target.AcceptOnlyFromAmong("pulumi-ts", "pulumi-yaml", "pulumi-csharp");
        var command = new Command("compile", "Generate a deployable project from the spec") { _target, _output };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        _ = PulumiCompiler.TryParseTarget(parse.GetValue(_target)!, out var target);
        var output = environment.Context.Locate(parse.GetValue(_output)!);
        return PulumiCommandSupport.WithSource(environment, parse, _ => output, (source, _, diagnostics) =>
        {
            PulumiCompiler.Compile(source, target, output, diagnostics);
            return ExitCodes.Ok;
        });
    }
}

/// <summary><c>spec deploy --engine pulumi [--stack NAME] [--yes] [--workdir DIR]</c>: generate, then <c>pulumi up</c>.</summary>
internal sealed class PulumiDeployCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Option<string> _engine = new("--engine") { Description = "Deployment engine", DefaultValueFactory = _ => "pulumi" };
    private readonly Option<string?> _stack = new("--stack") { Description = "Pulumi stack (default: the stage)", HelpName = "NAME" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Deploy without asking for confirmation" };

    private readonly Option<string?> _workdir = new("--workdir")
    {
        Description = "Where the Pulumi project is generated (default: .spec/pulumi beside the spec)",
        HelpName = "DIR",
    };

    public Command Build()
    {
        _engine.AcceptOnlyFromAmong("pulumi");
        var command = new Command("deploy", "Generate the Pulumi project and run `pulumi up` in it") { _engine, _stack, _yes, _workdir };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var context = environment.Context;
        string? work = null;
        return PulumiCommandSupport.WithSource(environment, parse,
            resolved => work = parse.GetValue(_workdir) is { } w ? context.Locate(w) : Path.Combine(resolved.ServiceDirectory, ".spec", "pulumi"),
            (source, resolved, diagnostics) =>
            {
                // package the code as `spec package` does (patterns, individually, artifact) into the project
                var packaged = Packager.Package(resolved, diagnostics);
                if (!packaged.Succeeded || diagnostics.HasErrors)
                {
                    return ExitCodes.Errors;
                }

                var artifacts = Directory.CreateDirectory(Path.Combine(work!, "artifacts")).FullName;
                foreach (var artifact in packaged.Artifacts)
                {
                    var temp = Path.Combine(artifacts, artifact.Name + ".tmp");
                    File.WriteAllBytes(temp, artifact.Bytes);
                    File.Move(temp, Path.Combine(artifacts, artifact.Name), overwrite: true);
                }

                var search = context.Environment.TryGetValue("PATH", out var path) ? path : null;
                return PulumiDeployer.Deploy(source.WithArtifactsIn("./artifacts"), work!,
                    new PulumiDeployOptions { Stack = parse.GetValue(_stack), Yes = parse.GetValue(_yes), SearchPath = search }, diagnostics);
            });
    }
}

internal static class PulumiCommandSupport
{
    /// <summary>Runs the pipeline and the plan, then <paramref name="action"/>; diagnostics go to stderr.</summary>
    public static int WithSource(CommandEnvironment environment, ParseResult parse, Func<ResolvedSpec, string> outputDirectory,
        Func<PulumiSource, ResolvedSpec, DiagnosticBag, int> action)
    {
        var context = environment.Context;
        var result = environment.Run(parse, environment.Targets(parse, null)[0], PipelineStage.Resolve);
        var diagnostics = new DiagnosticBag();
        var exit = ExitCodes.Errors;
        if (result is { HasErrors: false, Resolved: { } resolved })
        {
            var plan = PlanBuilder.Build(resolved, diagnostics);
            if (!diagnostics.HasErrors)
            {
                var codeRoot = Path.GetRelativePath(outputDirectory(resolved), resolved.ServiceDirectory).Replace('\\', '/');
                exit = action(PulumiSource.FromPlan(plan, codeRoot, resolved.Loaded.Source.Path), resolved, diagnostics);
            }
        }

        var all = result.Diagnostics.Concat(diagnostics.Items).ToList();
        if (all.Count > 0)
        {
            new TextCheckRenderer(useColor: false).Render(new CheckReport([result with { Diagnostics = DiagnosticOrder.Sort(all) }]), context.Error);
        }

        return result.CouldNotProcess ? ExitCodes.Unprocessable : all.Exists(d => d.Severity == Severity.Error) ? Math.Max(exit, ExitCodes.Errors) : exit;
    }
}
