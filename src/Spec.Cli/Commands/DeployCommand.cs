using System.CommandLine;
using Spec.Backends.Deploy;
using Spec.Backends.Packaging;
using Spec.Core.Diagnostics;

namespace Spec.Cli.Commands;

/// <summary><c>spec deploy --engine cloudformation [--stage] [--region] [--endpoint-url URL]</c> through the AWS CLI.</summary>
internal sealed class DeployCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Option<string> _engine = new("--engine", "-e") { Description = "Deployment engine", DefaultValueFactory = _ => "cloudformation" };
    private readonly Option<string?> _endpoint = new("--endpoint-url") { Description = "AWS endpoint (an emulator such as moto)", HelpName = "URL" };

    public Command Build()
    {
        _engine.AcceptOnlyFromAmong("cloudformation");
        var command = new Command("deploy", "Package, upload and deploy the stack with the AWS CLI")
        {
            _engine,
            _endpoint,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var (result, resolved) = BackendCommandSupport.Resolve(environment, parse);
        var backend = new DiagnosticBag();
        var package = resolved is null ? null : Packager.Package(resolved, backend);
        var code = BackendCommandSupport.Report(environment, result, backend);
        if (code is not null || package is null)
        {
            return code ?? ExitCodes.Errors;
        }

        backend = new DiagnosticBag();
        var options = new DeployOptions
        {
            EndpointUrl = parse.GetValue(_endpoint),
            Log = line => environment.Context.Out.WriteLine(line),
        };
        if (!CloudFormationDeployer.Deploy(package, options, backend))
        {
            return BackendCommandSupport.Report(environment, result, backend) ?? ExitCodes.Errors;
        }

        return ExitCodes.Ok;
    }
}
