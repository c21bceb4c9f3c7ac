using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>
/// Every built-in rule, sorted by id, built without reflection (NativeAOT-safe).
/// Each area folder adds its rules by implementing its partial method in a file of its own, one line per rule:
/// <code>
/// // src/Spec.Rules/Sqs/SqsRules.cs
/// public static partial class RuleCatalog
/// {
///     static partial void AddSqsRules(List&lt;Rule&gt; rules)
///     {
///         rules.Add(new QueueVisibilityTimeoutBelowFunctionTimeout());
///     }
/// }
/// </code>
/// An area without an implementation contributes nothing (the compiler drops the call).
/// </summary>
public static partial class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<Rule>> Rules = new(Build);

    public static IReadOnlyList<Rule> All => Rules.Value;

    /// <summary>
    /// Metadata for every id Spec can report, sorted: the rules, plus the stage and engine ids of
    /// <see cref="EngineDiagnostics"/> (a rule with the same id wins).
    /// </summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors(IEnumerable<Rule>? rules = null)
    {
        var byId = new SortedDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var m in EngineDiagnostics.All)
        {
            byId[m.Id] = m;
        }

        foreach (var rule in rules ?? All)
        {
            byId[rule.Metadata.Id] = rule.Metadata;
        }

        return [.. byId.Values];
    }

    /// <summary>The metadata for this id (case-insensitive) among <see cref="Descriptors"/>, or null.</summary>
    public static DiagnosticDescriptor? Describe(string id) =>
        Descriptors().FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule with this id (case-insensitive), or null.</summary>
    public static Rule? Find(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Metadata.Id, id, StringComparison.OrdinalIgnoreCase));

    static partial void AddGeneralRules(List<Rule> rules);

    static partial void AddLambdaRules(List<Rule> rules);

    static partial void AddSqsRules(List<Rule> rules);

    static partial void AddSnsRules(List<Rule> rules);

    static partial void AddStreamRules(List<Rule> rules);

    static partial void AddApiGatewayRules(List<Rule> rules);

    static partial void AddS3Rules(List<Rule> rules);

    static partial void AddEventsRules(List<Rule> rules);

    static partial void AddStepFunctionsRules(List<Rule> rules);

    static partial void AddIamRules(List<Rule> rules);

    static partial void AddCognitoRules(List<Rule> rules);

    static partial void AddBeanstalkRules(List<Rule> rules);

    private static IReadOnlyList<Rule> Build()
    {
        var rules = new List<Rule>();
        AddGeneralRules(rules);
        AddLambdaRules(rules);
        AddSqsRules(rules);
        AddSnsRules(rules);
        AddStreamRules(rules);
        AddApiGatewayRules(rules);
        AddS3Rules(rules);
        AddEventsRules(rules);
        AddStepFunctionsRules(rules);
        AddIamRules(rules);
        AddCognitoRules(rules);
        AddBeanstalkRules(rules);
        return Validate(rules);
    }

    /// <summary>Sorts by id and rejects malformed or duplicate ids, so a bad registration fails every test run.</summary>
    internal static IReadOnlyList<Rule> Validate(IEnumerable<Rule> rules)
    {
        var sorted = rules.OrderBy(r => r.Metadata.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var id = sorted[i].Metadata.Id;
            if (!RuleIdPattern().IsMatch(id))
            {
                throw new InvalidOperationException($"rule {sorted[i].GetType().Name} has a malformed id '{id}'");
            }

            if (i > 0 && sorted[i - 1].Metadata.Id == id)
            {
                throw new InvalidOperationException(
                    $"rule id {id} is registered twice ({sorted[i - 1].GetType().Name}, {sorted[i].GetType().Name})");
            }
        }

        return sorted;
    }

    [GeneratedRegex("^[A-Z]+(-[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();
}
