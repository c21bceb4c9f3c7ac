using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary><c>${self:a.b}</c>: another property of the config, resolved first; <c>${self:}</c> is the whole config.</summary>
internal sealed class SelfSource : IVariableSource
{
    public string Name => "self";

    public string NotFoundHelp =>
        "check the path, or add a fallback; self reads the config before defaults are applied (use ${sls:stage} and ${aws:region} for the stage and region)";

    public bool NeedsAws(string? address) => false;

    public Node? Resolve(VariableRequest request)
    {
        var address = request.Address;
        var target = request.Run.Lookup(string.IsNullOrEmpty(address) ? [] : address.Split('.'));
        if (target is null)
        {
            return null;
        }

        var value = target with { Span = request.Span, Origin = target.EditSpan, Expression = request.Expression };
        return value is ScalarNode ? request.Reresolve(value) : value;
    }
}
