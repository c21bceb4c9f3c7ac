using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-008: Ref, Fn::GetAtt or Fn::Sub names a logical id the stack does not have.</summary>
public sealed class MissingLogicalId : Rule
{
    /// <summary>Logical ids the Framework generates that do not start with a function's or layer's name (naming.js).</summary>
    private static readonly string[] GeneratedPrefixes =
    [
        "ApiGateway", "HttpApi", "Websockets", "CloudFront", "CodeDeploy", "Custom", "IamRole", "ServerlessDeploymentBucket",
        "S3Bucket", "SNSTopic", "CognitoUserPool",
    ];

    /// <summary>
    /// What follows a function's or layer's normalized name in the logical ids the Framework generates for it
    /// (naming.js: <c>LambdaFunction</c>, <c>LogGroup</c>, <c>EventSourceMapping…</c>, <c>LambdaPermission…</c>, …). A
    /// name that merely starts with a function's name (<c>IngestQueu</c> beside function <c>ingest</c>) is not one.
    /// </summary>
    private static readonly string[] GeneratedSuffixes =
    [
        "Lambda", "LogGroup", "ProvConcLambdaAlias", "SnapStartLambdaAlias", "Websockets", "EventsRule", "SchedulerSchedule",
        "EventSourceMapping", "IotTopicRule", "IotProvisioningTemplate", "Alb", "SnsSubscription", "Custom", "EventBridge",
        "LogsSubscriptionFilter",
    ];

    /// <summary>
    /// The sections whose values reach the template. Plugin configuration (<c>custom</c>, <c>stepFunctions</c>) is
    /// not read, nor is an unknown top-level key (the Framework ignores it; SLS-GEN-002 reports it).
    /// </summary>
    private static readonly string[] CheckedSections = ["provider", "functions", "layers", "resources"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-008",
        Title = "Reference to a logical id the stack does not have",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "A `Ref`, `Fn::GetAtt` or `Fn::Sub` `${Id}` (in `resources` or in the spec's own values), or an sns event's `redrivePolicy.deadLetterTargetRef`, names a logical id that is neither a resource of `resources`, " +
                      "a template parameter, a pseudo parameter, nor one the Framework generates (named after a function or layer, or `ApiGateway…`, `HttpApi…`, `IamRoleLambdaExecution`, `ServerlessDeploymentBucket`…). " +
                      "When the spec uses plugins (which may add resources), only a name close to an existing resource is reported.",
        Rationale = "CloudFormation rejects the template (\"Unresolved resource dependencies … in the Resources block of the template\") and the deployment fails.",
        HowToFix = "Correct the logical id (the message names the closest one), or define the resource.",
        FailingExample = """
            environment:
              QUEUE_URL: !Ref JobQueue   # the resource is Jobs
            """,
        PassingExample = """
            environment:
              QUEUE_URL: !Ref Jobs
            """,
        Anchors =
        [
            "cfn-lint E1012",
            "cfn-lint E1010",
            "cfn-lint E1019",
        ],
    };

    public override void Check(RuleContext context)
    {
        var service = context.Service;
        var declared = new HashSet<string>(StringComparer.Ordinal);
        declared.UnionWith(service.Resources.Resources.Select(r => r.LogicalId));
        declared.UnionWith(service.Resources.Parameters?.Keys ?? []);
        var owners = service.Functions.Select(f => Normalized(f.Key)).Concat(service.Layers.Select(l => Normalized(l.Key)))
            .ToHashSet(StringComparer.Ordinal);
        var pluginsMayAdd = service.Plugins is { Modules.Count: > 0 };
        foreach (var entry in service.Root.Entries)
        {
            if (!CheckedSections.Contains(entry.Key.Text, StringComparer.Ordinal))
            {
                continue;
            }

            var found = new Found();
            Walk(entry.Value, found);
            foreach (var (node, id, hidden) in found.References.Concat(found.Names))
            {
                if (declared.Contains(id) || id.StartsWith("AWS::", StringComparison.Ordinal)
                    || GeneratedPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal))
                    || IsGeneratedForOneOf(owners, id))
                {
                    continue;
                }

                // KeySuggester.Distance is exact only when the lengths differ by 3 or less (beyond, a lower bound).
                var closest = declared.Where(d => Math.Abs(d.Length - id.Length) <= 3)
                    .Select(d => (Id: d, Distance: KeySuggester.Distance(d, id))).Where(c => c.Distance <= Math.Max(2, id.Length / 4))
                    .OrderBy(c => c.Distance).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).FirstOrDefault();
                if (pluginsMayAdd && closest is null)
                {
                    continue;
                }

