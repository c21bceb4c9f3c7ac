using Spec.Core.Bind;

namespace Spec.Rules.Beanstalk.Checking;

/// <summary>"Did you mean" for namespace, option and key names, by the binder's distance (<see cref="KeySuggester.Distance"/>).</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a distance that grows with the name's length, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var limit = name.Length <= 4 ? 1 : name.Length <= 12 ? 2 : 3;
        var lower = name.ToLowerInvariant();
        return candidates
            .Select(c => (Name: c, Distance: KeySuggester.Distance(lower, c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>"; did you mean 'x'?" or empty.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } near ? $"; did you mean '{near}'?" : string.Empty;
}
