using System.Text;

namespace Spec.Cli.Output;

/// <summary>
/// Makes one source line printable under a caret: tabs become 4 spaces, control characters become '?', so
/// that hostile input cannot move the cursor, and lines longer than <see cref="MaxWidth"/> are windowed around the span.
/// </summary>
internal static class SourceLine
{
    public const int MaxWidth = 160;
    private const int LeadIn = 40;

    /// <summary>The displayed line, and the display column and width of the [start, end) character range.</summary>
    public static (string Text, int CaretStart, int CaretWidth) Display(string line, int start, int end)
    {
        var sb = new StringBuilder(Math.Min(line.Length, MaxWidth * 2));
        int visualStart = 0, visualEnd = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == start)
            {
                visualStart = sb.Length;
            }

            if (i == end)
            {
                visualEnd = sb.Length;
            }

            if (i == line.Length || sb.Length > visualStart + MaxWidth + LeadIn && i > end)
            {
                break;
            }

            var c = line[i];
            if (c == '\t')
            {
                sb.Append("    ");
            }
            else if (char.IsControl(c))
            {
                sb.Append('?');
            }
            else
            {
                sb.Append(c);
            }
        }

        var text = sb.ToString();
        var width = Math.Max(1, visualEnd - visualStart);
        var windowStart = visualStart > LeadIn && text.Length > MaxWidth ? visualStart - LeadIn : 0;
        var windowed = text.Length - windowStart > MaxWidth
            ? text.Substring(windowStart, MaxWidth) + "…"
            : text[windowStart..];
        if (windowStart > 0)
        {
            windowed = "…" + windowed;
        }

        var caretStart = visualStart - windowStart + (windowStart > 0 ? 1 : 0);
        var maxWidth = Math.Max(1, windowed.Length - caretStart);
        return (windowed, caretStart, Math.Min(width, maxWidth));
    }
}
