using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>A YAML syntax error at a position, with the place the construct began when that helps.</summary>
internal sealed class YamlSyntaxException(string message, SourcePosition at, SourcePosition? started = null)
    : Exception(message)
{
    public SourcePosition At { get; } = at;

    public SourcePosition? Started { get; } = started;
}

/// <summary>A load limit was reached (depth, alias expansion, scalar size).</summary>
internal sealed class LoadLimitException(string message, SourcePosition at, string? help) : Exception(message)
{
    public SourcePosition At { get; } = at;

    public string? Help { get; } = help;
}
