using Spec.Core.Emit;
using YamlDotNet.RepresentationModel;

namespace Spec.Tests.Emit;

public class YamlEmitterTests
{
    private static readonly YamlStyle Quoted = new(DoubleQuotedScalars.Instance);

    [Fact]
    public void Mappings_and_sequences_nest_with_two_spaces_and_sequences_indent_under_their_key()
    {
        var root = new YamlMapping()
            .Add(Key("a"), new YamlMapping().Add(Key("b"), YamlScalar.Verbatim("1")))
            .Add(Key("list"), new YamlSequence([YamlScalar.String("x"), new YamlMapping().Add(Key("k"), YamlScalar.Verbatim("v")).Add("l", YamlScalar.Verbatim("w"))]))
            .Add(Key("empty"), new YamlMapping())
            .Add(Key("none"), new YamlSequence());

        Assert.Equal("a:\n  b: 1\nlist:\n  - \"x\"\n  - k: v\n    \"l\": w\nempty: {}\nnone: []\n", YamlEmitter.Write(root, Quoted));
    }

    [Fact]
    public void Collections_in_sequences_start_on_the_dash_line_or_below_it_as_the_style_says()
    {
        var root = new YamlSequence(
        [
            new YamlSequence([YamlScalar.Verbatim("1"), YamlScalar.Verbatim("2")]),
            new YamlMapping().Add(YamlScalar.Verbatim("k"), YamlScalar.Verbatim("v")),
        ]);

        Assert.Equal("- - 1\n  - 2\n- k: v\n", YamlEmitter.Write(root, Quoted));
        Assert.Equal("-\n  - 1\n  - 2\n-\n  k: v\n",
            YamlEmitter.Write(root, Quoted with { CompactMappingsInSequences = false, CompactSequencesInSequences = false }));
    }

    [Fact]
    public void Comments_go_above_their_key_at_its_indentation_one_line_each()
    {
        var root = new YamlMapping()
            .Add(YamlScalar.Verbatim("top"), YamlScalar.Verbatim("1"), "first\nsecond")
            .Add(YamlScalar.Verbatim("nested"), new YamlMapping().Add(YamlScalar.Verbatim("k"), YamlScalar.Verbatim("v"), "about k"));

        Assert.Equal("# first\n# second\ntop: 1\nnested:\n  # about k\n  k: v\n", YamlEmitter.Write(root, Quoted));
    }

    [Fact]
    public void A_key_longer_than_yaml_allows_for_an_implicit_key_is_written_explicitly()
    {
        var key = new string('k', 1100);
        var text = YamlEmitter.Write(new YamlMapping().Add(key, YamlScalar.Verbatim("1")), Quoted);
        Assert.StartsWith("? \"kkk", text, StringComparison.Ordinal);
        Assert.Equal(key, ReadBack(text).Children.Single().Key.ToString());
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("tab\tnewline\ncarriage\rbell\u0007escape\u001bnul\0")]
    [InlineData("backspace\b form feed\f vertical\v")]
    [InlineData("del\u007f c1\u0080\u0099 nel\u0085 nbsp\u00a0")]
    [InlineData("line separator\u2028paragraph\u2029 bom\ufeff")]
    [InlineData("astral \U0001F600 and private \ue000")]
    [InlineData("${not.a.variable} #not-a-comment: 'quoted'")]
    public void Double_quoted_scalars_read_back_as_the_same_string(string value)
    {
        var text = YamlEmitter.Write(new YamlMapping().Add("k", YamlScalar.String(value)), Quoted);
        Assert.DoesNotContain('\u2028', text);
        Assert.DoesNotContain('\u0085', text);
        Assert.DoesNotContain('\u007f', text);
        Assert.Equal(value, ((YamlScalarNode)ReadBack(text).Children[new YamlScalarNode("k")]).Value);
    }

    [Fact]
    public void Escapes_are_yamls_own()
    {
        Assert.Equal("a\\nb\\tc\\\"d\\\\e\\0\\a\\b\\e\\x7F\\N\\_\\L\\uFEFF", YamlEmitter.EscapeDoubleQuoted("a\nb\tc\"d\\e\0\a\b\u001b\u007f\u0085\u00a0\u2028\ufeff"));
        Assert.Same("unchanged é", YamlEmitter.EscapeDoubleQuoted("unchanged é"));
    }

    private static YamlScalar Key(string name) => YamlScalar.Verbatim(name);

    private static YamlMappingNode ReadBack(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }
}
