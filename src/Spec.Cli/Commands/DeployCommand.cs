using System.CommandLine;
using Spec.Backends.Targets;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec deploy [--engine NAME] [engine options]</c>: package the code and deploy it with one engine of the
/// <see cref="TargetRegistry"/> (the AWS CLI and CloudFormation with <c>--endpoint-url</c>, or a generated Pulumi
/// project and <c>pulumi up</c> with <c>--stack</c>, <c>--yes</c>, <c>--workdir</c>).
/// </summary>
internal sealed class DeployCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string?> _spec = CommandEnvironment.SpecArgument();

    private readonly Option<string> _engine = new("--engine", "-e")
    {
        Description = "Deployment engine: " + TargetOptions.JoinOr([.. TargetRegistry.Engines.Select(e => e.Summary)], serialComma: true),
        DefaultValueFactory = _ => TargetRegistry.Engines[0].Name,
    };

    private readonly TargetOptions _options = new("--engine", TargetRegistry.Engines.Select(e => (e.Name, e.Options)));

    public Command Build()
    {
        _engine.AcceptOnlyFromAmong([.. TargetRegistry.Engines.Select(e => e.Name)]);
        var command = _options.AddTo(new Command("deploy",
            "Package the code and deploy the service with " + string.Join(" or with ", TargetRegistry.Engines.Select(e => e.DeploysWith)))
        {
            _spec,
            _engine,
        });
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var engine = TargetRegistry.FindEngine(parse.GetValue(_engine)!)!;
        if (_options.RejectInapplicable(environment, parse, engine.Name) is { } usage)
        {
            return usage;
        }

        var context = environment.Context;
        var settings = _options.Settings(parse, engine.Name);
        return BackendCommandSupport.Run(environment, parse, _spec, (resolved, diagnostics) => engine.Deploy(new DeployContext(resolved, settings)
        {
            Locate = context.Locate,
            Log = line => context.Out.WriteLine(line),
            SearchPath = context.Environment.TryGetValue("PATH", out var path) ? path : null,
        }, diagnostics));
    }
}
