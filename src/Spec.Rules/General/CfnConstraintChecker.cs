using System.Globalization;
using System.Text.RegularExpressions;
using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>A value of a resource's properties that breaks its CloudFormation schema.</summary>
/// <param name="Node">The value (or, for a missing required property, the object that lacks it).</param>
/// <param name="Path">The property path inside <c>Properties</c> (<c>KeySchema[0].KeyType</c>); empty for the properties object.</param>
/// <param name="Problem">What is wrong (<c>is 'enabled'; allowed: ENABLED, DISABLED</c>).</param>
public sealed record CfnViolation(Node Node, string Path, string Problem);

/// <summary>
/// Walks a resource's <c>Properties</c> with its <see cref="CfnConstraint"/> tree once, and returns every literal value
/// outside the schema: range, enum, pattern, length, item count, scalar type, missing required keys, and keys the schema
/// says must, must not or may only together be present (<see cref="CfnPresenceChecker"/>). CloudFormation
/// functions (<c>Ref</c>, <c>Fn::*</c>), deploy-time values and unresolved variables are not judged: they are only
/// known when the stack is created.
/// </summary>
public static class CfnConstraintChecker
{
    /// <param name="properties">The resource's <c>Properties</c>; null when it has none.</param>
    /// <param name="constraint">The resource type's constraints.</param>
    /// <param name="owner">Where a resource without <c>Properties</c> is reported (its logical id).</param>
    /// <param name="checkRequired">False to leave out the resource's own required properties (a partial override).</param>
    public static IReadOnlyList<CfnViolation> Check(Node? properties, CfnConstraint constraint, Node owner, bool checkRequired = true) =>
        Check(properties is null ? (NodeValue?)null : new NodeValue(properties), constraint, owner, checkRequired);

    /// <summary>
    /// The same check over any value the checker can walk: a generated resource's JSON is walked as it is, a node is
    /// made only for a violation.
    /// </summary>
    public static IReadOnlyList<CfnViolation> Check<TValue>(TValue? properties, CfnConstraint constraint, Node owner, bool checkRequired = true)
        where TValue : struct, ICheckedValue<TValue>
    {
        ArgumentNullException.ThrowIfNull(constraint);
        ArgumentNullException.ThrowIfNull(owner);
        if (properties is not { } value)
        {
            var required = checkRequired ? constraint.Required : [];
            return required.Count > 0 ? [new CfnViolation(owner, string.Empty, Missing(required))] : [];
        }

        return Check(value, constraint, checkRequired);
    }

    /// <summary>The check of a resource that has properties (no owner to point at for missing ones).</summary>
    public static IReadOnlyList<CfnViolation> Check<TValue>(TValue properties, CfnConstraint constraint, bool checkRequired = true)
        where TValue : struct, ICheckedValue<TValue>
    {
        ArgumentNullException.ThrowIfNull(constraint);
        if (!checkRequired)
        {
            // A partial override: which of the resource's own keys it has says nothing (the generated body adds the rest).
            constraint = new CfnConstraint
            {
                Properties = constraint.Properties,
            };
        }

        // Tens of thousands of generated resources are checked, nearly all without a violation: the path and the list
        // are reused per thread, and a result is made only for what was found.
        var walk = t_walk ?? new WalkState();
        t_walk = null;
        try
        {
            Walk(properties, constraint, walk.Path, walk.Violations);
            return walk.Violations.Count == 0 ? [] : [.. walk.Violations];
        }
        finally
        {
            walk.Path.Clear();
            walk.Violations.Clear();
            t_walk = walk;
        }
    }

    [ThreadStatic]
    private static WalkState? t_walk;

    private sealed class WalkState
    {
        public PropertyPath Path { get; } = new();

        public List<CfnViolation> Violations { get; } = [];
    }

    private static void Walk<TValue>(TValue node, CfnConstraint c, PropertyPath path, List<CfnViolation> violations)
        where TValue : struct, ICheckedValue<TValue>
    {
        if (node.IsUnknown)
        {
            return;
        }

        switch (node.Kind)
        {
            case CheckedKind.Mapping:
                if (c.ScalarType is not null)
                {
                    violations.Add(new CfnViolation(node.ToNode(), path.ToString(), $"is an object; a{(c.ScalarType == "integer" ? "n" : string.Empty)} {c.ScalarType} is expected"));
                    return;
                }

                // Which keys an object merged by a function has is not judged.
                if ((c.Required.Count > 0 || c.Presence.Count > 0) && !HasFunctionKey(node))
                {
                    if (MissingKeys(node, c.Required) is { } missing)
                    {
                        violations.Add(new CfnViolation(node.ToNode(), path.ToString(), Missing(missing)));
                    }

                    for (var p = 0; p < c.Presence.Count; p++)
                    {
                        if (CfnPresenceChecker.Problem(node, c.Presence[p]) is { } problem)
                        {
                            violations.Add(new CfnViolation(problem.Node, path.ToString(), problem.Problem));
                        }
                    }
                }

                if (c.Properties.Count == 0)
                {
                    break;
                }

                for (var i = 0; i < node.Count; i++)
                {
                    var key = node.KeyAt(i);
                    if (c.Properties.TryGetValue(key, out var child))
                    {
                        path.Push(key);
                        Walk(node.ValueAt(i), child, path, violations);
                        path.Pop();
                    }
                }

                break;
            case CheckedKind.Sequence:
                if (c.ScalarType is not null)
                {
                    violations.Add(new CfnViolation(node.ToNode(), path.ToString(), $"is a list; a{(c.ScalarType == "integer" ? "n" : string.Empty)} {c.ScalarType} is expected"));
                    return;
                }

                var count = node.Count;
                if (c.MinItems is { } least && count < least)
                {
                    violations.Add(new CfnViolation(node.ToNode(), path.ToString(), $"has {count} items; at least {least} are needed"));
                }
                else if (c.MaxItems is { } most && count > most)
                {
                    violations.Add(new CfnViolation(node.ToNode(), path.ToString(), $"has {count} items; at most {most} are allowed"));
                }

                if (c.Items is { } items)
                {
                    for (var i = 0; i < count; i++)
                    {
                        path.Push(i);
                        Walk(node.ItemAt(i), items, path, violations);
                        path.Pop();
                    }
                }

                break;
            case CheckedKind.Scalar when Problem(node, c) is { } problem:
                violations.Add(new CfnViolation(node.ToNode(), path.ToString(), problem));
                break;
        }
    }

