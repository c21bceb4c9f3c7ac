using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary>
/// <c>${aws:region}</c> (<c>--region</c>, else <c>provider.region</c>, else <c>us-east-1</c>) and
/// <c>${aws:accountId}</c>, which only AWS knows: kept as a deploy-time reference.
/// </summary>
internal sealed class AwsSource : IVariableSource
{
    public string Name => "aws";

    public string? NotFoundHelp => null;

    public bool NeedsAws(string? address) => address == "accountId";

    public Node? Resolve(VariableRequest request)
    {
        var address = request.Address;
        return address switch
        {
            "region" => ScalarNode.String(request.Span, Region(request.Run)) with
            {
                Expression = request.Expression,
                IsSensitive = request.Run.Options.Region is null && request.Run.Lookup(["provider", "region"])?.IsSensitive == true,
            },
            "accountId" => DeployTimeReferences.Create(Name, null, address, request.Expression, request.Span),
            null or "" => throw VariableRequest.MissingAddress(Name),
            _ => throw new ResolutionFailure($"Unsupported \"{address}\" address argument in variable \"aws\" source"),
        };
    }

    private static string Region(IResolutionContext run) =>
        run.Options.Region ?? ConfigTree.NonEmptyText(run.Lookup(["provider", "region"])) ?? Model.Defaults.Region;
}
