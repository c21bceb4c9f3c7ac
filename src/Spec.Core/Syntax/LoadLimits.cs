namespace Spec.Core.Syntax;

/// <summary>Bounds that keep hostile input (alias bombs, deep nesting, huge files) fast and finite.</summary>
public sealed record LoadLimits
{
    public static LoadLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    public int MaxScalarLength { get; init; } = 1024 * 1024;

    public int MaxDepth { get; init; } = 256;

    /// <summary>Nodes the document would have with every alias expanded.</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;
}
