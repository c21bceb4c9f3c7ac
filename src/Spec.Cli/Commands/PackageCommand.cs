using System.CommandLine;
using Spec.Backends.Beanstalk;
using Spec.Backends.CloudFormation;
using Spec.Backends.Packaging;
using Spec.Backends.Targets;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec package [--target cloudformation|beanstalk] [--output DIR] [--format json|yaml]</c>: the template plus
/// deterministic code zips, or one source bundle zip per Elastic Beanstalk environment plus the companion template.
/// </summary>
internal sealed class PackageCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string?> _spec = CommandEnvironment.SpecArgument();

    private static readonly string[] Packaged = ["cloudformation", "beanstalk"];

    private readonly Option<string> _target = new("--target", "-t")
    {
        Description = "What to package for: the CloudFormation template and code zips, or Elastic Beanstalk source bundles",
        DefaultValueFactory = _ => Packaged[0],
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = $"Output directory [default: {Packager.DefaultOutputDirectory} for cloudformation, {Packager.DefaultOutputDirectory}/beanstalk for beanstalk]",
        HelpName = "DIR",
    };

    private readonly Option<string> _format = TargetOptions.Valued(CloudFormationTarget.Format, CloudFormationTarget.Format.Description);

    public Command Build()
    {
        _target.AcceptOnlyFromAmong(Packaged);
        var command = new Command("package", "Package the code and compile the CloudFormation template (like `serverless package`), or Elastic Beanstalk source bundles")
        {
            _spec,
            _target,
            _output,
            _format,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var target = TargetRegistry.Find(parse.GetValue(_target)!)!;
        if (target is BeanstalkTarget)
        {
            if (parse.GetResult(_format) is { Implicit: false })
            {
                environment.Context.Error.WriteLine("error: --format applies only to --target cloudformation, not to --target beanstalk");
                return ExitCodes.Unprocessable;
            }

            return PackageBeanstalk(parse, environment.Context.Locate(parse.GetValue(_output) ?? target.DefaultOutput));
        }

        var format = parse.GetValue(_format) == "yaml" ? TemplateFormat.Yaml : TemplateFormat.Json;
        var directory = environment.Context.Locate(parse.GetValue(_output) ?? Packager.DefaultOutputDirectory);
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

    private int PackageBeanstalk(ParseResult parse, string directory) =>
        BackendCommandSupport.Run(environment, parse, _spec, (resolved, diagnostics) =>
        {
            if (BeanstalkPackager.Package(resolved, diagnostics, directory) is not { } package
                || !TargetCompiler.WriteFiles(directory, package.Files.Select(f => KeyValuePair.Create(f.Path, f.Content)), diagnostics))
            {
                return ExitCodes.Errors;
            }

            foreach (var file in package.Files)
            {
                environment.Context.Out.WriteLine(Path.Combine(directory, file.Path));
            }

            return ExitCodes.Ok;
        });
}
