using System.Text;

namespace Spec.Tests.Load;

/// <summary>
/// Deterministic mutants of a YAML document (the same text and seed always give the same mutants): characters
/// deleted, inserted or replaced with YAML's significant ones, lines duplicated, dropped, swapped, joined,
/// re-indented (spaces and tabs), comments at odd indentation, truncation, and snippets of the syntax a spec uses
/// (anchors, aliases, merge keys, tags, quoting, block scalars, document markers, numbers and dates), and characters
/// YAML treats specially (NUL, BOM, NEL, line separators, controls, lone surrogates).
/// </summary>
internal static class YamlMutations
{
    private const string Significant = " \t\n:-#[]{},'\"|>&*!?%@`\\~0123456789.\r";

    private static readonly string[] Snippets =
    [
        "&a ", "*a", "<<: *a\n", "<<: ", "!Ref ", "!GetAtt ", "!Sub ", "!!str ", "!!int ", "!Foo ", "? ", ": ", "- ", "---\n",
        "...\n", "%YAML 1.2\n", "\"\\u00e9\\x41\"", "\"\\udfff\\ud800\"", "'x''y'", "|-\n", ">+\n", "|2\n", "~", "0x1F",
        "0o17", "2001-12-14", "2001-12-14 21:59:43.10 -5", ".inf", "1e3", "1_000", "yes", "null", "[a, b]", "{a: 1}",
        "[\n", "{\n", "# x\n", "  # x\n", "\t\n", "\"", "'", "a: [", "\\", "? [a, b]\n: c\n", "&b {x: 1}", "*b",

        // Characters YAML or js-yaml treat specially: NUL, a BOM inside the text, NEL, the line and paragraph
        // separators, C0/C1 controls, DEL, lone surrogates, a non-character, a no-break space, a CR alone.
        "\0", "\uFEFF", "\u0085", "\u2028", "\u2029", "\u0001", "\u009F", "\u007F", "\uD800", "\uDC00", "\uFFFE",
        "\u00A0", "\r", "\uD83D\uDE00",
    ];

    public static IEnumerable<string> Of(string text, string seedName, int count)
    {
        var random = new Random(Seed(seedName));
        for (var i = 0; i < count; i++)
        {
            var mutant = text;
            var steps = 1 + random.Next(3);
            for (var s = 0; s < steps; s++)
            {
                mutant = Mutate(mutant, random);
            }

            yield return mutant;
        }
    }

    /// <summary>One mutation of the text, drawn from <paramref name="random"/>.</summary>
    internal static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Snippets[random.Next(Snippets.Length)];
        }

        var lines = text.Split('\n').ToList();
        var at = random.Next(text.Length);
        var line = random.Next(lines.Count);
        switch (random.Next(14))
        {
            case 0:
                return text.Remove(at, 1);
            case 1:
                return text.Insert(at, Significant[random.Next(Significant.Length)].ToString());
            case 2:
                return new StringBuilder(text) { [at] = Significant[random.Next(Significant.Length)] }.ToString();
            case 3:
                lines.Insert(line, lines[line]);
                break;
            case 4:
                lines.RemoveAt(line);
                break;
            case 5:
                lines[line] = new string(' ', 1 + random.Next(2)) + lines[line];
                break;
            case 6:
                lines[line] = lines[line].StartsWith(' ') ? lines[line][1..] : lines[line];
                break;
            case 7:
                lines[line] = lines[line].StartsWith(' ') ? "\t" + lines[line][1..] : "\t" + lines[line];
                break;
            case 8:
                return text[..at];
            case 9 when line + 1 < lines.Count:
                (lines[line], lines[line + 1]) = (lines[line + 1], lines[line]);
                break;
            case 10:
                lines.Insert(line, new string(' ', random.Next(8)) + "# comment");
                break;
            case 11 when line + 1 < lines.Count:
                lines[line] += " " + lines[line + 1].TrimStart();
                lines.RemoveAt(line + 1);
                break;
            case 12:
                lines.Insert(line, new string(' ', random.Next(8)) + (random.Next(2) == 0 ? string.Empty : "\t"));
                break;
            default:
                return text.Insert(at, Snippets[random.Next(Snippets.Length)]);
        }

        return string.Join('\n', lines);
    }

    // A stable hash (string.GetHashCode is randomised per process).
    private static int Seed(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