                // An id from ${env:} or ${file()} is shown by its expression, and no close id hints at it.
                var hint = closest is null || hidden is not null ? string.Empty : $"; did you mean '{closest}'?";
                context.Report(node, $"{hidden ?? $"'{id}'"} is not a logical id of this stack (not in resources, not a parameter, not generated by the Framework){hint}");
            }
        }
    }

    /// <summary>Whether the id is an owner's normalized name followed by a generated suffix (looked up by the id's
    /// prefixes, so a service with thousands of functions costs the id's length, not the number of functions).</summary>
    private static bool IsGeneratedForOneOf(HashSet<string> owners, string id)
    {
        for (var end = 0; end < id.Length; end++)
        {
            var rest = id.AsSpan(end);
            foreach (var suffix in GeneratedSuffixes)
            {
                if (rest.StartsWith(suffix, StringComparison.Ordinal) && owners.Contains(id[..end]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What one walk of a section found: its references (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>) and its
    /// logical ids written as plain names, each with the node to point at (and how a message names it when it came
    /// from a sensitive value), in walk order.</summary>
    private sealed class Found
    {
        public List<(Node Node, string Id, string? Hidden)> References { get; } = [];

        public List<(Node Node, string Id, string? Hidden)> Names { get; } = [];
    }

    /// <summary>Every reference and plain-name id under a node, in one walk of it.</summary>
    private static void Walk(Node node, Found found)
    {
        NameReferences(node, found.Names);
        if (node is MappingNode { Entries.Count: 1 } m && m.Entries[0].Key.Text is "Ref" or "Fn::GetAtt" or "Fn::Sub")
        {
            var argument = m.Entries[0].Value;
            switch (m.Entries[0].Key.Text)
            {
                case "Ref" when argument is ScalarNode { IsNull: false } r:
                    found.References.Add((m, r.Text, Hidden(r)));
                    break;
                case "Fn::GetAtt" when GetAttId(argument) is { } id:
                    found.References.Add((m, id.Id, Hidden(id.Source)));
                    break;
                case "Fn::Sub":
                    AddSubIds(m, argument, found.References);
                    break;
            }

            // Fn::Sub's variable map and Fn::GetAtt's arguments may hold references themselves (the argument is not
            // one: it is what the function takes).
            NameReferences(argument, found.Names);
            NodeChildren.Visit(argument, found, Walk);
            return;
        }

        NodeChildren.Visit(node, found, Walk);
    }

    /// <summary>
    /// Logical ids the Framework takes as plain names and turns into a reference: an sns event's
    /// <c>redrivePolicy.deadLetterTargetRef</c> becomes <c>Fn::GetAtt [name, Arn]</c> (events/sns.js).
    /// </summary>
    private static void NameReferences(Node node, List<(Node Node, string Id, string? Hidden)> found)
    {
        if (node is MappingNode m)
        {
            var entries = m.Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Key.Text == "deadLetterTargetRef" && entries[i].Value is ScalarNode { IsNull: false } name)
                {
                    found.Add((name, name.Text, Hidden(name)));
                }
            }
        }
    }

    /// <summary>How a message names an id taken from <paramref name="source"/> when it came from <c>${env:}</c> or
    /// <c>${file()}</c>; null when the id itself may be shown.</summary>
    private static string? Hidden(Node source) => source.IsSensitive ? $"'{source.Display}'" : null;

    // Apart from Walk: a lambda capturing the mapping there would allocate its closure for every node walked.
    private static void AddSubIds(MappingNode sub, Node argument, List<(Node Node, string Id, string? Hidden)> found)
    {
        foreach (var (id, source) in SubIds(argument))
        {
            found.Add((sub, id, source.IsSensitive ? $"a reference in '{source.Display}'" : null));
        }
    }

    private static (string Id, Node Source)? GetAttId(Node argument) => argument switch
    {
        SequenceNode { Items.Count: >= 1 } s when s.Items[0] is ScalarNode { IsNull: false } first => (first.Text, first),
        ScalarNode { IsNull: false } s => (s.Text.Split('.')[0], s),
        _ => null,
    };

    private static List<(string Id, ScalarNode Source)> SubIds(Node argument)
    {
        var (source, variables) = argument switch
        {
            ScalarNode { IsNull: false } s => (s, (MappingNode?)null),
            SequenceNode { Items.Count: >= 1 } q when q.Items[0] is ScalarNode t => (t, q.Items.Count > 1 ? q.Items[1] as MappingNode : null),
            _ => (null, null),
        };
        var ids = new List<(string Id, ScalarNode Source)>();
        if (source?.Text is not { } template)
        {
            return ids;
        }

        for (var i = template.IndexOf("${", StringComparison.Ordinal); i >= 0; i = template.IndexOf("${", i + 2, StringComparison.Ordinal))
        {
            var end = template.IndexOf('}', i);
            if (end < 0)
            {
                break;
            }

            var name = template[(i + 2)..end].Trim();
            if (name.Length > 0 && !name.StartsWith('!') && variables?[name] is null)
            {
                ids.Add((name.Split('.')[0], source));
            }
        }

        return ids;
    }

    /// <summary>The Framework's <c>getNormalizedFunctionName</c>: '-' → Dash, '_' → Underscore, first letter upper case.</summary>
    private static string Normalized(string name)
    {
        var text = name.Replace("-", "Dash", StringComparison.Ordinal).Replace("_", "Underscore", StringComparison.Ordinal);
        return text.Length == 0 || char.ToUpperInvariant(text[0]) == text[0] ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
