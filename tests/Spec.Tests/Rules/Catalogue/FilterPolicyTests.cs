using Spec.Core.Diagnostics;

namespace Spec.Tests.Rules.Catalogue;

/// <summary>
/// SLS-SNS-005 judges a filter policy as SNS's filter policy constraints and AND/OR logic define it: 5 top-level keys
/// per alternative an <c>$or</c> expands to, 150 combinations (an <c>$or</c> adds its alternatives, a nested key counts
/// its values once per level of depth), 256 KB of JSON, no nesting under the MessageAttributes scope. Each limit is
/// tested on both sides.
/// </summary>
public sealed class FilterPolicyTests
{
    private static List<Diagnostic> Findings(string scope, string policy)
    {
        var yaml = $"""
            service: demo
            provider:
              name: aws
              runtime: nodejs22.x
            functions:
              orders:
                handler: handler.orders
                events:
                  - sns:
                      arn: arn:aws:sns:us-east-1:123456789012:orders
            {(scope.Length == 0 ? string.Empty : "          filterPolicyScope: " + scope + "\n")}          filterPolicy: {policy}
            """;
        return [.. CataloguePipeline.Check("serverless.yml", yaml).Select(f => f.Diagnostic).Where(d => d.Id == "SLS-SNS-005")];
    }

    [Fact]
    public void An_or_adds_the_combinations_of_its_alternatives()
    {
        // 5 × (20 + 5) = 125: within the limit, though the value lists multiplied would give 500.
        Assert.Empty(Findings("MessageBody", $"{{source: {List(5)}, $or: [{{x: {List(20)}}}, {{y: {List(5)}}}]}}"));

        // 5 × (20 + 20) = 200.
        var finding = Assert.Single(Findings("MessageBody", $"{{source: {List(5)}, $or: [{{x: {List(20)}}}, {{y: {List(20)}}}]}}"));
        Assert.Contains("combines to 200 values (5 × (20 + 20))", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_five_key_limit_holds_for_each_alternative_an_or_expands_to()
    {
        // a, b, c, d with e or with f: 5 keys each, though the policy names 6.
        Assert.Empty(Findings("", "{a: [1], b: [1], c: [1], d: [1], $or: [{e: [1]}, {f: [1]}]}"));

        var finding = Assert.Single(Findings("", "{a: [1], b: [1], c: [1], d: [1], $or: [{e: [1], f: [1]}, {g: [1]}]}"));
        Assert.Contains("has 6 top-level keys in one of the alternatives its `$or` expands to", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_or_that_SNS_does_not_recognise_is_a_plain_key()
    {
        // One object only, or a match keyword in an alternative: "$or" is an attribute name with a list of 1 or 2 values.
        Assert.Empty(Findings("", "{a: [1], b: [1], c: [1], d: [1], $or: [{numeric: ['>', 1]}, {prefix: x}]}"));
        var finding = Assert.Single(Findings("", "{a: [1], b: [1], c: [1], d: [1], e: [1], $or: [{x: [1]}]}"));
        Assert.Contains("has 6 top-level keys;", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_key_counts_its_values_once_per_level_and_only_its_top_level_key_counts()
    {
        // (1 × 2)^6 × 1 = 64 combinations; the 6 keys nested under 'order' count as one top-level key.
        Assert.Empty(Findings("MessageBody", "{order: {a: [1], b: [1], c: [1], d: [1], e: [1], f: [1]}, x: [1]}"));

        // 13 × 2 × 6 × 2 = 312.
        var finding = Assert.Single(Findings("MessageBody", $"{{order: {{region: {List(13)}, kind: {List(6)}}}}}"));
        Assert.Contains("combines to 312 values (13 × 2 × 6 × 2, a nested key's values counted once per level of its depth)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_policy_needs_the_message_body_scope()
    {
        var finding = Assert.Single(Findings("", "{order: {region: [eu]}}"));
        Assert.Contains("nests 'order' while its scope is MessageAttributes", finding.Message, StringComparison.Ordinal);
        Assert.Single(Findings("MessageAttributes", "{order: {region: [eu]}}"));
        Assert.Empty(Findings("MessageBody", "{order: {region: [eu]}}"));
    }

    [Fact]
    public void A_policy_over_256_KB_of_JSON_is_refused_and_one_just_under_is_not()
    {
        // {"k":["<n x>"]} is n + 10 bytes: 262,144 is the limit.
        Assert.Empty(Findings("", "{k: [" + new string('x', 262_134) + "]}"));
        var finding = Assert.Single(Findings("", "{k: [" + new string('x', 262_135) + "]}"));
        Assert.Contains("is 262,145 bytes as JSON; SNS allows at most 262,144 bytes (256 KB)", finding.Message, StringComparison.Ordinal);
    }

    private static string List(int count) => "[" + string.Join(", ", Enumerable.Range(1, count)) + "]";
}
