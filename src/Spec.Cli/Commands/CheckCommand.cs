using System.CommandLine;
using Spec.Cli.Output;

namespace Spec.Cli.Commands;

/// <summary><c>spec check [FILES…]</c>: load, resolve and bind each spec and report every diagnostic.</summary>
internal sealed class CheckCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string[]> _files = new("files")
    {
        Description = "Spec files or directories (default: serverless.yml/.yaml/.json in the current directory)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Output format",
        DefaultValueFactory = _ => CheckFormats.Text,
    };

    public Command Build()
    {
        _format.AcceptOnlyFromAmong([.. CheckFormats.Names]);
        var command = new Command("check", "Report every problem in the spec (exit 0: none, 1: errors, 2: unreadable)")
        {
            _files,
            _format,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var context = environment.Context;
        var results = environment.Targets(parse, parse.GetValue(_files))
            .Select(target => environment.Run(parse, target))
            .ToList();
        var report = new CheckReport(results);
        CheckFormats.Create(parse.GetValue(_format) ?? CheckFormats.Text, context).Render(report, context.Out);

        if (results.Exists(r => r.CouldNotProcess))
        {
            return ExitCodes.Unprocessable;
        }

        return results.Exists(r => r.HasErrors) ? ExitCodes.Errors : ExitCodes.Ok;
    }
}
