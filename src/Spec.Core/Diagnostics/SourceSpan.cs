namespace Spec.Core.Diagnostics;

/// <summary>A point in a source file. Line and column are 1-based; offset is a 0-based character index.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset);

/// <summary>A range of text in one file: where a node, a value or a finding is.</summary>
public sealed record SourceSpan(string File, SourcePosition Start, SourcePosition End)
{
    public int Line => Start.Line;
    public int Column => Start.Column;

    public static SourceSpan At(string file, int line, int column, int offset = 0) =>
        new(file, new SourcePosition(line, column, offset), new SourcePosition(line, column, offset));

    public override string ToString() => $"{File}:{Start.Line}:{Start.Column}";
}
