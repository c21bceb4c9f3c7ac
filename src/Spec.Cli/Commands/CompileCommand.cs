using System.CommandLine;
using Spec.Backends.Packaging;
using Spec.Backends.Targets;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec compile [--target NAME] [--output DIR] [target options]</c>: the files of one target of the
/// <see cref="TargetRegistry"/> (a CloudFormation template like <c>serverless package</c> without the code, a Pulumi
/// project, …). The targets, their options, the help and the validation all come from the registry.
/// </summary>
internal sealed class CompileCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string?> _spec = CommandEnvironment.SpecArgument();

    private readonly Option<string> _target = new("--target", "-t")
    {
        Description = "What to compile to: " + TargetOptions.JoinOr(Kinds(withLanguages: true), serialComma: true),
        DefaultValueFactory = _ => TargetRegistry.Default.Name,
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = $"Output directory [default: {DefaultOutputs()}]",
        HelpName = "DIR",
    };

    private readonly TargetOptions _options = new("--target", TargetRegistry.All.Select(t => (t.Name, t.Options)));

    public Command Build()
    {
        _target.AcceptOnlyFromAmong([.. TargetRegistry.All.Select(t => t.Name)]);
        var command = _options.AddTo(new Command("compile",
            $"Compile the spec to {TargetOptions.JoinOr(Kinds(withLanguages: false), serialComma: false)} (no code packaging)")
        {
            _spec,
            _target,
            _output,
        });
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var target = TargetRegistry.Find(parse.GetValue(_target)!)!;
        if (_options.RejectInapplicable(environment, parse, target.Name) is { } usage)
        {
            return usage;
        }

        var settings = _options.Settings(parse, target.Name);
        var output = environment.Context.Locate(parse.GetValue(_output) ?? target.DefaultOutput);
        return BackendCommandSupport.Run(environment, parse, _spec, (resolved, diagnostics) =>
        {
            if (TargetCompiler.Compile(target, resolved, output, settings, diagnostics) is not { } files)
            {
                return ExitCodes.Errors;
            }

            foreach (var line in target.Announce(output, files))
            {
                environment.Context.Out.WriteLine(line);
            }

            return ExitCodes.Ok;
        });
    }

    /// <summary>What the targets produce, one entry per kind: "a Pulumi project in TypeScript, YAML or C#".</summary>
    private static List<string> Kinds(bool withLanguages) =>
    [
        .. TargetRegistry.All.GroupBy(t => t.Produces).Select(kind =>
        {
            var languages = kind.Select(t => t.Language).OfType<string>().ToList();
            return withLanguages && languages.Count > 0 ? $"{kind.Key} in {TargetOptions.JoinOr(languages, serialComma: false)}" : kind.Key;
        }),
    ];

    /// <summary>".spec for cloudformation, .spec/&lt;target&gt; for Pulumi targets".</summary>
    private static string DefaultOutputs()
    {
        var own = TargetRegistry.All.Where(t => t.DefaultOutput != Path.Combine(Packager.DefaultOutputDirectory, t.Name))
            .Select(t => $"{t.DefaultOutput} for {t.Name}");
        var families = TargetRegistry.All.Where(t => t.DefaultOutput == Path.Combine(Packager.DefaultOutputDirectory, t.Name))
            .Select(t => t.Family).Distinct().ToList();
        var shared = families.Count == 0 ? [] : new[] { $"{Packager.DefaultOutputDirectory}/<target> for {string.Join(" and ", families)} targets" };
        return string.Join(", ", own.Concat(shared));
    }
}