    /// <summary>An object merged by a function (<c>Fn::Transform</c> …) may get keys at deploy time.</summary>
    private static bool HasFunctionKey<TValue>(TValue mapping)
        where TValue : struct, ICheckedValue<TValue>
    {
        for (var i = 0; i < mapping.Count; i++)
        {
            if (mapping.KeyAt(i).StartsWith("Fn::", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The required keys the mapping lacks, or null when it has them all.</summary>
    private static List<string>? MissingKeys<TValue>(TValue mapping, IReadOnlyList<string> required)
        where TValue : struct, ICheckedValue<TValue>
    {
        List<string>? missing = null;
        for (var k = 0; k < required.Count; k++)
        {
            if (IndexOfKey(mapping, required[k]) < 0)
            {
                (missing ??= []).Add(required[k]);
            }
        }

        return missing;
    }

    /// <summary>The index of the mapping's entry for <paramref name="key"/>; -1 when it has none.</summary>
    internal static int IndexOfKey<TValue>(TValue mapping, string key)
        where TValue : struct, ICheckedValue<TValue>
    {
        for (var i = 0; i < mapping.Count; i++)
        {
            if (mapping.KeyAt(i) == key)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Missing(IReadOnlyList<string> keys) => keys.Count == 1
        ? $"is missing the required property '{keys[0]}'"
        : $"is missing the required properties {string.Join(", ", keys.Select(k => "'" + k + "'"))}";

    private static string? Problem<TValue>(TValue scalar, CfnConstraint c)
        where TValue : struct, ICheckedValue<TValue>
    {
        var text = scalar.Text;
        // Only a numeric constraint reads the value as a number.
        var number = c.ScalarType is "integer" or "number" || c.Minimum is not null || c.Maximum is not null
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed : (double?)null
            : null;
        switch (c.ScalarType)
        {
            case "integer" when number is not { } n || n % 1 != 0:
                return $"is {Shown(scalar, text)}; an integer is expected";
            case "number" when number is null:
                return $"is {Shown(scalar, text)}; a number is expected";
            case "boolean" when scalar.ScalarKind != ScalarKind.Bool && !bool.TryParse(text, out _):
                return $"is {Shown(scalar, text)}; true or false is expected";
        }

        if ((c.Minimum is not null || c.Maximum is not null) && number is { } value)
        {
            return value < c.Minimum || value > c.Maximum
                ? $"is {Shown(scalar, text)}; the allowed range is {Bound(c.Minimum)}–{Bound(c.Maximum)}"
                : null;
        }

        if (c.Enum is { Count: > 0 } allowed && !Allows(allowed, text))
        {
            return NotAllowed(scalar, text, allowed);
        }

        if (c.MinLength is { } shortest && text.Length < shortest)
        {
            return $"is {text.Length} characters long; at least {shortest} are needed";
        }

        if (c.MaxLength is { } longest && text.Length > longest)
        {
            return $"is {text.Length} characters long; at most {longest} are allowed";
        }

        return c.Pattern is { } pattern && !Matches(pattern, text)
            ? $"is {Shown(scalar, text)}, which does not match the pattern {c.PatternText}"
            : null;
    }

    private static bool Allows(IReadOnlyList<string> allowed, string text)
    {
        for (var i = 0; i < allowed.Count; i++)
        {
            if (string.Equals(allowed[i], text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string NotAllowed<TValue>(TValue scalar, string text, IReadOnlyList<string> allowed)
        where TValue : struct, ICheckedValue<TValue>
    {
        var shownValues = allowed.Count <= 12 ? string.Join(", ", allowed) : string.Join(", ", allowed.Take(12)) + ", …";
        // A sensitive value gets no spelling hint: the hint would spell the value.
        var close = scalar.IsSensitive ? null : allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        return $"is {Shown(scalar, text)}; allowed: {shownValues}" + (close is null ? string.Empty : $" (did you mean '{close}'?)");
    }

    /// <summary>The value as a message shows it (a sensitive one by its description), written only into a message.</summary>
    private static string Shown<TValue>(TValue scalar, string text)
        where TValue : struct, ICheckedValue<TValue> =>
        scalar.IsSensitive ? scalar.Display : $"'{text}'";

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static string Bound(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "…";
}
