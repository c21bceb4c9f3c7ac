using System.CommandLine;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Cli.Commands;

/// <summary>What every command shares: the context, the global options and the pass-through options.</summary>
internal sealed class CommandEnvironment(CliContext context, GlobalOptions globals, PassThroughOptions passThrough)
{
    public CliContext Context { get; } = context;

    public GlobalOptions Globals { get; } = globals;

    /// <summary>Set once the command line has been split (the command tree is built before that).</summary>
    public PassThroughOptions PassThrough { get; set; } = passThrough;

    /// <summary>The specs to process: the given files, else <c>--config</c>, else discovery in the working directory.</summary>
    public IReadOnlyList<string> Targets(ParseResult parse, IReadOnlyList<string>? files)
    {
        if (files is { Count: > 0 })
        {
            return [.. files.Select(Context.Locate)];
        }

        if (parse.GetValue(Globals.Config) is { } config)
        {
            return [Context.Locate(config)];
        }

        return [Context.Locate(".")];
    }

    /// <summary>The positional spec every command that reads a spec takes (<c>spec print serverless.yml</c>), as
    /// <c>spec check</c> does; it wins over <c>--config</c>.</summary>
    public static Argument<string?> SpecArgument() => new("spec")
    {
        Description = "The spec file, or the folder holding serverless.yml/.yaml/.json (default: the current directory)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The spec to process: the positional <paramref name="spec"/>, else <c>--config</c>, else discovery.</summary>
    public string Target(ParseResult parse, Argument<string?> spec) =>
        Targets(parse, parse.GetValue(spec) is { } file ? [file] : null)[0];

    /// <summary>Runs Load → Resolve → Bind on one spec with the command line's variable options.</summary>
    public PipelineResult Run(ParseResult parse, string target, PipelineStage lastStage = PipelineStage.Bind) =>
        new SpecPipeline().Run(target, ResolveOptions(parse), lastStage);

    /// <summary>The variable options of the command line: --stage, --region, --param, and every --name value.</summary>
    public ResolveOptions ResolveOptions(ParseResult parse) =>
        Core.Resolve.ResolveOptions.FromArguments(Globals.ResolutionArguments(parse, PassThrough), Context.Environment)
            with
            {
                AllowOutsideFiles = parse.GetValue(Globals.AllowOutsideFiles),
            };
}
