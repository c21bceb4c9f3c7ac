namespace Spec.Core.Bind;

/// <summary>Finds the known key closest to a misspelt one (optimal string alignment distance): the one "did you mean"
/// of the binder, the Elastic Beanstalk checks and any other check of names.</summary>
public static class KeySuggester
{
    /// <summary>The closest known key within a distance that scales with the key length, or null.</summary>
    public static string? Suggest(string key, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(known);
        var limit = key.Length <= 3 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (key.Length > 0 && d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        // A case-only difference (distance 0 after lowering) is always worth suggesting.
        return best is not null && bestDistance <= limit ? best : null;
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment: adjacent transpositions count as one), exact:
    /// the one edit distance of every "did you mean" (keys, rule ids, options, logical ids).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
