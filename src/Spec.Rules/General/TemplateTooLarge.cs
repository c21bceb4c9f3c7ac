using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-011: A CloudFormation template over the service's limits (500 resources, 1 MB).</summary>
public sealed class TemplateTooLarge : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-011",
        Title = "Template over CloudFormation's limits",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "The stack's template has more than 500 resources (those the Framework generates for functions, events and provider settings plus those in `resources:`), or its body is over 1 MB (measured as the Framework writes it: JSON indented by two spaces).",
        Rationale = "CloudFormation rejects a template with more than 500 resources or a body over 1 MB (`Template may not exceed 1048576 bytes in size`); the deployment fails before any resource changes. Every function costs at least a function, a log group and (with `versionFunctions`) a version; every http path a resource and a method.",
        HowToFix = "Split the service into several services (stacks), turn off `versionFunctions` where versions are not used, share API paths, or move resources to a stack of their own and reference them with `${cf:…}`.",
        FailingExample = """
            functions:
              f1: {handler: h.f1}
              # … 170 functions: 3 resources each
            """,
        PassingExample = """
            functions:
              f1: {handler: h.f1}
              # … 100 functions
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html",
        ],
    };

    public override bool ReadsGeneratedResources => true;

    public override void Check(RuleContext context)
    {
        if (context.Input.Planner is null)
        {
            return;
        }

        var generated = context.Input.GeneratedResources();
        var merged = context.Input.GeneratedWrittenToo();
        var own = context.Service.Resources.Resources.Where(r => !merged.Contains(r.LogicalId)).ToList();
        var count = generated.Count + own.Count;
        var at = (Node?)context.Service.Root.KeyOf("functions") ?? context.Service.Name.Node;

        var resources = context.Limits["cloudformation.resources"];
        if (!resources.Contains(count))
        {
            context.Report(at, string.Create(CultureInfo.InvariantCulture,
                $"the template has {count} resources ({generated.Count} generated for functions, events and provider settings, {own.Count} from resources:); CloudFormation allows at most {resources.Max} per stack"));
        }

        var bytes = context.Limits["cloudformation.templateBytes"];
        var size = GeneratedSize(generated) + own.Sum(r => JsonSize.Of(r.Node, 2));
        if (!bytes.Contains(size))
        {
            context.Report(at, string.Create(CultureInfo.InvariantCulture,
                $"the template's resources alone take about {size:N0} bytes as the Framework writes them; CloudFormation allows at most {bytes.Max:N0}"));
        }
    }

    /// <summary>The size of the generated resources, measured in parallel (the rule runs after the plan, where its time
    /// adds to the check's; a sum is the same in any order).</summary>
    private static long GeneratedSize(IReadOnlyList<GeneratedResource> generated)
    {
        long total = 0;
        Parallel.ForEach(Partitioner.Create(0, generated.Count, Math.Max(256, generated.Count / (4 * Environment.ProcessorCount))),
            () => 0L,
            (range, _, sum) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    sum += JsonSize.Resource(generated[i].Type, generated[i].PropertiesJson);
                }

                return sum;
            },
            sum => Interlocked.Add(ref total, sum));
        return total;
    }

    /// <summary>The length of a value as <c>JSON.stringify(value, null, 2)</c> writes it, at an indentation level.</summary>
    internal static class JsonSize
    {
        private const int ResourceDepth = 2;

        private static readonly SearchValues<char> Escaped = SearchValues.Create("\"\\\n\r\t");

        public static long Resource(string type, JsonObject? properties)
        {
            // "LogicalId": { "Type": "…", "Properties": {…} } — the logical id is counted with its entry.
            var inner = Indent(ResourceDepth + 1);
            long size = 2 + inner + Quoted("Type") + 2 + Quoted(type) + 2;
            if (properties is not null)
            {
                size += inner + Quoted("Properties") + 2 + Of(properties, ResourceDepth + 1) + 2;
            }

            return size + Indent(ResourceDepth) + 1;
        }

        public static long Of(JsonNode? json, int depth)
        {
            // One type test per value: an empty container is told by its count after it.
            switch (json)
            {
                case null:
                    return 4;
                case JsonObject { Count: 0 }:
                    return 2;
                case JsonObject o:
                {
                    long size = 0;
                    for (var i = 0; i < o.Count; i++)
                    {
                        var (key, value) = o.GetAt(i);
                        size += Indent(depth + 1) + Quoted(key) + 2 + Of(value, depth + 1) + 2;
                    }

                    return 2 + size - 1 + Indent(depth) + 1;
                }

                case JsonArray { Count: 0 }:
                    return 2;
                case JsonArray a:
                {
                    long size = 0;
                    for (var i = 0; i < a.Count; i++)
                    {
                        size += Indent(depth + 1) + Of(a[i], depth + 1) + 2;
                    }

                    return 2 + size - 1 + Indent(depth) + 1;
                }

                case JsonValue v:
                    return Of(v);
                default:
                    return json.ToJsonString().Length;
            }
        }

        /// <summary>A scalar's length: its kind is asked once (asking a number for a string, as a chain of
        /// <c>TryGetValue</c> would, boxes it), and only what the kind allows is tried, in the order the chain tried it.</summary>
        private static long Of(JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String when value.TryGetValue<string>(out var text):
                    return Quoted(text);
                case JsonValueKind.True or JsonValueKind.False when value.TryGetValue<bool>(out var flag):
                    return flag ? 4 : 5;
                case JsonValueKind.Number when value.TryGetValue<int>(out var number):
                    return Digits(number);
                default:
                    return value.ToJsonString().Length;
            }
        }

        private static int Digits(int number)
        {
            var digits = number < 0 ? 2 : 1;
            for (var rest = Math.Abs((long)number); rest >= 10; rest /= 10)
            {
                digits++;
            }

            return digits;
        }

        public static long Of(Node node, int depth) => node switch
        {
            MappingNode { Entries.Count: 0 } => 2,
            MappingNode m => 2 + m.Entries.Sum(e => Indent(depth + 1) + Quoted(e.Key.Text) + 2 + Of(e.Value, depth + 1) + 2) - 1 + Indent(depth) + 1,
            SequenceNode { Items.Count: 0 } => 2,
            SequenceNode s => 2 + s.Items.Sum(i => Indent(depth + 1) + Of(i, depth + 1) + 2) - 1 + Indent(depth) + 1,
            ScalarNode { Kind: ScalarKind.String } str => Quoted(str.Text),
            ScalarNode scalar => scalar.Text.Length,
            _ => Quoted(node.Display),
        };

        private static int Indent(int depth) => depth * 2;

        private static long Quoted(string text)
        {
            long size = text.Length + 2;
            var rest = text.AsSpan();
            for (var at = rest.IndexOfAny(Escaped); at >= 0; at = rest.IndexOfAny(Escaped))
            {
                size++;
                rest = rest[(at + 1)..];
            }

            return size;
        }
    }
}
