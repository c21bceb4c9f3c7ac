using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Tests.Rules.Engine;

/// <summary>
/// The locator's binary search over large mappings and sequences (issue 17: a finding per function made fingerprints
/// quadratic) must give the path the plain first-match scan gives, at every offset of the text, aliases, merge keys and
/// empty values included.
/// </summary>
public class NodeLocatorTests
{
    public static TheoryData<string> Documents() => new()
    {
        Functions(60, aliases: false),
        Functions(60, aliases: true),
        "items:\n" + string.Concat(Enumerable.Range(0, 80).Select(i => i % 7 == 0 ? "  -\n" : $"  - {{ a: {i}, b: [x, y] }}\n")),
        "flow: {" + string.Join(", ", Enumerable.Range(0, 50).Select(i => i % 5 == 0 ? $"k{i}:" : $"k{i}: v{i}")) + "}\n",
        "base: &b { x: 1, y: [1, 2] }\nrefs:\n" + string.Concat(Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? $"  r{i}: *b\n" : $"  r{i}: {i}\n")),
        "list: [" + string.Join(", ", Enumerable.Range(0, 50).Select(i => $"'x.{i}'")) + "]\n",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_path_at_every_offset_is_the_one_a_scan_of_every_child_finds(string yaml)
    {
        var bag = new DiagnosticBag();
        var root = new YamlLoader().LoadText("serverless.yml", yaml, bag).Root;
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var locator = new NodeLocator();
        var located = 0;
        for (var offset = 0; offset <= yaml.Length; offset++)
        {
            var position = new SourcePosition(1, 1, offset);
            var expected = ScanPath(root, position);
            Assert.Equal(expected, locator.PathAt(root, position));
            located += string.IsNullOrEmpty(expected) ? 0 : 1;
        }

        Assert.True(located > yaml.Length / 2, $"only {located} of {yaml.Length} offsets are in a node");
    }

    private static string Functions(int count, bool aliases)
    {
        var sb = new StringBuilder("defaults: &defaults\n  timeout: 10\n  memorySize: 256\nfunctions:\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  fn{i}:\n");
            if (aliases && i % 3 == 0)
            {
                sb.Append("    <<: *defaults\n");
            }

            sb.Append(i % 11 == 0 ? "    handler:\n" : $"    handler: src/fn{i}.handler\n");
            if (aliases && i % 4 == 1)
            {
                sb.Append("    other: *defaults\n");
            }

            sb.Append("    events:\n      - sqs: { arn: !GetAtt Q.Arn, batchSize: 10 }\n");
        }

        if (aliases)
        {
            sb.Append("again: *defaults\n");
        }

        return sb.ToString();
    }

    // The reference: the first child (a key, then its value, entry by entry; or an item) whose span holds the position.
    private static string? ScanPath(Node? root, SourcePosition p)
    {
        if (root is null || !Holds(root.Span, p))
        {
            return null;
        }

        var path = new StringBuilder();
        for (var node = root; node is not null;)
        {
            Node? next = null;
            if (node is MappingNode m)
            {
                foreach (var entry in m.Entries)
                {
                    var inKey = Holds(entry.Key.Span, p);
                    if (inKey || Holds(entry.Value.Span, p))
                    {
                        path.Append(path.Length > 0 ? "." : string.Empty)
                            .Append(entry.Key.Text.Contains('.', StringComparison.Ordinal) ? $"[\"{entry.Key.Text}\"]" : entry.Key.Text);
                        next = inKey ? null : entry.Value;
                        break;
                    }
                }
            }
            else if (node is SequenceNode s && Enumerable.Range(0, s.Items.Count).FirstOrDefault(i => Holds(s.Items[i].Span, p), -1) is var i and >= 0)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{i}]");
                next = s.Items[i];
            }

            node = next;
        }

        return path.ToString();
    }

    private static bool Holds(SourceSpan span, SourcePosition p) =>
        span.Start.Offset == span.End.Offset ? p.Offset == span.Start.Offset : p.Offset >= span.Start.Offset && p.Offset < span.End.Offset;
}
