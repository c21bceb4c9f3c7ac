using System.Globalization;
using System.Text.RegularExpressions;

namespace Spec.Core.Bind;

/// <summary>
/// A node-semver range (<c>semver.validRange</c>, <c>semver.satisfies</c>, strict mode), as the Framework reads
/// <c>frameworkVersion</c>: comparator sets joined by <c>||</c>, each a list of comparators (<c>&lt;</c>, <c>&lt;=</c>,
/// <c>&gt;</c>, <c>&gt;=</c>, <c>=</c>), X-ranges (<c>*</c>, <c>3</c>, <c>3.x</c>), tilde and caret ranges and
/// hyphen ranges (<c>1.2 - 3</c>), desugared to plain comparators the way node-semver does.
/// </summary>
internal sealed partial class SemverRange
{
    private readonly List<List<(string Op, Version Bound)>> _sets;

    private SemverRange(List<List<(string Op, Version Bound)>> sets) => _sets = sets;

    /// <summary>A version: numbers and the prerelease identifiers (empty for a release).</summary>
    public sealed record Version(long Major, long Minor, long Patch, IReadOnlyList<string> Prerelease)
    {
        public static Version Of(long major, long minor, long patch, params string[] prerelease) => new(major, minor, patch, prerelease);

        public bool SameCore(Version other) => Major == other.Major && Minor == other.Minor && Patch == other.Patch;

        public int CompareTo(Version other)
        {
            var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
            if (core != 0)
            {
                return core;
            }

            // A prerelease sorts before its release; identifiers compare numerically when both are numbers.
            if (Prerelease.Count == 0 || other.Prerelease.Count == 0)
            {
                return (Prerelease.Count == 0, other.Prerelease.Count == 0) switch
                {
                    (true, false) => 1,
                    (false, true) => -1,
                    _ => 0,
                };
            }

            for (var i = 0; i < Math.Max(Prerelease.Count, other.Prerelease.Count); i++)
            {
                if (i >= Prerelease.Count)
                {
                    return -1;
                }

                if (i >= other.Prerelease.Count)
                {
                    return 1;
                }

                var (a, b) = (Prerelease[i], other.Prerelease[i]);
                var aNumber = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x);
                var bNumber = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
                var c = (aNumber, bNumber) switch
                {
                    (true, true) => x.CompareTo(y),
                    (true, false) => -1,
                    (false, true) => 1,
                    _ => string.CompareOrdinal(a, b),
                };
                if (c != 0)
                {
                    return Math.Sign(c);
                }
            }

