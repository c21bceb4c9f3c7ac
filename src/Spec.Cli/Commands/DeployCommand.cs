using System.CommandLine;
using Spec.Backends.Deploy;
using Spec.Backends.Packaging;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;
using Spec.Core.Emit;
using Spec.Core.Resolve;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec deploy [--engine cloudformation|pulumi]</c>: package the code, then deploy with the AWS CLI
/// (<c>--endpoint-url</c>) or generate a Pulumi project and run <c>pulumi up</c> in it (<c>--stack</c>, <c>--yes</c>,
/// <c>--workdir</c>).
/// </summary>
internal sealed class DeployCommand(CommandEnvironment environment) : ISpecCommand
{
    private const string CloudFormation = "cloudformation";
    private const string Pulumi = "pulumi";

    private readonly Option<string> _engine = new("--engine", "-e")
    {
        Description = "Deployment engine: the AWS CLI and CloudFormation, or the Pulumi CLI",
        DefaultValueFactory = _ => CloudFormation,
    };

    private readonly Option<string?> _endpoint = new("--endpoint-url")
    {
        Description = "AWS endpoint, e.g. an emulator such as moto (cloudformation only)",
        HelpName = "URL",
    };

    private readonly Option<string?> _stack = new("--stack") { Description = "Pulumi stack [default: the stage] (pulumi only)", HelpName = "NAME" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Run `pulumi up` without asking for confirmation (pulumi only)" };

    private readonly Option<string?> _workdir = new("--workdir")
    {
        Description = "Where the Pulumi project is generated [default: .spec/pulumi beside the spec] (pulumi only)",
        HelpName = "DIR",
    };

    public Command Build()
    {
        _engine.AcceptOnlyFromAmong(CloudFormation, Pulumi);
        var command = new Command("deploy", "Package the code and deploy the service with the AWS CLI (CloudFormation) or with Pulumi")
        {
            _engine,
            _endpoint,
            _stack,
            _yes,
            _workdir,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var engine = parse.GetValue(_engine)!;
        var usage = engine == Pulumi
            ? BackendCommandSupport.RejectInapplicable(environment, parse, "--engine pulumi", "--engine cloudformation", _endpoint)
            : BackendCommandSupport.RejectInapplicable(environment, parse, "--engine cloudformation", "--engine pulumi", _stack, _yes, _workdir);
        if (usage is not null)
        {
            return usage.Value;
        }

        return BackendCommandSupport.Run(environment, parse, engine == Pulumi
            ? (resolved, diagnostics) => DeployWithPulumi(parse, resolved, diagnostics)
            : (resolved, diagnostics) => DeployWithCloudFormation(parse, resolved, diagnostics));
    }

    private int DeployWithCloudFormation(ParseResult parse, ResolvedSpec resolved, DiagnosticBag diagnostics)
    {
        var package = Packager.Package(resolved, diagnostics);
        if (!package.Succeeded || diagnostics.HasErrors)
        {
            return ExitCodes.Errors;
        }

        var options = new DeployOptions
        {
            EndpointUrl = parse.GetValue(_endpoint),
            Log = line => environment.Context.Out.WriteLine(line),
        };
        return CloudFormationDeployer.Deploy(package, options, diagnostics) ? ExitCodes.Ok : ExitCodes.Errors;
    }

    private int DeployWithPulumi(ParseResult parse, ResolvedSpec resolved, DiagnosticBag diagnostics)
    {
        var context = environment.Context;
        var work = parse.GetValue(_workdir) is { } w ? context.Locate(w) : Path.Combine(resolved.ServiceDirectory, ".spec", "pulumi");
        if (BackendCommandSupport.PulumiSource(resolved, work, diagnostics) is not { } source)
        {
            return ExitCodes.Errors;
        }

        // the code is packaged as `spec package` does it (patterns, individually, artifact), into the project
        var packaged = Packager.Package(resolved, diagnostics, outputDirectory: work);
        if (!packaged.Succeeded || diagnostics.HasErrors)
        {
            return ExitCodes.Errors;
        }

        AtomicFile.WriteAll(Path.Combine(work, "artifacts"), packaged.Artifacts.Select(a => KeyValuePair.Create(a.Name, a.Bytes)));

        var options = new PulumiDeployOptions
        {
            Stack = parse.GetValue(_stack),
            Yes = parse.GetValue(_yes),
            SearchPath = context.Environment.TryGetValue("PATH", out var path) ? path : null,
        };
        return PulumiDeployer.Deploy(source.WithArtifactsIn("./artifacts"), work, options, diagnostics);
    }
}
