using System.CommandLine;
using Spec.Core.Schema;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec schema [--output FILE]</c>: the JSON Schema (draft-07) for <c>serverless.yml</c> that editors use for
/// completion, hover and validation. Written to stdout, or atomically to FILE.
/// </summary>
internal sealed class SchemaCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write the schema to this file instead of stdout",
        HelpName = "FILE",
    };

    public Command Build()
    {
        var command = new Command("schema", "Print the JSON Schema for serverless.yml (for VS Code, JetBrains and other YAML editors)")
        {
            _output,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var context = environment.Context;
        if (parse.GetValue(_output) is not { Length: > 0 } output)
        {
            context.Out.Write(SchemaGenerator.Generate());
            return ExitCodes.Ok;
        }

        var path = Path.IsPathRooted(output) ? output : Path.Combine(context.WorkingDirectory, output);
        try
        {
            SchemaGenerator.WriteTo(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: cannot write {output}: {e.Message}");
            return ExitCodes.Unprocessable;
        }

        context.Error.WriteLine($"wrote {output}");
        return ExitCodes.Ok;
    }
}