            return 0;
        }
    }

    // A partial version: each part a number, or x/X/* (or absent) for any; then an optional prerelease and build.
    [GeneratedRegex(@"^v?(?<major>0|[1-9]\d*|[xX*])(?:\.(?<minor>0|[1-9]\d*|[xX*])(?:\.(?<patch>0|[1-9]\d*|[xX*])" +
                    @"(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex PartialPattern();

    [GeneratedRegex(@"^\s*(?<from>\S+)\s+-\s+(?<to>\S+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenPattern();

    // node-semver joins an operator to its version ("> 1.2" is ">1.2", "~ 1" is "~1").
    [GeneratedRegex(@"(<=|>=|<|>|=|~>|~|\^)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorSpace();

    /// <summary>The range, or null when node-semver's <c>validRange</c> refuses it.</summary>
    public static SemverRange? Parse(string text)
    {
        var sets = new List<List<(string, Version)>>();
        foreach (var part in text.Split("||"))
        {
            if (ParseSet(part) is not { } set)
            {
                return null;
            }

            sets.Add(set);
        }

        return new SemverRange(sets);
    }

    /// <summary><c>semver.satisfies</c>: some set whose comparators all hold; a prerelease version only where a
    /// comparator of that set names a prerelease of the same major.minor.patch.</summary>
    public bool IsSatisfiedBy(Version version) => _sets.Any(set =>
        set.All(c => Holds(version, c.Op, c.Bound)) &&
        (version.Prerelease.Count == 0 || set.Any(c => c.Bound.Prerelease.Count > 0 && c.Bound.SameCore(version))));

    private static bool Holds(Version v, string op, Version bound)
    {
        var c = v.CompareTo(bound);
        return op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            ">=" => c >= 0,
            _ => c == 0,
        };
    }

    private static List<(string, Version)>? ParseSet(string text)
    {
        var set = new List<(string, Version)>();
        if (HyphenPattern().Match(text) is { Success: true } hyphen)
        {
            return Partial(hyphen.Groups["from"].Value) is { } from && Partial(hyphen.Groups["to"].Value) is { } to
                ? Hyphen(from, to)
                : null;
        }

        foreach (var token in OperatorSpace().Replace(text.Trim(), "$1").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var op = token.StartsWith("~>", StringComparison.Ordinal) ? "~"
                : token.Length > 1 && token[..2] is "<=" or ">=" ? token[..2]
                : token.Length > 0 && token[0] is '<' or '>' or '=' or '~' or '^' ? token[..1]
                : string.Empty;
            var rest = token[(op == "~" && token.StartsWith("~>", StringComparison.Ordinal) ? 2 : op.Length)..];
            if (Partial(rest) is not { } p)
            {
                return null;
            }

            set.AddRange(op switch
            {
                "~" => Tilde(p),
                "^" => Caret(p),
                _ => XRange(op, p),
            });
        }

        return set;
    }

    /// <summary>A partial version: null parts are wildcards.</summary>
    private sealed record PartialVersion(long? Major, long? Minor, long? Patch, string[] Prerelease)
    {
        public Version Floor => Version.Of(Major ?? 0, Minor ?? 0, Patch ?? 0, Prerelease);
    }

    private static PartialVersion? Partial(string text)
    {
        if (PartialPattern().Match(text) is not { Success: true } m)
        {
            return null;
        }

        static long? Part(Group g) => g.Success && long.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var (major, minor, patch) = (Part(m.Groups["major"]), Part(m.Groups["minor"]), Part(m.Groups["patch"]));
        // A wildcard makes every later part a wildcard (1.x.3 is 1.x).
        minor = major is null ? null : minor;
        patch = minor is null ? null : patch;
        return new PartialVersion(major, minor, patch, m.Groups["pre"].Success && patch is not null ? m.Groups["pre"].Value.Split('.') : []);
    }

    private static Version Upper(long major, long minor, long patch) => Version.Of(major, minor, patch, "0");

    private static IEnumerable<(string, Version)> XRange(string op, PartialVersion p)
    {
        if (p.Major is not { } major)
        {
            // "*" and ">=*" match everything; "<*" and ">*" nothing.
            return op is "<" or ">" ? [("<", Version.Of(0, 0, 0, "0"))] : [];
        }

        if (p.Patch is not null)
        {
            return [(op.Length == 0 ? "=" : op, p.Floor)];
        }

        var minor = p.Minor;
        return op switch
        {
            ">" => [(">=", minor is { } m ? Version.Of(major, m + 1, 0) : Version.Of(major + 1, 0, 0))],
            ">=" => [(">=", p.Floor)],
            "<" => [("<", Version.Of(major, minor ?? 0, 0, "0"))],
            "<=" => [("<", minor is { } m2 ? Upper(major, m2 + 1, 0) : Upper(major + 1, 0, 0))],
            _ => [(">=", p.Floor), ("<", minor is { } m3 ? Upper(major, m3 + 1, 0) : Upper(major + 1, 0, 0))],
        };
    }

    private static IEnumerable<(string, Version)> Tilde(PartialVersion p) => p switch
    {
        { Major: null } => [],
        { Major: { } major, Minor: null } => [(">=", p.Floor), ("<", Upper(major + 1, 0, 0))],
        { Major: { } major, Minor: { } minor } => [(">=", p.Floor), ("<", Upper(major, minor + 1, 0))],
    };

    private static IEnumerable<(string, Version)> Caret(PartialVersion p) => p switch
    {
        { Major: null } => [],
        { Major: { } major, Minor: null } => [(">=", p.Floor), ("<", Upper(major + 1, 0, 0))],
        { Major: 0, Minor: { } minor, Patch: null } => [(">=", p.Floor), ("<", Upper(0, minor + 1, 0))],
        { Major: { } major, Patch: null } => [(">=", p.Floor), ("<", Upper(major + 1, 0, 0))],
        { Major: 0, Minor: 0, Patch: { } patch } => [(">=", p.Floor), ("<", Upper(0, 0, patch + 1))],
        { Major: 0, Minor: { } minor } => [(">=", p.Floor), ("<", Upper(0, minor + 1, 0))],
        { Major: { } major } => [(">=", p.Floor), ("<", Upper(major + 1, 0, 0))],
    };

    private static List<(string, Version)> Hyphen(PartialVersion from, PartialVersion to)
    {
        var set = new List<(string, Version)>();
        if (from.Major is not null)
        {
            set.Add((">=", from.Floor));
        }

        if (to.Major is { } major)
        {
            set.Add(to switch
            {
                { Minor: null } => ("<", Upper(major + 1, 0, 0)),
                { Minor: { } minor, Patch: null } => ("<", Upper(major, minor + 1, 0)),
                _ => ("<=", to.Floor),
            });
        }

        return set;
    }
}
