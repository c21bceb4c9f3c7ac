using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary><c>${opt:name}</c>: a command-line option (<c>--name value</c>); <c>${opt:}</c> is all of them as a mapping.</summary>
internal sealed class OptSource : IVariableSource
{
    public string Name => "opt";

    public string NotFoundHelp => "pass the option on the command line or add a fallback: ${opt:name, 'default'}";

    public bool NeedsAws(string? address) => false;

    public Node? Resolve(VariableRequest request)
    {
        var span = request.Span;
        var options = request.Run.Options.Options;
        if (request.Address is not { } address)
        {
            return new MappingNode(span, [.. options.Select(o => new MappingEntry(
                ScalarNode.String(span, o.Key), ScalarNode.String(span, o.Value)))]) { Expression = request.Expression };
        }

        return options.TryGetValue(address, out var option)
            ? request.Reresolve(ScalarNode.String(span, option) with { Expression = request.Expression })
            : null;
    }
}
