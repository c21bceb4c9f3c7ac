using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Tests.Rules.Engine;

/// <summary>Test-only rules over the loaded YAML, so the engine is tested independently of the real catalogue.</summary>
internal static class TestRules
{
    public static RuleMetadata Metadata(string id, Severity severity = Severity.Warning) => new()
    {
        Id = id,
        Title = "Test rule " + id,
        DefaultSeverity = severity,
        Category = "Test",
        Description = "A rule used by the engine tests.",
        Rationale = "Exercises the engine.",
        HowToFix = "Change the value.",
        FailingExample = "timeout: 1000",
        PassingExample = "timeout: 10",
        Anchors = ["cfn-lint E9999"],
    };

    /// <summary>Reports every key named <c>timeout</c> whose value (quoted or not) is above 900, with a fix setting it to 900.</summary>
    public sealed class TimeoutTooLarge(RuleMetadata metadata) : Rule
    {
        public TimeoutTooLarge() : this(Metadata("SLS-TEST-001", Severity.Error))
        {
        }

        public override RuleMetadata Metadata { get; } = metadata;

        public override void Check(RuleContext context)
        {
            foreach (var document in context.Input.Documents)
            {
                foreach (var (key, value) in Walk(document.Root))
                {
                    if (key == "timeout" && value is ScalarNode scalar
                        && long.TryParse(scalar.Text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 900)
                    {
                        context.Report(scalar, $"timeout {scalar.Display} is above 900 seconds",
                            context.ReplaceValue("set the timeout to 900", scalar, "900"));
                    }
                }
            }
        }
    }

    /// <summary>Reports each mapping with a <c>queue</c> key that lacks <c>dlq</c>, with a fix adding it.</summary>
    public sealed class QueueWithoutDlq : Rule
    {
        public override RuleMetadata Metadata { get; } = Metadata("SLS-TEST-002") with { Tags = [RuleTags.Security] };

        public override void Check(RuleContext context)
        {
            foreach (var document in context.Input.Documents)
            {
                foreach (var (_, value) in Walk(document.Root))
                {
                    if (value is MappingNode m && m["queue"] is not null && m["dlq"] is null)
                    {
                        context.Report(m.Entry("queue")!.Key, "queue without dlq",
                            context.AddEntry("add a dlq", m, "dlq", "dead-letters"));
                    }
                }
            }
        }
    }

    /// <summary>Throws: the engine must turn this into one SPEC-INTERNAL diagnostic.</summary>
    public sealed class Throwing : Rule
    {
        public override RuleMetadata Metadata { get; } = Metadata("SLS-TEST-003");

        public override void Check(RuleContext context) => throw new InvalidOperationException("boom");
    }

    /// <summary>Reports once at the document root: for registry tests.</summary>
    public sealed class Reporting(RuleMetadata metadata) : Rule
    {
        public override RuleMetadata Metadata { get; } = metadata;

        public override void Check(RuleContext context)
        {
            foreach (var document in context.Input.Documents)
            {
                context.Report(document.Root?.Span, "reported");
            }
        }
    }

    /// <summary>Every (key, value) pair of the tree, depth first, in source order; the root has key "".</summary>
    public static IEnumerable<(string Key, Node Value)> Walk(Node? root)
    {
        if (root is null)
        {
            yield break;
        }

        var stack = new Stack<(string, Node)>();
        stack.Push((string.Empty, root));
        while (stack.Count > 0)
        {
            var (key, node) = stack.Pop();
            yield return (key, node);
            switch (node)
            {
                case MappingNode m:
                    for (var i = m.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push((m.Entries[i].Key.Text, m.Entries[i].Value));
                    }

                    break;
                case SequenceNode s:
                    for (var i = s.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push((key, s.Items[i]));
                    }

                    break;
            }
        }
    }
}
