using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary>
/// A source only AWS can answer, kept as a deploy-time reference for a backend to express: <c>${ssm:/path}</c>
/// (CloudFormation <c>{{resolve:ssm:…}}</c>), <c>${cf:stack.output}</c>, <c>${s3:bucket/key}</c>. The fallbacks after
/// it are not kept: the reference is the value.
/// </summary>
internal sealed class DeployTimeSource(string name) : IVariableSource
{
    public string Name { get; } = name;

    public string? NotFoundHelp => null;

    public bool NeedsAws(string? address) => true;

    public Node? Resolve(VariableRequest request)
    {
        if (string.IsNullOrEmpty(request.Address))
        {
            throw VariableRequest.MissingAddress(Name);
        }

        return DeployTimeReferences.Create(Name, request.Parameters, request.Address, request.Expression, request.Span);
    }
}
