using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Sns;

/// <summary>SLS-SNS-005: A subscription filter policy SNS rejects: over its limits (5 keys, 150 value combinations) or with an unknown scope.</summary>
public sealed class FilterPolicyInvalid : Rule
{
    private static readonly string[] Scopes = ["MessageAttributes", "MessageBody"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-SNS-005",
        Title = "Subscription filter policy invalid",
        DefaultSeverity = Severity.Error,
        Category = "Sns",
        Description = "An `sns` event's `filterPolicy` (or an `AWS::SNS::Subscription`'s `FilterPolicy`) has more than 5 keys, or its value lists combine to more than 150 combinations (the product of the list lengths); or the filter policy scope is neither `MessageAttributes` nor `MessageBody`.",
        Rationale = "`Subscribe` / `SetSubscriptionAttributes` rejects a filter policy over these limits (`FilterPolicy: Filter policy is too complex`) and an unknown `FilterPolicyScope`; the deployment fails.",
        HowToFix = "Use `MessageAttributes` or `MessageBody` as the scope. Filter on fewer keys or fewer values (prefix or anything-but matching often replaces a long list), or split the subscription.",
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
            "https://docs.aws.amazon.com/general/latest/gr/sns.html (filter policy quotas)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var keys = context.Limits["sns.filterPolicyKeys"];
        var combinations = context.Limits["sns.filterPolicyCombinations"];
        foreach (var function in context.Service.Functions)
        {
            foreach (var sns in function.EventsOf<SnsEvent>())
            {
                if (sns.FilterPolicyScope is { Value: { } scope } written && !Scopes.Contains(scope, StringComparer.Ordinal))
                {
                    ReportScope(context, written.Node, $"the sns event of function '{function.Key}'");
                }

                if (sns.FilterPolicy is MappingNode policy)
                {
                    Check(context, policy, (Node?)sns.Value.KeyOf("filterPolicy") ?? policy, $"the sns event of function '{function.Key}'", keys, combinations);
                }
            }
        }

        foreach (var resource in context.Service.Resources.Resources)
        {
            if (resource.IsType("AWS::SNS::Subscription") && resource.Property("FilterPolicyScope") is ScalarNode { IsNull: false } scope
                && !Scopes.Contains(scope.Text, StringComparer.Ordinal))
            {
                ReportScope(context, scope, $"subscription '{resource.LogicalId}'");
            }

            if (resource.IsType("AWS::SNS::Subscription") && resource.Property("FilterPolicy") is MappingNode policy)
            {
                Check(context, policy, (Node?)resource.Properties.KeyOf("FilterPolicy") ?? policy, $"subscription '{resource.LogicalId}'", keys, combinations);
            }
        }
    }

    private static void ReportScope(RuleContext context, Node scope, string owner) =>
        context.Report(scope, $"the filter policy scope '{scope.Display}' of {owner} is not one of {string.Join(", ", Scopes)}");

    private static void Check(RuleContext context, MappingNode policy, Node at, string owner, Limit keys, Limit combinations)
    {
        var leaves = new List<int>();
        if (!Leaves(policy, leaves))
        {
            return;
        }

        if (!keys.Contains(leaves.Count))
        {
            context.Report(at, $"the filter policy of {owner} has {leaves.Count} keys; SNS allows at most {keys.Max}");
            return;
        }

        var product = leaves.Aggregate(1L, (total, count) => total * Math.Max(count, 1));
        if (!combinations.Contains(product))
        {
            context.Report(at, $"the filter policy of {owner} combines to {product} values ({string.Join(" × ", leaves)}); SNS allows at most {combinations.Max}");
        }
    }

    /// <summary>Collects the number of values of each key that ends in values; false when the policy cannot be
    /// judged here (an <c>$or</c>, a CloudFormation function or a deploy-time value).</summary>
    private static bool Leaves(MappingNode map, List<int> leaves)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Key.Text == "$or" || entry.Value.IsIntrinsic())
            {
                return false;
            }

            switch (entry.Value)
            {
                case MappingNode nested when !Leaves(nested, leaves):
                    return false;
                case MappingNode:
                    break;
                case SequenceNode values:
                    leaves.Add(values.Items.Count);
                    break;
                default:
                    leaves.Add(1);
                    break;
            }
        }

        return true;
    }
}
