using System.CommandLine;
using Spec.Backends.CloudFormation;
using Spec.Backends.Packaging;

namespace Spec.Cli.Commands;

/// <summary><c>spec package [--output DIR] [--format json|yaml]</c>: the template plus deterministic code zips.</summary>
internal sealed class PackageCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string?> _spec = CommandEnvironment.SpecArgument();

    private readonly Option<string> _output = BackendCommandSupport.OutputOption();
    private readonly Option<string> _format = TargetOptions.Valued(CloudFormationTarget.Format, CloudFormationTarget.Format.Description);

    public Command Build()
    {
        var command = new Command("package", "Package the code and compile the CloudFormation template (like `serverless package`)")
        {
            _spec,
            _output,
            _format,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var format = parse.GetValue(_format) == "yaml" ? TemplateFormat.Yaml : TemplateFormat.Json;
        var directory = environment.Context.Locate(parse.GetValue(_output)!);
        return BackendCommandSupport.Run(environment, parse, _spec, (resolved, diagnostics) =>
        {
            var package = Packager.Package(resolved, diagnostics, format, directory);
            if (!package.Succeeded || diagnostics.HasErrors || !Packager.Write(package, directory, format, diagnostics))
            {
                return ExitCodes.Errors;
            }

            foreach (var artifact in package.Artifacts)
            {
                environment.Context.Out.WriteLine(Path.Combine(directory, artifact.Name));
            }

            environment.Context.Out.WriteLine(Path.Combine(directory, CloudFormationCompiler.FileName(format)));
            return ExitCodes.Ok;
        });
    }
}
