using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>
/// Rules that check every value against a published constraint (the CloudFormation resource schemas, the Framework's
/// config schema) back up the dedicated rules: where another finding already points at the same value, that finding
/// (a dedicated rule's, with its reasons and fixes, or the stronger backstop's) is the one cause the user sees, and the
/// backstop's is dropped; of several backstop findings of one rule at one value (the value a function's
/// <c>description</c> gives both the function and its version, one node an alias repeats) the first is kept. A finding
/// on a generated resource located at the key it was made for (its related location is that same key) never yields: it
/// is about a property the key does not show, not about the findings there.
/// </summary>
public static class Backstops
{
    /// <summary>The backstop rules, strongest first: SLS-GEN-009 (CloudFormation refuses the value at deploy time)
    /// before SLS-GEN-010 (the Framework warns).</summary>
    public static readonly IReadOnlyList<string> Ids = ["SLS-GEN-009", "SLS-GEN-010"];

    public static List<Diagnostic> DropCovered(List<Diagnostic> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        // Only the places of backstop findings matter (a run with thousands of other findings and none of these keeps
        // them all without a table of their places).
        HashSet<(string File, int Offset)>? backstopped = null;
        foreach (var d in findings)
        {
            if (Rank(d.Id) > 0 && d.Span is { } span)
            {
                (backstopped ??= []).Add((span.File, span.Start.Offset));
            }
        }

        if (backstopped is null)
        {
            return findings;
        }

        // The strongest rank reported at each of those places: 0 for any rule that is not a backstop, then by Ids.
        var strongest = new Dictionary<(string File, int Offset), int>();
        foreach (var d in findings)
        {
            if (d.Span is { } span && backstopped.Contains((span.File, span.Start.Offset)))
            {
                var key = (span.File, span.Start.Offset);
                var rank = Rank(d.Id);
                strongest[key] = strongest.TryGetValue(key, out var seen) ? Math.Min(seen, rank) : rank;
            }
        }

        var taken = new HashSet<(string File, int Offset)>();
        return [.. findings.Where(d => Rank(d.Id) == 0 || d.Span is not { } span || d.Related.Any(r => r.Span == span)
                                       || (strongest[(span.File, span.Start.Offset)] >= Rank(d.Id) && taken.Add((span.File, span.Start.Offset))))];
    }

    private static int Rank(string id)
    {
        for (var i = 0; i < Ids.Count; i++)
        {
            if (Ids[i] == id)
            {
                return i + 1;
            }
        }

        return 0;
    }
}
