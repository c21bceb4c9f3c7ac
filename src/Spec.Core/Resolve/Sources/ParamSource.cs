using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary>
/// <c>${param:name}</c>: the last <c>--param name=value</c>, else <c>params.&lt;stage&gt;.name</c>, else
/// <c>params.default.name</c> of the config.
/// </summary>
internal sealed class ParamSource : IVariableSource
{
    public string Name => "param";

    public string NotFoundHelp => "pass --param name=value, or set params.<stage>.name or params.default.name";

    public bool NeedsAws(string? address) => false;

    public Node? Resolve(VariableRequest request)
    {
        var name = request.Address;
        if (string.IsNullOrEmpty(name))
        {
            throw VariableRequest.MissingAddress(Name);
        }

        var run = request.Run;
        var passed = run.Options.Params;
        for (var i = passed.Count - 1; i >= 0; i--)
        {
            if (passed[i].Key == name)
            {
                return request.Reresolve(ScalarNode.String(request.Span, passed[i].Value) with
                {
                    Expression = request.Expression,
                });
            }
        }

        var stage = run.Stage();
        var value = run.Lookup(["params", stage, name]) ?? run.Lookup(["params", "default", name]);
        return value is null
            ? null
            : value with { Span = request.Span, Origin = value.EditSpan, Expression = request.Expression };
    }
}
