using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-025: Event filter criteria Lambda rejects: more filters than the quota, or a pattern that is not one.</summary>
public sealed class FilterCriteriaInvalid : Rule
{
    /// <summary>The comparison operators a filter pattern may use inside a value list.</summary>
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "prefix", "suffix", "anything-but", "numeric", "exists", "equals-ignore-case", "cidr", "wildcard",
    };

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-025",
        Title = "Event filter criteria invalid",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "An event source mapping's `filterPatterns` (sqs, stream, msk, kafka, activemq, rabbitmq) has more than 5 filters, or a filter that is not a valid pattern: not an object, empty, a field whose value is not a list (or an object of fields), an empty list, or an unknown comparison operator.",
        Rationale = "`CreateEventSourceMapping` rejects an invalid filter pattern (`InvalidParameterValueException`), and the default quota is 5 filters per event source mapping; the deployment fails.",
        HowToFix = "Write each filter as an object whose fields end in lists of values (`eventName: [INSERT]`), merge filters, or ask for a quota increase (up to 10).",
        FailingExample = """
            events:
              - stream:
                  arn: !GetAtt Orders.StreamArn
                  filterPatterns:
                    - eventName: INSERT
            """,
        PassingExample = """
            events:
              - stream:
                  arn: !GetAtt Orders.StreamArn
                  filterPatterns:
                    - eventName: [INSERT]
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html",
            "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (filters per event source mapping)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var quota = context.Limits["lambda.filtersPerEventSourceMapping"];
        foreach (var function in context.Service.Functions)
        {
            foreach (var mapping in function.EventsOf<EventSourceMappingEvent>())
            {
                var list = mapping.Value.At("filterPatterns");
                if (!quota.Contains(mapping.FilterPatterns.Count) && list is not null)
                {
                    context.Report(mapping.Value.KeyOf("filterPatterns") ?? list,
                        $"the {mapping.KindName} event of function '{function.Key}' has {mapping.FilterPatterns.Count} filter patterns; the default quota is {quota.Max} per event source mapping (adjustable up to 10)",
                        severity: Severity.Warning);
                }

                foreach (var pattern in mapping.FilterPatterns)
                {
                    if (Problem(pattern) is { } problem)
                    {
                        context.Report(problem.At, $"filter pattern of the {mapping.KindName} event of function '{function.Key}': {problem.Message}");
                    }
                }
            }
        }
    }

    private static (Node At, string Message)? Problem(Node pattern) => pattern switch
    {
        _ when Unknowable(pattern) => null,
        MappingNode { Entries.Count: 0 } => (pattern, "an empty pattern matches nothing; Lambda rejects it"),
        MappingNode map => Fields(map),
        _ => (pattern, $"'{pattern.Display}' is not a pattern; a filter is an object of fields whose values are lists"),
    };

    private static (Node At, string Message)? Fields(MappingNode map)
    {
        foreach (var entry in map.Entries)
        {
            var problem = entry.Value switch
            {
                _ when Unknowable(entry.Value) => null,
                MappingNode { Entries.Count: 0 } => (entry.Value, $"field '{entry.Key.Text}' is an empty object"),
                MappingNode nested => Fields(nested),
                SequenceNode { Items.Count: 0 } => (entry.Value, $"field '{entry.Key.Text}' has an empty list of values"),
                SequenceNode values => Values(entry.Key.Text, values),
                _ => ((Node, string)?)(entry.Value, $"field '{entry.Key.Text}' is '{entry.Value.Display}'; a pattern's values are lists ('{entry.Key.Text}: [{entry.Value.Display}]')"),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static (Node At, string Message)? Values(string field, SequenceNode values)
    {
        foreach (var value in values.Items)
        {
            switch (value)
            {
                case MappingNode { Entries.Count: 1 } op when Operators.Contains(op.Entries[0].Key.Text):
                    break;
                case MappingNode op when !Unknowable(op):
                    var name = op.Entries.Count == 0 ? "{}" : op.Entries[0].Key.Text;
                    return (op, $"field '{field}' uses '{name}', which is not a comparison operator ({string.Join(", ", Operators.Order(StringComparer.Ordinal))}) with one value");
                case SequenceNode nested:
                    return (nested, $"field '{field}' has a list inside its list of values");
            }
        }

        return null;
    }

    private static bool Unknowable(Node node) => node.IsIntrinsic() || node is DeployTimeNode;
}
