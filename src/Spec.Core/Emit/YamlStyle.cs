namespace Spec.Core.Emit;

/// <summary>How a string scalar is written; <see cref="YamlEmitter"/> renders each (quotes, escapes, block indentation).</summary>
public enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,

    /// <summary><c>|</c>: the lines as they are.</summary>
    Literal,

    /// <summary><c>&gt;</c>: long lines folded at the line width.</summary>
    Folded,
}

/// <summary>Where a scalar is written: as a key (one line only), and how wide its line may be.</summary>
public readonly record struct YamlScalarContext(bool IsKey, int LineWidth);

/// <summary>Chooses the style of each string scalar: a writer's quoting policy, the only part that differs between writers.</summary>
public interface IYamlScalarStyle
{
    ScalarStyle Choose(string value, YamlScalarContext context);
}

/// <summary>The layout choices that differ between the YAML Spec writes: everything else is the same for all.</summary>
public sealed record YamlStyle(IYamlScalarStyle Scalars)
{
    /// <summary>A mapping inside a sequence starts on the dash's line (<c>- a: 1</c>) rather than below it.</summary>
    public bool CompactMappingsInSequences { get; init; } = true;

    /// <summary>A sequence inside a sequence starts on the dash's line (<c>- - a</c>) rather than below it.</summary>
    public bool CompactSequencesInSequences { get; init; } = true;

    /// <summary>Where folded scalars are folded (js-yaml's <c>lineWidth</c>).</summary>
    public int LineWidth { get; init; } = 80;
}

/// <summary>Every string double-quoted: no plain scalar is ever re-typed by a reader.</summary>
public sealed class DoubleQuotedScalars : IYamlScalarStyle
{
    public static DoubleQuotedScalars Instance { get; } = new();

    public ScalarStyle Choose(string value, YamlScalarContext context) => ScalarStyle.DoubleQuoted;
}
