using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary><c>${env:NAME}</c>: an environment variable (with <c>.env</c> files under <c>useDotenv</c>); a secret.</summary>
internal sealed class EnvSource : IVariableSource
{
    public string Name => "env";

    public string NotFoundHelp => "set the environment variable or add a fallback: ${env:NAME, 'default'}";

    public bool NeedsAws(string? address) => false;

    public Node? Resolve(VariableRequest request)
    {
        if (string.IsNullOrEmpty(request.Address))
        {
            throw VariableRequest.MissingAddress(Name);
        }

        return request.Run.Environment.TryGetValue(request.Address, out var value)
            ? request.Reresolve(ScalarNode.String(request.Span, value) with
            {
                Expression = request.Expression,
                IsSensitive = true,
            })
            : null;
    }
}
