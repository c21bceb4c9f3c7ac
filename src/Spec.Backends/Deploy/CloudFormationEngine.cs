using Spec.Backends.Packaging;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;

namespace Spec.Backends.Deploy;

/// <summary>
/// <c>spec deploy --engine cloudformation</c>: package the code like <c>spec package</c>, then deploy with the AWS CLI
/// (<see cref="CloudFormationDeployer"/>), optionally against another endpoint (<c>--endpoint-url</c>, e.g. moto).
/// </summary>
public sealed class CloudFormationEngine : DeployEngine
{
    public static TargetOption EndpointUrl { get; } = new("--endpoint-url", "AWS endpoint, e.g. an emulator such as moto") { HelpName = "URL" };

    public override string Name => "cloudformation";

    public override string Summary => "the AWS CLI and CloudFormation";

    public override string DeploysWith => "the AWS CLI (CloudFormation)";

    public override IReadOnlyList<TargetOption> Options { get; } = [EndpointUrl];

    public override int Deploy(DeployContext context, DiagnosticBag diagnostics)
    {
        var package = Packager.Package(context.Spec, diagnostics);
        if (!package.Succeeded || diagnostics.HasErrors)
        {
            return 1;
        }

        var options = new DeployOptions { EndpointUrl = context.Settings[EndpointUrl], Log = context.Log, SearchPath = context.SearchPath };
        return CloudFormationDeployer.Deploy(package, options, diagnostics) ? 0 : 1;
    }
}
