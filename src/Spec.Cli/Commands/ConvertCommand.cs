using System.CommandLine;
using Spec.Backends.CloudFormation;
using Spec.Backends.Conversion;
using Spec.Backends.Plan;
using Spec.Cli.Output;
using Spec.Core.Bind;
using Spec.Core.Bind.Sam;
using Spec.Core.Diagnostics;
using Spec.Core.Emit;
using Spec.Core.Pipeline;
using Spec.Core.Print;
using Spec.Core.Syntax;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec convert [SPEC] --to sam|serverless [--format yaml|json] [--output FILE]</c>: the spec as an AWS SAM template
/// (written from the bound model: functions with their events, never through the CloudFormation plan), or as itself
/// in the other format (YAML ⇄ JSON, variables unresolved, key order kept). Without <c>--output</c> the result goes
/// to stdout; approximations are warnings on stderr.
/// </summary>
internal sealed class ConvertCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string?> _spec = CommandEnvironment.SpecArgument();

    private readonly Option<string> _to = new("--to")
    {
        Description = "What to convert to: an AWS SAM template, or the serverless spec in the other format",
        DefaultValueFactory = _ => "sam",
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Output format",
        DefaultValueFactory = _ => "yaml",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write to this file instead of stdout",
        HelpName = "FILE",
    };

    public Command Build()
    {
        _to.AcceptOnlyFromAmong("sam", "serverless");
        _format.AcceptOnlyFromAmong("yaml", "json");
        var command = new Command("convert", "Convert the spec to an AWS SAM template, or between YAML and JSON")
        {
            _spec,
            _to,
            _format,
            _output,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var json = parse.GetValue(_format) == "json";
        return parse.GetValue(_to) == "serverless" ? ToServerless(parse, json) : ToSam(parse, json);
    }

    private int ToSam(ParseResult parse, bool json) =>
        BackendCommandSupport.Run(environment, parse, _spec, (resolved, diagnostics) =>
        {
            if (PlanBuilder.Bind(resolved, diagnostics) is not { } service)
            {
                return ExitCodes.Errors;
            }

            var template = SamTemplate.Write(service, diagnostics);
            return diagnostics.HasErrors
                ? ExitCodes.Errors
                : Emit(parse, SamTemplate.Render(template, json ? TemplateFormat.Json : TemplateFormat.Yaml));
        });

    private int ToServerless(ParseResult parse, bool json)
    {
        var result = environment.Run(parse, environment.Target(parse, _spec), PipelineStage.Load);
        if (result is not { HasErrors: false, Loaded.Root: { } root })
        {
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            new TextCheckRenderer(useColor: false).Render(new CheckReport([result with { Diagnostics = DiagnosticOrder.Sort(errors) }]),
                environment.Context.Error);
            return result.CouldNotProcess ? ExitCodes.Unprocessable : ExitCodes.Errors;
        }

        return SamReader.IsSamTemplate(root)
            ? FromSam(parse, result.Loaded!, json)
            : Emit(parse, ConfigPrinter.Write(root, json ? PrintFormat.Json : PrintFormat.Yaml));
    }

    /// <summary>A SAM template as serverless.yml: read into the model by the SAM reader, bound, written from the model.
    /// What serverless.yml cannot say is a SPEC-CONVERT warning on stderr; binding errors stop the conversion.</summary>
    private int FromSam(ParseResult parse, LoadResult loaded, bool json)
    {
        var notes = new DiagnosticBag();
        var read = SamReader.Read(loaded, environment.ResolveOptions(parse), notes);
        var bound = new DiagnosticBag();
        var service = Binder.Bind(read.Resolved, bound);
        var shown = notes.Items.Concat(bound.Items.Where(d => d.Severity == Severity.Error)).ToList();
        if (shown.Count > 0)
        {
            new TextCheckRenderer(useColor: false).Render(
                new CheckReport([new PipelineResult(loaded.Source.Path, loaded, null, DiagnosticOrder.Sort(shown))]), environment.Context.Error);
        }

        return service is null || bound.HasErrors
            ? ExitCodes.Errors
            : Emit(parse, ServerlessWriter.Write(service, read.Comments, json));
    }

    private int Emit(ParseResult parse, string text)
    {
        var context = environment.Context;
        if (parse.GetValue(_output) is not { } file)
        {
            context.Out.Write(text);
            return ExitCodes.Ok;
        }

        var path = context.Locate(file);
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            AtomicFile.Write(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: cannot write {path}: {e.Message}");
            return ExitCodes.Errors;
        }

        context.Out.WriteLine(path);
        return ExitCodes.Ok;
    }

    private int Refuse(string message)
    {
        environment.Context.Error.WriteLine($"error: {message}");
        return ExitCodes.Unprocessable;
    }
}
