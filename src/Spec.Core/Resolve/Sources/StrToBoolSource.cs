using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary><c>${strToBool(value)}</c>: <c>true</c>/<c>1</c> and <c>false</c>/<c>0</c> as a boolean.</summary>
internal sealed class StrToBoolSource : IVariableSource
{
    public string Name => "strToBool";

    public string? NotFoundHelp => null;

    public bool NeedsAws(string? address) => false;

    public Node? Resolve(VariableRequest request)
    {
        if (request.Parameters is not { Count: > 0 } parameters || parameters[0] is null or ScalarNode { IsNull: true })
        {
            throw new ResolutionFailure("Missing \"strToBool\" input");
        }

        var input = parameters[0] is ScalarNode s ? JsString.Of(s).Trim().ToLowerInvariant() : null;
        return input switch
        {
            "true" or "1" => new ScalarNode(request.Span, "true", ScalarKind.Bool) { Expression = request.Expression },
            "false" or "0" => new ScalarNode(request.Span, "false", ScalarKind.Bool) { Expression = request.Expression },
            _ => throw new ResolutionFailure(
                $"Invalid \"strToBool\" input: Expected either \"true\", \"false\", \"0\", or \"1\" ({request.Expression})"),
        };
    }
}
