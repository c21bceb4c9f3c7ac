using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Tests.Load;

/// <summary>
/// The loader reads the text in place (a missing final line break is not appended to a copy), decodes valid UTF-8 in
/// one step, shares the strings of repeated short texts, and keeps a node's provenance in one optional object: none of
/// that may change what is read.
/// </summary>
public class LoaderWithoutCopiesTests
{
    private static (LoadResult Result, DiagnosticBag Diagnostics) Load(string yaml)
    {
        var bag = new DiagnosticBag();
        return (new YamlLoader().LoadText("serverless.yml", yaml, bag), bag);
    }

    [Theory]
    [InlineData("a: b")]
    [InlineData("a: b # a comment")]
    [InlineData("a: 'quoted'")]
    [InlineData("a: \"double \\u00e9\"")]
    [InlineData("a: |\n  line one\n  line two")]
    [InlineData("a: >-\n  folded\n  text")]
    [InlineData("a: |-\n  kept")]
    [InlineData("a:\n  - 1\n  - two")]
    [InlineData("a: [1, 2, {b: c}]")]
    [InlineData("a: !Ref Queue")]
    [InlineData("a: &x 1\nb: *x")]
    [InlineData("a: plain\n  continued")]
    [InlineData("# only a comment\na: 1\n# last")]
    [InlineData("%YAML 1.2\n---\na: 1\n...")]
    [InlineData("a: !!binary aGVsbG8=")]
    public void Text_without_a_final_line_break_reads_as_with_one(string yaml)
    {
        var (without, withoutBag) = Load(yaml);
        var (with, withBag) = Load(yaml + "\n");
        Assert.Empty(withoutBag.Items);
        Assert.Empty(withBag.Items);
        Assert.Equal(CanonicalJson.Of(with.Root!), CanonicalJson.Of(without.Root!));
        Assert.Equal(with.Comments.Select(c => c.Text), without.Comments.Select(c => c.Text));
    }

    [Theory]
    [InlineData("a: 'never closed")]
    [InlineData("a: [1, 2")]
    [InlineData("a: b\nc")]
    [InlineData("a: !<tag")]
    public void A_refused_text_without_a_final_line_break_is_refused_as_with_one(string yaml)
    {
        var (without, withoutBag) = Load(yaml);
        var (with, withBag) = Load(yaml + "\n");
        Assert.Null(without.Root);
        Assert.Null(with.Root);
        Assert.Equal(withBag.Items.Select(d => d.Message), withoutBag.Items.Select(d => d.Message));
    }

    [Fact]
    public void Valid_utf8_bytes_read_as_their_text()
    {
        var text = "service: caf\u00e9\nprovider:\n  name: aws\n  tags:\n    emoji: \"\U0001F600 x\"\n    k: \u00fcber # \u00e9\n";
        var bag = new DiagnosticBag();
        var fromBytes = new YamlLoader().LoadBytes("serverless.yml", Encoding.UTF8.GetBytes(text), bag);
        var (fromText, _) = Load(text);
        Assert.Empty(bag.Items);
        Assert.Equal(text, fromBytes.Source.Text);
        Assert.Equal(CanonicalJson.Of(fromText.Root!), CanonicalJson.Of(fromBytes.Root!));
        Assert.Equal(Spans(fromText.Root!), Spans(fromBytes.Root!));
    }

    [Fact]
    public void Invalid_utf8_is_still_located()
    {
        var bytes = Encoding.UTF8.GetBytes("a: 1\nb: x").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var bag = new DiagnosticBag();
        var result = new YamlLoader().LoadBytes("serverless.yml", bytes, bag);
        Assert.Null(result.Root);
        var error = Assert.Single(bag.Items);
        Assert.Equal("invalid UTF-8 at byte 9: specs must be UTF-8 text", error.Message);
        Assert.Equal((2, 5), (error.Span!.Line, error.Span.Column));
    }

    [Fact]
    public void Every_text_reads_back_past_the_shared_strings_bound()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 12_000; i++)
        {
            yaml.Append("k").Append(i).Append(": [GET, v").Append(i).Append(", ").Append(i).Append("]\n");
        }

        var (result, bag) = Load(yaml.ToString());
        Assert.Empty(bag.Items);
        var root = Assert.IsType<MappingNode>(result.Root);
        Assert.Equal(12_000, root.Entries.Count);
        for (var i = 0; i < 12_000; i += 997)
        {
            var entry = root.Entries[i];
            Assert.Equal("k" + i, entry.Key.Text);
            var items = Assert.IsType<SequenceNode>(entry.Value).Items.Cast<ScalarNode>().ToList();
            Assert.Equal(["GET", "v" + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture)], items.Select(s => s.Text));
            Assert.Equal([ScalarKind.String, ScalarKind.String, ScalarKind.Int], items.Select(s => s.Kind));
        }
    }

    [Fact]
    public void Provenance_reads_back_and_empty_provenance_equals_none()
    {
        var span = SourceSpan.At("s.yml", 1, 1);
        var origin = SourceSpan.At("s.yml", 9, 3);
        var plain = new ScalarNode(span, "x", ScalarKind.String);
        Assert.Equal(plain, plain with { Origin = null, Expression = null, IsSensitive = false });
        Assert.Equal(plain.GetHashCode(), (plain with { Origin = null }).GetHashCode());

        var sourced = plain with { Origin = origin, Expression = "${env:X}", IsSensitive = true };
        Assert.NotEqual(plain, sourced);
        Assert.Equal(origin, sourced.Origin);
        Assert.Equal("${env:X}", sourced.Expression);
        Assert.True(sourced.IsSensitive);
        Assert.Empty(sourced.Variables);
        Assert.Empty(sourced.OpenParts);

        var reset = sourced with { Origin = null, Expression = null, IsSensitive = false };
        Assert.Equal(plain, reset);
        Assert.Null(plain.Origin);
        Assert.False(plain.IsSensitive);
        Assert.Equal(span, plain.EditSpan);
        Assert.Equal(origin, sourced.EditSpan);
    }

    private static List<string> Spans(Node node)
    {
        var spans = new List<string>();
        void Walk(Node n)
        {
            spans.Add($"{n.Span.Start}-{n.Span.End}");
            switch (n)
            {
                case MappingNode m:
                    foreach (var e in m.Entries)
                    {
                        spans.Add($"{e.Key.Span.Start}-{e.Key.Span.End}");
                        Walk(e.Value);
                    }

                    break;
                case SequenceNode s:
                    foreach (var item in s.Items)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(node);
        return spans;
    }
}
