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
    public static IReadOnlyList<CfnViolation> Check(Node? properties, CfnConstraint constraint, Node owner, bool checkRequired = true)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        ArgumentNullException.ThrowIfNull(owner);
        var violations = new List<CfnViolation>();
        if (!checkRequired)
        {
            // A partial override: which of the resource's own keys it has says nothing (the generated body adds the rest).
            constraint = new CfnConstraint
            {
                Properties = constraint.Properties,
            };
        }

        if (properties is null)
        {
            if (constraint.Required.Count > 0)
            {
                violations.Add(new CfnViolation(owner, string.Empty, Missing(constraint.Required)));
            }

            return violations;
        }

        Walk(properties, constraint, new PropertyPath(), violations);
        return violations;
    }

    /// <summary>Where the walk is (<c>KeySchema[0].KeyType</c>), written out only for a violation: most values are fine.</summary>
    private sealed class PropertyPath
    {
        private readonly List<(string? Key, int Index)> _segments = [];

        public void Push(string key) => _segments.Add((key, 0));

        public void Push(int index) => _segments.Add((null, index));

        public void Pop() => _segments.RemoveAt(_segments.Count - 1);

        public override string ToString()
        {
            var text = new System.Text.StringBuilder();
            foreach (var (key, index) in _segments)
            {
                if (key is null)
                {
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    text.Append(text.Length == 0 ? string.Empty : ".").Append(key);
                }
            }

            return text.ToString();
        }
    }

    private static void Walk(Node node, CfnConstraint c, PropertyPath path, List<CfnViolation> violations)
    {
        if (IsUnknown(node))
        {
            return;
        }

        switch (node)
        {
            case MappingNode mapping:
                if (c.ScalarType is not null)
                {
                    violations.Add(new CfnViolation(node, path.ToString(), $"is an object; a{(c.ScalarType == "integer" ? "n" : string.Empty)} {c.ScalarType} is expected"));
                    return;
                }

                // Which keys an object merged by a function has is not judged.
                if ((c.Required.Count > 0 || c.Presence.Count > 0) && !HasFunctionKey(mapping))
                {
                    var missing = c.Required.Where(key => mapping.Entry(key) is null).ToList();
                    if (missing.Count > 0)
                    {
                        violations.Add(new CfnViolation(node, path.ToString(), Missing(missing)));
                    }

                    foreach (var presence in c.Presence)
                    {
                        if (CfnPresenceChecker.Problem(mapping, presence) is { } problem)
                        {
                            violations.Add(new CfnViolation(problem.Node, path.ToString(), problem.Problem));
                        }
                    }
                }

                if (c.Properties.Count == 0)
                {
                    break;
                }

                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    var entry = mapping.Entries[i];
                    if (c.Properties.TryGetValue(entry.Key.Text, out var child))
                    {
                        path.Push(entry.Key.Text);
                        Walk(entry.Value, child, path, violations);
                        path.Pop();
                    }
                }

                break;
            case SequenceNode list:
                if (c.ScalarType is not null)
                {
                    violations.Add(new CfnViolation(node, path.ToString(), $"is a list; a{(c.ScalarType == "integer" ? "n" : string.Empty)} {c.ScalarType} is expected"));
                    return;
                }

                if (c.MinItems is { } least && list.Items.Count < least)
                {
                    violations.Add(new CfnViolation(node, path.ToString(), $"has {list.Items.Count} items; at least {least} are needed"));
                }
                else if (c.MaxItems is { } most && list.Items.Count > most)
                {
                    violations.Add(new CfnViolation(node, path.ToString(), $"has {list.Items.Count} items; at most {most} are allowed"));
                }

                if (c.Items is { } items)
                {
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        path.Push(i);
                        Walk(list.Items[i], items, path, violations);
                        path.Pop();
                    }
                }

                break;
            case ScalarNode { IsNull: false } scalar when Problem(scalar, c) is { } problem:
                violations.Add(new CfnViolation(node, path.ToString(), problem));
                break;
        }
    }

    /// <summary>An object merged by a function (<c>Fn::Transform</c> …) may get keys at deploy time.</summary>
    private static bool HasFunctionKey(MappingNode mapping)
    {
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            if (mapping.Entries[i].Key.Text.StartsWith("Fn::", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnknown(Node node) =>
        node.IsIntrinsic()
        || node is ScalarNode { Kind: ScalarKind.String } s
           && (s.Text.Contains("${", StringComparison.Ordinal) || s.Text.Contains("{{resolve:", StringComparison.Ordinal));

    private static string Missing(IReadOnlyList<string> keys) => keys.Count == 1
        ? $"is missing the required property '{keys[0]}'"
        : $"is missing the required properties {string.Join(", ", keys.Select(k => "'" + k + "'"))}";

    private static string? Problem(ScalarNode scalar, CfnConstraint c)
    {
        var shown = new Shown(scalar);
        var number = scalar.AsDouble ?? (double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed : null);
        switch (c.ScalarType)
        {
            case "integer" when number is not { } n || n % 1 != 0:
                return $"is {shown}; an integer is expected";
            case "number" when number is null:
                return $"is {shown}; a number is expected";
            case "boolean" when scalar.Kind != ScalarKind.Bool && !bool.TryParse(scalar.Text, out _):
                return $"is {shown}; true or false is expected";
        }

        if ((c.Minimum is not null || c.Maximum is not null) && number is { } value)
        {
            return value < c.Minimum || value > c.Maximum
                ? $"is {shown}; the allowed range is {Bound(c.Minimum)}–{Bound(c.Maximum)}"
                : null;
        }

        if (c.Enum is { Count: > 0 } allowed && !allowed.Contains(scalar.Text, StringComparer.Ordinal))
        {
            var shownValues = allowed.Count <= 12 ? string.Join(", ", allowed) : string.Join(", ", allowed.Take(12)) + ", …";
            var close = allowed.FirstOrDefault(a => string.Equals(a, scalar.Text, StringComparison.OrdinalIgnoreCase));
            return $"is {shown}; allowed: {shownValues}" + (close is null ? string.Empty : $" (did you mean '{close}'?)");
        }

        if (c.MinLength is { } shortest && scalar.Text.Length < shortest)
        {
            return $"is {scalar.Text.Length} characters long; at least {shortest} are needed";
        }

        if (c.MaxLength is { } longest && scalar.Text.Length > longest)
        {
            return $"is {scalar.Text.Length} characters long; at most {longest} are allowed";
        }

        return c.Pattern is { } pattern && !Matches(pattern, scalar.Text)
            ? $"is {shown}, which does not match the pattern {c.PatternText}"
            : null;
    }

    /// <summary>The value as a message shows it (a sensitive one by its description), written only into a message.</summary>
    private readonly struct Shown(ScalarNode scalar)
    {
        public override string ToString() => scalar.IsSensitive ? scalar.Display : $"'{scalar.Text}'";
    }

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
