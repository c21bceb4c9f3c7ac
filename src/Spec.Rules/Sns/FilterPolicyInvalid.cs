using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sns;

/// <summary>
/// SLS-SNS-005: A subscription filter policy SNS rejects: over its limits (5 keys, 150 value combinations, 256 KB), nested
/// under the attribute scope, or with an unknown scope.
/// </summary>
/// <remarks>
/// As the SNS developer guide's filter policy constraints and AND/OR logic pages define them: the combinations are the
/// product of the value counts of the keys, a nested key's count multiplied by its depth (payload-based filtering);
/// an <c>$or</c> (an array of at least two objects without a match keyword — otherwise it is a plain key) adds the
/// combinations of its alternatives, and the five-key limit holds for the top-level keys of each alternative the
/// <c>$or</c>s expand to. Attribute-based filtering (the default scope) accepts no nesting.
/// </remarks>
public sealed class FilterPolicyInvalid : Rule
{
    private static readonly string[] Scopes = ["MessageAttributes", "MessageBody"];

    /// <summary>Match keywords: an <c>$or</c> alternative with one of them as a key makes <c>$or</c> a plain key.</summary>
    private static readonly HashSet<string> MatchKeywords = new(StringComparer.Ordinal)
    {
        "anything-but", "cidr", "equals-ignore-case", "exists", "numeric", "prefix", "suffix", "wildcard",
    };

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SNS-005",
        Title = "Subscription filter policy invalid",
        DefaultSeverity = Severity.Error,
        Category = "Sns",
        Description = "An `sns` event's `filterPolicy` (or an `AWS::SNS::Subscription`'s `FilterPolicy`) has more than 5 top-level keys (in any alternative its `$or`s expand to), " +
                      "its value lists combine to more than 150 combinations (the product of the list lengths, a nested key's multiplied by its depth, the alternatives of an `$or` added), " +
                      "its JSON is larger than 256 KB, or it nests keys while the scope is `MessageAttributes` (the default); or the filter policy scope is neither `MessageAttributes` nor `MessageBody`.",
        Rationale = "`Subscribe` / `SetSubscriptionAttributes` rejects a filter policy over these limits (`FilterPolicy: Filter policy is too complex`), a nested policy with attribute-based filtering and an unknown `FilterPolicyScope`; the deployment fails.",
        HowToFix = "Use `MessageAttributes` or `MessageBody` as the scope (`MessageBody` for a nested policy). Filter on fewer keys or fewer values (prefix or anything-but matching often replaces a long list), or split the subscription.",
        FailingExample = """
            - sns:
                topicName: orders
                filterPolicy:
                  a: [1]
                  b: [1]
                  c: [1]
                  d: [1]
                  e: [1]
                  f: [1]
            """,
        PassingExample = """
            - sns:
                topicName: orders
                filterPolicy:
                  type: [order, refund]
                  region: [eu, us]
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html",
            "https://docs.aws.amazon.com/sns/latest/dg/and-or-logic.html",
            "https://docs.aws.amazon.com/general/latest/gr/sns.html (filter policy quotas)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limits = new PolicyLimits(context.Limits["sns.filterPolicyKeys"], context.Limits["sns.filterPolicyCombinations"],
            context.Limits["sns.filterPolicySize"]);
        foreach (var function in context.Service.Functions)
        {
            foreach (var sns in function.EventsOf<SnsEvent>())
            {
                var owner = $"the sns event of function '{function.Key}'";
                if (sns.FilterPolicyScope is { Value: { } scope } written && !Scopes.Contains(scope, StringComparer.Ordinal))
                {
                    ReportScope(context, written.Node, owner);
                }

                if (sns.FilterPolicy is MappingNode policy)
                {
                    var scopeText = sns.FilterPolicyScope is null ? Scopes[0] : sns.FilterPolicyScope.Value;
                    Check(context, policy, (Node?)sns.Value.KeyOf("filterPolicy") ?? policy, owner, scopeText, limits);
                }
            }
        }

        foreach (var resource in context.Service.Resources.Resources)
        {
            if (!resource.IsType("AWS::SNS::Subscription"))
            {
                continue;
            }

            var scope = resource.Property("FilterPolicyScope");
            if (scope is ScalarNode { IsNull: false } written && !Scopes.Contains(written.Text, StringComparer.Ordinal))
            {
                ReportScope(context, written, $"subscription '{resource.LogicalId}'");
            }

            if (resource.Property("FilterPolicy") is MappingNode policy)
            {
                var scopeText = scope switch
                {
                    null or ScalarNode { IsNull: true } => Scopes[0],
                    ScalarNode s => s.Text,
                    _ => null,
                };
                Check(context, policy, (Node?)resource.Properties.KeyOf("FilterPolicy") ?? policy, $"subscription '{resource.LogicalId}'", scopeText, limits);
            }
        }
    }

    private sealed record PolicyLimits(Limit Keys, Limit Combinations, Limit Size);

    private static void ReportScope(RuleContext context, Node scope, string owner) =>
        context.Report(scope, $"the filter policy scope '{scope.Display}' of {owner} is not one of {string.Join(", ", Scopes)}");

    /// <param name="scope">The subscription's filter policy scope; null when it is not known here.</param>
    private static void Check(RuleContext context, MappingNode policy, Node at, string owner, string? scope, PolicyLimits limits)
    {
        if (Measure(policy, 1) is not { } measure)
        {
            return;
        }

        if (scope == Scopes[0] && measure.Nested is { } nested)
        {
            context.Report(nested, $"the filter policy of {owner} nests '{nested.Text}' while its scope is MessageAttributes; SNS accepts a nested policy only with the MessageBody scope");
            return;
        }

        if (!limits.Keys.Contains(measure.Keys))
        {
            var where = measure.HasOr ? " in one of the alternatives its `$or` expands to" : string.Empty;
            context.Report(at, $"the filter policy of {owner} has {measure.Keys} top-level keys{where}; SNS allows at most {limits.Keys.Max}");
            return;
        }

        if (!limits.Combinations.Contains(measure.Combinations))
        {
            var depth = measure.Nested is null ? string.Empty : ", a nested key's values counted once per level of its depth";
            context.Report(at, $"the filter policy of {owner} combines to {measure.Combinations} values ({measure.Formula}{depth}); SNS allows at most {limits.Combinations.Max}");
            return;
        }

        var size = JsonSize(policy);
        if (!limits.Size.Contains(size))
        {
            context.Report(at, string.Create(CultureInfo.InvariantCulture,
                $"the filter policy of {owner} is {size:N0} bytes as JSON; SNS allows at most {limits.Size.Max:N0} bytes (256 KB)"));
        }
    }

    /// <summary>What the limits are judged on: the combinations (and how they were counted), the most top-level keys of
    /// any alternative, and the first key whose value is an object (a nested policy).</summary>
    private sealed record Measured(long Combinations, string Formula, int Keys, bool HasOr, ScalarNode? Nested);

    /// <summary>Measures one policy object at <paramref name="depth"/> (1 = the policy itself); null when it cannot be
    /// judged here (a CloudFormation function or a deploy-time value in it).</summary>
    private static Measured? Measure(MappingNode map, int depth)
    {
        long combinations = 1;
        var factors = new List<string>();
        var keys = 0;
        var hasOr = false;
        ScalarNode? nested = null;
        foreach (var entry in map.Entries)
        {
            if (entry.Value.IsIntrinsic())
            {
                return null;
            }

            if (entry.Key.Text == "$or" && Alternatives(entry.Value) is { } alternatives)
            {
                long sum = 0;
                var mostKeys = 0;
                var texts = new List<string>();
                foreach (var alternative in alternatives)
                {
                    if (Measure(alternative, depth) is not { } m)
                    {
                        return null;
                    }

                    sum = Saturated(sum + m.Combinations);
                    mostKeys = Math.Max(mostKeys, m.Keys);
                    texts.Add(m.Formula);
                    nested ??= m.Nested;
                }

                combinations = Saturated(combinations * sum);
                factors.Add("(" + string.Join(" + ", texts) + ")");
                keys += mostKeys;
                hasOr = true;
                continue;
            }

            keys++;
            switch (entry.Value)
            {
                case MappingNode child:
                    if (Measure(child, depth + 1) is not { } m)
                    {
                        return null;
                    }

                    nested ??= entry.Key;
                    hasOr |= m.HasOr;
                    combinations = Saturated(combinations * m.Combinations);
                    factors.Add(m.Formula);
                    break;
                case SequenceNode values:
                    combinations = Saturated(combinations * Math.Max(values.Items.Count, 1) * depth);
                    factors.Add(depth == 1
                        ? values.Items.Count.ToString(CultureInfo.InvariantCulture)
                        : string.Create(CultureInfo.InvariantCulture, $"{values.Items.Count} × {depth}"));
                    break;
                default:
                    factors.Add("1");
                    break;
            }
        }

        return new Measured(combinations, factors.Count == 0 ? "1" : string.Join(" × ", factors), keys, hasOr, nested);
    }

    /// <summary>The alternatives of an <c>$or</c> SNS recognises (an array of at least two objects, none with a match
    /// keyword as a key); null when <c>$or</c> is a plain key.</summary>
    private static List<MappingNode>? Alternatives(Node value)
    {
        if (value is not SequenceNode { Items.Count: >= 2 } items)
        {
            return null;
        }

        var alternatives = new List<MappingNode>(items.Items.Count);
        foreach (var item in items.Items)
        {
            if (item is not MappingNode alternative || alternative.Entries.Any(e => MatchKeywords.Contains(e.Key.Text)))
            {
                return null;
            }

            alternatives.Add(alternative);
        }

        return alternatives;
    }

    private static long Saturated(long value) => Math.Min(value, 1_000_000_000_000L);

    /// <summary>The UTF-8 size of the policy as compact JSON (what <c>Subscribe</c> receives).</summary>
    private static long JsonSize(Node node) => node switch
    {
        MappingNode m => 2 + Math.Max(m.Entries.Count - 1, 0)
                           + m.Entries.Sum(e => StringSize(e.Key.Text) + 1 + JsonSize(e.Value)),
        SequenceNode s => 2 + Math.Max(s.Items.Count - 1, 0) + s.Items.Sum(JsonSize),
        ScalarNode { Kind: ScalarKind.String } s => StringSize(s.Text),
        ScalarNode { IsNull: true } => 4,
        ScalarNode s => Encoding.UTF8.GetByteCount(s.Text),
        _ => 0,
    };

    private static long StringSize(string text) =>
        2 + Encoding.UTF8.GetByteCount(System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text));
}
