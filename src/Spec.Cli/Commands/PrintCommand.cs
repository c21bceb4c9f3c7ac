using System.CommandLine;
using Spec.Cli.Output;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Print;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec print [--format json|yaml] [--path a.b]</c>: the resolved, normalised config as <c>serverless print</c>
/// shows it. Only Load and Resolve run; problems of the config itself are <c>spec check</c>'s business.
/// </summary>
internal sealed class PrintCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string?> _spec = CommandEnvironment.SpecArgument();

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Output format",
        DefaultValueFactory = _ => "yaml",
    };

    private readonly Option<string?> _path = new("--path", "-p")
    {
        Description = "Print only the value at this dot path, e.g. provider.environment",
        HelpName = "a.b.c",
    };

    public Command Build()
    {
        _format.AcceptOnlyFromAmong("json", "yaml");
        var command = new Command("print", "Print the resolved configuration (like `serverless print`)")
        {
            _spec,
            _format,
            _path,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var context = environment.Context;
        var target = environment.Target(parse, _spec);
        var result = environment.Run(parse, target, PipelineStage.Resolve);
        var diagnostics = new DiagnosticBag();
        var printed = result is { HasErrors: false, Resolved: { } resolved }
            ? ConfigPrinter.Print(resolved, parse.GetValue(_format) == "json" ? PrintFormat.Json : PrintFormat.Yaml,
                parse.GetValue(_path), diagnostics)
            : null;

        var problems = result.Diagnostics.Concat(diagnostics.Items).Where(d => d.Severity == Severity.Error).ToList();
        if (printed is null || problems.Count > 0)
        {
            var report = new CheckReport([result with { Diagnostics = DiagnosticOrder.Sort(problems) }]);
            new TextCheckRenderer(useColor: false).Render(report, context.Error);
            return result.CouldNotProcess ? ExitCodes.Unprocessable : ExitCodes.Errors;
        }

        context.Out.Write(printed);
        return ExitCodes.Ok;
    }
}
