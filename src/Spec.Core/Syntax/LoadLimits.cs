namespace Spec.Core.Syntax;

/// <summary>Bounds that keep hostile input (alias bombs, deep nesting, huge files) fast and finite.</summary>
public sealed record LoadLimits
{
    public static LoadLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    public int MaxScalarLength { get; init; } = 1024 * 1024;

    /// <summary>Nodes nested inside each other (keys and values count), as js-yaml's maxDepth, whose 100 the Framework keeps.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>
    /// Nodes that aliases add to the document when every alias is expanded (each use of an alias adds the nodes of
    /// what it names). A document without aliases adds none, whatever its size: its size is bounded by
    /// <see cref="MaxFileBytes"/>.
    /// </summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>
    /// Characters of scalar text (keys included) that aliases add when expanded: 300 aliases of a 1 MB string would
    /// make 300 MB of text in every later stage, which this refuses.
    /// </summary>
    public long MaxAliasExpansionCharacters { get; init; } = 10 * 1024 * 1024;
}
