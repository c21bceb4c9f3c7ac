using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>
/// Judges an object against its schema's statements about which keys are present together (<see cref="CfnPresence"/>:
/// oneOf/anyOf groups, keys that require or exclude others). A key whose value is <c>Fn::If</c> (or
/// <c>Ref: AWS::NoValue</c>) may be absent at deploy time: it counts as present for what needs a key and as absent for
/// what forbids one, so only a combination that breaks the schema whatever the conditions are is reported. A branch
/// that also constrains the value of a present key (which this check does not judge) may match, never surely matches.
/// </summary>
public static class CfnPresenceChecker
{
    /// <summary>The node to point at and what is wrong, or null when the object meets the statement.</summary>
    public static (Node Node, string Problem)? Problem<TValue>(TValue mapping, CfnPresence presence)
        where TValue : struct, ICheckedValue<TValue>
    {
        ArgumentNullException.ThrowIfNull(presence);
        var keys = PresentKeys.Of(mapping);
        if (!Violated(presence, keys))
        {
            return null;
        }

        switch (presence.Kind)
        {
            case CfnPresenceKind.Requires:
                var missing = presence.Keys.Where(k => !keys.MayBe(k)).ToList();
                return (KeyNode(mapping, presence.Key), $"sets '{presence.Key}' without {Quoted(missing, " and ")}, which '{presence.Key}' requires");
            case CfnPresenceKind.Excludes:
                var excluded = presence.Keys.First(keys.Surely);
                return (KeyNode(mapping, excluded), $"sets '{excluded}' together with '{presence.Key}'; '{excluded}' cannot be used with '{presence.Key}'");
        }

        // Branches whose own keys are all set: two or more of them is a conflict, whatever else the object holds.
        var set = presence.Branches.Where(b => b.Required.Count > 0 && b.Required.All(keys.Surely)).ToList();
        var forms = string.Join(presence.Kind == CfnPresenceKind.OneOf ? ", " : " or ", presence.Branches.Select(Describe));
        if (set.Count >= 2 && presence.Kind == CfnPresenceKind.OneOf)
        {
            var conflicting = set.SelectMany(b => b.Required).Distinct(StringComparer.Ordinal).ToList();
            return (LastKeyNode(mapping, conflicting), $"sets {Quoted(conflicting, " and ")}; exactly one of {forms} is allowed");
        }

        if (presence.Branches.Any(b => b.Required.All(keys.MayBe)))
        {
            return (mapping.ToNode(), $"has a combination of keys the schema does not allow: {(presence.Kind == CfnPresenceKind.OneOf ? "exactly one of " : "one of ")}{forms} is needed");
        }

        return presence.Kind == CfnPresenceKind.OneOf
            ? (mapping.ToNode(), $"is missing one of {forms} (exactly one is needed)")
            : (mapping.ToNode(), $"is missing one of {forms} (at least one is needed)");
    }

    private static bool Violated(CfnPresence p, PresentKeys keys) => p.Kind switch
    {
        CfnPresenceKind.OneOf => !p.Branches.Any(b => Possible(b, keys)) || p.Branches.Count(b => Sure(b, keys)) >= 2,
        CfnPresenceKind.AnyOf => !p.Branches.Any(b => Possible(b, keys)),
        CfnPresenceKind.Requires => keys.Surely(p.Key) && p.Keys.Any(k => !keys.MayBe(k)),
        _ => keys.Surely(p.Key) && p.Keys.Any(keys.Surely),
    };

    /// <summary>Whether the statement holds whatever the conditions and the unjudged values are.</summary>
    private static bool Holds(CfnPresence p, PresentKeys keys) => p.Kind switch
    {
        CfnPresenceKind.OneOf => p.Branches.Count(b => Sure(b, keys)) == 1 && p.Branches.Count(b => Possible(b, keys)) == 1,
        CfnPresenceKind.AnyOf => p.Branches.Any(b => Sure(b, keys)),
        CfnPresenceKind.Requires => !keys.MayBe(p.Key) || p.Keys.All(keys.Surely),
        _ => !keys.MayBe(p.Key) || !p.Keys.Any(keys.MayBe),
    };

    /// <summary>The branch may match: its keys may all be set, nothing surely set is outside what it allows.</summary>
    private static bool Possible(CfnBranch b, PresentKeys keys) =>
        b.Required.All(keys.MayBe)
        && (b.Only is null || keys.Sure.All(b.Only.Contains))
        && b.Groups.All(g => !Violated(g, keys));

    /// <summary>The branch surely matches.</summary>
    private static bool Sure(CfnBranch b, PresentKeys keys) =>
        b.Required.All(keys.Surely)
        && (b.Only is null || keys.All.All(b.Only.Contains))
        && !b.Valued.Any(keys.MayBe)
        && b.Groups.All(g => Holds(g, keys));

    private static string Describe(CfnBranch b)
    {
        var parts = b.Required.Select(k => "'" + k + "'").ToList();
        parts.AddRange(b.Groups.Select(g => "(" + string.Join(g.Kind == CfnPresenceKind.OneOf ? " xor " : " or ", g.Branches.Select(Describe)) + ")"));
        return parts.Count == 0 ? (b.Only is { Count: 0 } ? "no key" : "none of them") : string.Join(" + ", parts);
    }

    private static string Quoted(IReadOnlyList<string> keys, string last) => keys.Count switch
    {
        0 => string.Empty,
        1 => "'" + keys[0] + "'",
        _ => string.Join(", ", keys.Take(keys.Count - 1).Select(k => "'" + k + "'")) + last + "'" + keys[^1] + "'",
    };

    private static Node KeyNode<TValue>(TValue mapping, string key)
        where TValue : struct, ICheckedValue<TValue> =>
        CfnConstraintChecker.IndexOfKey(mapping, key) is var i and >= 0 ? mapping.KeyNodeAt(i) : mapping.ToNode();

    private static Node LastKeyNode<TValue>(TValue mapping, IReadOnlyList<string> keys)
        where TValue : struct, ICheckedValue<TValue>
    {
        for (var i = mapping.Count - 1; i >= 0; i--)
        {
            if (keys.Contains(mapping.KeyAt(i), StringComparer.Ordinal))
            {
                return mapping.KeyNodeAt(i);
            }
        }

        return mapping.ToNode();
    }

    /// <summary>The keys of an object: surely set, or set only under a condition.</summary>
    private sealed class PresentKeys
    {
        private readonly HashSet<string> _conditional = new(StringComparer.Ordinal);

        public static PresentKeys Of<TValue>(TValue mapping)
            where TValue : struct, ICheckedValue<TValue>
        {
            var keys = new PresentKeys();
            for (var i = 0; i < mapping.Count; i++)
            {
                (IsConditional(mapping.ValueAt(i)) ? keys._conditional : keys.Sure).Add(mapping.KeyAt(i));
            }

            return keys;
        }

        public HashSet<string> Sure { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> All => Sure.Concat(_conditional);

        public bool Surely(string key) => Sure.Contains(key);

        public bool MayBe(string key) => Sure.Contains(key) || _conditional.Contains(key);

        private static bool IsConditional<TValue>(TValue value)
            where TValue : struct, ICheckedValue<TValue> =>
            value.Kind == CheckedKind.Mapping && value.Count == 1
            && (value.KeyAt(0) == "Fn::If"
                || value.KeyAt(0) == "Ref" && value.ValueAt(0) is { Kind: CheckedKind.Scalar } target && target.Text == "AWS::NoValue");
    }
}
