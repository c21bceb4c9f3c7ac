using System.CommandLine;
using System.Text;
using Spec.Backends.CloudFormation;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec compile [--target cloudformation|pulumi-ts|pulumi-yaml|pulumi-csharp] [--output DIR] [--format json|yaml]</c>:
/// a CloudFormation template (like <c>serverless package</c> without the code) or a complete Pulumi project.
/// </summary>
internal sealed class CompileCommand(CommandEnvironment environment) : ISpecCommand
{
    private const string CloudFormation = "cloudformation";

    private readonly Option<string> _target = new("--target", "-t")
    {
        Description = "What to compile to: a CloudFormation template, or a Pulumi project in TypeScript, YAML or C#",
        DefaultValueFactory = _ => CloudFormation,
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Output directory [default: .spec for cloudformation, .spec/<target> for Pulumi targets]",
        HelpName = "DIR",
    };

    private readonly Option<string> _format = BackendCommandSupport.FormatOption("Template format (cloudformation only)");

    public Command Build()
    {
        _target.AcceptOnlyFromAmong(CloudFormation, "pulumi-ts", "pulumi-yaml", "pulumi-csharp");
        var command = new Command("compile", "Compile the spec to a CloudFormation template or a Pulumi project (no code packaging)")
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
        var target = parse.GetValue(_target)!;
        if (target == CloudFormation)
        {
            var format = parse.GetValue(_format) == "yaml" ? TemplateFormat.Yaml : TemplateFormat.Json;
            var directory = environment.Context.Locate(parse.GetValue(_output) ?? ".spec");
            return BackendCommandSupport.Run(environment, parse, (resolved, diagnostics) => CompileTemplate(resolved, format, directory, diagnostics));
        }

        if (BackendCommandSupport.RejectInapplicable(environment, parse, $"--target {target}", "--target cloudformation", _format) is { } usage)
        {
            return usage;
        }

        _ = PulumiCompiler.TryParseTarget(target, out var pulumiTarget);
        var output = environment.Context.Locate(parse.GetValue(_output) ?? Path.Combine(".spec", target));
        return BackendCommandSupport.Run(environment, parse, (resolved, diagnostics) =>
        {
            if (BackendCommandSupport.PulumiSource(resolved, output, diagnostics) is not { } source)
            {
                return ExitCodes.Errors;
            }

            PulumiCompiler.Compile(source, pulumiTarget, output, diagnostics);
            environment.Context.Out.WriteLine(output);
            return ExitCodes.Ok;
        });
    }

    private int CompileTemplate(ResolvedSpec resolved, TemplateFormat format, string directory, DiagnosticBag diagnostics)
    {
        var compiled = CloudFormationCompiler.Compile(resolved, diagnostics, format: format);
        if (compiled.Text is null)
        {
            return ExitCodes.Errors;
        }

        var file = CloudFormationCompiler.FileName(format);
        if (!CloudFormationCompiler.WriteOutput(directory, new Dictionary<string, byte[]> { [file] = Encoding.UTF8.GetBytes(compiled.Text) }, diagnostics))
        {
            return ExitCodes.Errors;
        }

        environment.Context.Out.WriteLine(Path.Combine(directory, file));
        return ExitCodes.Ok;
    }
}
