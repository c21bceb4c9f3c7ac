using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Tests.Rules.Engine;

/// <summary>One value of a spec given through the environment: the variable that now stands for it, the value as
/// written (a number's as a double when it is one), and the line it was first written on (for a failure message).</summary>
internal sealed record ProbedValue(string Variable, string Original, double? Number, string Line)
{
    public bool IsNumber => Number is not null;

    /// <summary>A value of the same kind that differs from the one written: a number <paramref name="step"/> more, a
    /// string with a suffix no rule writes (<see cref="Marker"/>).</summary>
    public string Changed(int step = 1) => Number is { } number
        ? (number + step).ToString("R", CultureInfo.InvariantCulture)
        : Original + Marker;

    /// <summary>The suffix of a changed string: unique to the variable.</summary>
    public string Marker => "Zq" + Variable[(Variable.LastIndexOf('V') + 1)..] + "k";
}

/// <summary>
/// A spec with every plain scalar value (not keys, booleans, nulls, values that are themselves variables, multi-line
/// scalars or a <c>!GetAtt</c> short form, which splits its text when loaded) rewritten into
/// <c>${env:…}</c>, so the environment decides the value. <see cref="Loads"/> is false for a spec that does not load
/// (it has no values to give).
/// </summary>
internal sealed record EnvironmentValueProbe(string Text, IReadOnlyList<ProbedValue> Values, bool Loads)
{
    private const string VariablePrefix = "SPEC_PROBE_V";

    public static EnvironmentValueProbe Of(string path, string text)
    {
        var loaded = new YamlLoader().LoadText(path, text, new DiagnosticBag());
        var scalars = new List<ScalarNode>();
        if (loaded.Root is { } root)
        {
            CollectValues(root, scalars);
        }

        // An alias or a merge repeats the anchored node: it is written (and rewritten) once.
        var written = scalars
            .Where(s => IsProbed(s, text))
            .DistinctBy(s => s.Span.Start.Offset)
            .OrderBy(s => s.Span.Start.Offset)
            .ToList();
        // One variable per value: places that write the same value keep writing the same value (rules compare them).
        var variables = new Dictionary<(bool, string), ProbedValue>();
        var rewritten = new System.Text.StringBuilder(text.Length + (written.Count * 24));
        var copied = 0;
        foreach (var scalar in written)
        {
            var isNumber = scalar.Kind != ScalarKind.String;
            if (!variables.TryGetValue((isNumber, scalar.Text), out var value))
            {
                var index = variables.Count + 1;
                var variable = VariablePrefix + index.ToString(CultureInfo.InvariantCulture);
                value = new ProbedValue(variable, scalar.Text, isNumber ? scalar.AsDouble : null, LineAt(text, scalar.Span.Start.Offset).Trim());
                variables.Add((isNumber, scalar.Text), value);
            }

            rewritten.Append(text, copied, scalar.Span.Start.Offset - copied).Append("\"${env:").Append(value.Variable).Append("}\"");
            copied = scalar.Span.End.Offset;
        }

        rewritten.Append(text, copied, text.Length - copied);
        return new EnvironmentValueProbe(rewritten.ToString(), [.. variables.Values], loaded.Root is not null);
    }

    /// <summary>Every value given as written.</summary>
    public IReadOnlyDictionary<string, string> Environment() =>
        Values.ToDictionary(v => v.Variable, v => v.Original, StringComparer.Ordinal);

    /// <summary>Every value as written but <paramref name="changed"/>, which is given <see cref="ProbedValue.Changed"/>.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentWith(ProbedValue changed, int step = 1) =>
        Values.ToDictionary(v => v.Variable, v => v == changed ? v.Changed(step) : v.Original, StringComparer.Ordinal);

    private static void CollectValues(Node node, List<ScalarNode> into)
    {
        if (node is ScalarNode scalar)
        {
            into.Add(scalar);
        }

        Spec.Rules.General.NodeChildren.Visit(node, into, CollectValues);
    }

    private static bool IsProbed(ScalarNode scalar, string text)
    {
        var (start, end) = (scalar.Span.Start.Offset, scalar.Span.End.Offset);
        if (scalar.Kind is ScalarKind.Null or ScalarKind.Bool || end <= start || scalar.Span.Start.Line != scalar.Span.End.Line
            || scalar.Text.Contains("${", StringComparison.Ordinal) || text[start] is '!' or '|' or '>' or '*' or '&')
        {
            return false;
        }

        if (scalar.Kind is ScalarKind.Int or ScalarKind.Float && scalar.AsDouble is null)
        {
            return false;
        }

        var before = text.AsSpan(0, start).TrimEnd(" \t");
        return !before.EndsWith("!GetAtt", StringComparison.Ordinal);
    }

    private static string LineAt(string text, int offset)
    {
        var start = text.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1;
        var end = text.IndexOf('\n', offset);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
