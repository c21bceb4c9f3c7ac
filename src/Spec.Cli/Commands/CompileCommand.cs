using System.CommandLine;
using System.Text;
using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;

namespace Spec.Cli.Commands;

/// <summary><c>spec compile --target cloudformation [--output DIR] [--format json|yaml]</c>.</summary>
internal sealed class CompileCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Option<string> _target = new("--target", "-t") { Description = "What to compile to", DefaultValueFactory = _ => "cloudformation" };
    private readonly Option<string> _output = BackendCommandSupport.OutputOption();
    private readonly Option<string> _format = BackendCommandSupport.FormatOption();

    public Command Build()
    {
        _target.AcceptOnlyFromAmong("cloudformation");
        var command = new Command("compile", "Compile the spec to a CloudFormation template (like `serverless package`, without code)")
        {
            _target,
            _output,
            _format,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var (result, resolved) = BackendCommandSupport.Resolve(environment, parse);
        var backend = new DiagnosticBag();
        var format = parse.GetValue(_format) == "yaml" ? TemplateFormat.Yaml : TemplateFormat.Json;
        var compiled = resolved is null ? null : CloudFormationCompiler.Compile(resolved, backend, format: format);
        var code = BackendCommandSupport.Report(environment, result, backend);
        if (code is not null || compiled?.Text is null)
        {
            return code ?? ExitCodes.Errors;
        }

        backend = new DiagnosticBag();

        var directory = environment.Context.Locate(parse.GetValue(_output)!);
        var file = CloudFormationCompiler.FileName(format);
        if (!CloudFormationCompiler.WriteOutput(directory, new Dictionary<string, byte[]> { [file] = Encoding.UTF8.GetBytes(compiled.Text) }, backend))
        {
            return BackendCommandSupport.Report(environment, result, backend) ?? ExitCodes.Errors;
        }

        environment.Context.Out.WriteLine(Path.Combine(directory, file));
        return ExitCodes.Ok;
    }
}
