using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary>What a resolution run offers its sources: the inputs, the config, the service's files.</summary>
internal interface IResolutionContext
{
    ResolveOptions Options { get; }

    /// <summary>The process environment plus the <c>.env</c> files loaded for <c>useDotenv</c>.</summary>
    IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The text of the spec file (what <c>${sls:instanceId}</c> is derived from).</summary>
    string ConfigText { get; }

    ServiceFiles Files { get; }

    WorkBudget Budget { get; }

    /// <summary><c>--stage</c>, else <c>provider.stage</c>, else <c>dev</c>.</summary>
    string Stage();

    /// <summary>
    /// The resolved value at a dot path of the config (<c>self</c> semantics): every variable on the way and in the
    /// value found is resolved first. Null when something on the path is missing.
    /// </summary>
    Node? Lookup(IReadOnlyList<string> keys);

    /// <summary>Resolves the variables inside a value a source gave, one nesting level below <paramref name="depth"/>.</summary>
    Node Reresolve(Node value, PropertyUse use, int depth);
}
