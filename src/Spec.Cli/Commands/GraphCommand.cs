using System.CommandLine;
using Spec.Backends.Graph;
using Spec.Backends.Plan;
using Spec.Core.Emit;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec graph [SPEC] [--format mermaid|dot] [--output FILE]</c>: the service as a picture, drawn from the bound
/// model: functions, their triggers, the resources they read and write, dead-letter queues and destinations. Exit codes
/// as <c>spec compile</c>: 0 drawn, 1 an error in the spec, 2 unreadable, unwritable or usage, 3 a bug.
/// </summary>
internal sealed class GraphCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string?> _spec = CommandEnvironment.SpecArgument();

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "mermaid (a flowchart for Markdown) or dot (Graphviz: `dot -Tsvg`)",
        DefaultValueFactory = _ => GraphFormats.Mermaid,
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write the picture to FILE (atomically) instead of stdout",
        HelpName = "FILE",
    };

    public Command Build()
    {
        _format.AcceptOnlyFromAmong([.. GraphFormats.Names]);
        var command = new Command("graph", "Draw the service: functions, triggers, the resources they use, DLQs and destinations (Mermaid or DOT)")
        {
            _spec,
            _format,
            _output,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse) =>
        BackendCommandSupport.Run(environment, parse, _spec, (resolved, diagnostics) =>
        {
            if (PlanBuilder.Bind(resolved, diagnostics) is not { } service)
            {
                return ExitCodes.Errors;
            }

            var text = GraphFormats.Write(ServiceGraphBuilder.Build(service), parse.GetValue(_format) ?? GraphFormats.Mermaid);
            if (parse.GetValue(_output) is not { } output)
            {
                environment.Context.Out.Write(text);
                return ExitCodes.Ok;
            }

            try
            {
                var path = environment.Context.Locate(output);
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                AtomicFile.Write(path, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                environment.Context.Error.WriteLine($"error: cannot write {output}: {e.Message}");
                return ExitCodes.Unprocessable;
            }

            environment.Context.Error.WriteLine($"wrote {output}");
            return ExitCodes.Ok;
        });
}
