namespace Spec.Core.Syntax;

/// <summary>The text of a loaded file, with line lookup for rendering carets and applying fixes.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        // Counted first, so a 100,000-line spec's line table is one array, not a list's doublings and a copy.
        _lineStarts = new int[text.AsSpan().Count('\n') + 1];
        var line = 1;
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _lineStarts[line++] = i + 1;
        }
    }

    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>The text of a 1-based line without its line break, or empty when out of range.</summary>
    public string Line(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        return Text[start..end].TrimEnd('\n', '\r');
    }

    /// <summary>The 0-based offset of a 1-based line and column.</summary>
    public int Offset(int line, int column) =>
        line < 1 || line > _lineStarts.Length ? Text.Length : Math.Min(Text.Length, _lineStarts[line - 1] + column - 1);
}
