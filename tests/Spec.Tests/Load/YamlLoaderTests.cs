using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Tests.Load;

public class YamlLoaderTests
{
    private static (Node? Root, DiagnosticBag Diagnostics) Load(string yaml)
    {
        var bag = new DiagnosticBag();
        var result = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        return (result.Root, bag);
    }

    [Fact]
    public void Nodes_keep_line_and_column()
    {
        var (root, bag) = Load("service: a\nprovider:\n  name: aws\n  timeout: 30\n");
        Assert.Empty(bag.Items);
        var timeout = ((MappingNode)((MappingNode)root!)["provider"]!)["timeout"] as ScalarNode;
        Assert.Equal(ScalarKind.Int, timeout!.Kind);
        Assert.Equal(4, timeout.Span.Line);
        Assert.Equal(12, timeout.Span.Column);
    }

    [Theory]
    [InlineData("!Ref Queue", "Ref")]
    [InlineData("!Sub 'arn:${AWS::Region}'", "Fn::Sub")]
    [InlineData("!ImportValue x", "Fn::ImportValue")]
    [InlineData("!Condition IsProd", "Condition")]
    [InlineData("!Join [':', [a, b]]", "Fn::Join")]
    public void Short_form_tags_become_long_forms(string value, string key)
    {
        var (root, bag) = Load($"x: {value}\n");
        Assert.Empty(bag.Items);
        var x = Assert.IsType<MappingNode>(((MappingNode)root!)["x"]);
        Assert.Equal(key, Assert.Single(x.Entries).Key.Text);
    }

    [Fact]
    public void GetAtt_short_form_splits_on_the_first_dot()
    {
        var (root, _) = Load("x: !GetAtt Queue.Arn\n");
        var args = Assert.IsType<SequenceNode>(((MappingNode)((MappingNode)root!)["x"]!)["Fn::GetAtt"]);
        Assert.Equal(["Queue", "Arn"], args.Items.Cast<ScalarNode>().Select(s => s.Text));
    }

    [Fact]
    public void Duplicate_keys_are_errors_pointing_at_the_second_key()
    {
        var (_, bag) = Load("service: a\nservice: b\n");
        var d = Assert.Single(bag.Items);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(2, d.Span!.Line);
        Assert.Equal(1, d.Related[0].Span.Line);
    }

    [Fact]
    public void Merge_keys_apply_without_overriding_explicit_keys()
    {
        var (root, bag) = Load("base: &b {timeout: 6, memorySize: 512}\nfn:\n  <<: *b\n  timeout: 30\n");
        Assert.Empty(bag.Items);
        var fn = (MappingNode)((MappingNode)root!)["fn"]!;
        Assert.Equal("30", ((ScalarNode)fn["timeout"]!).Text);
        Assert.Equal("512", ((ScalarNode)fn["memorySize"]!).Text);
    }

    [Fact]
    public void Alias_bomb_is_rejected_quickly()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i < 10; i++)
        {
            yaml += $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat(i == 1 ? "*a" : $"*l{i - 1}", 10))}]\n";
        }

        var (root, bag) = Load(yaml);
        Assert.Null(root);
        Assert.Contains("alias", Assert.Single(bag.Items).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_a_diagnostic_not_a_crash()
    {
        var (root, bag) = Load("x: " + new string('[', 20_000) + new string(']', 20_000) + "\n");
        Assert.Null(root);
        Assert.Contains("nesting", Assert.Single(bag.Items).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", ScalarKind.String)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("1.5", ScalarKind.Float)]
    [InlineData("0x1F", ScalarKind.Int)]
    [InlineData("True", ScalarKind.Bool)]
    public void Plain_scalars_follow_the_core_schema(string text, ScalarKind kind) =>
        Assert.Equal(kind, ScalarTyping.KindOf(text));

    [Fact]
    public void Invalid_utf8_is_located()
    {
        var bag = new DiagnosticBag();
        byte[] bytes = [.. "service: a\nx: "u8, 0xff, (byte)'\n'];
        var result = new YamlLoader().LoadBytes("s.yml", bytes, bag);
        Assert.Null(result.Root);
        Assert.Equal(2, Assert.Single(bag.Items).Span!.Line);
    }

    [Fact]
    public void A_tab_in_the_indentation_is_reported_where_the_tab_is()
    {
        var (root, bag) = Load("service: a\nprovider:\n  name: aws\nfunctions:\n  f:\n\thandler: x\n");
        Assert.Null(root);
        var d = Assert.Single(bag.Items);
        Assert.Equal(6, d.Span!.Line);
        Assert.Equal(1, d.Span.Column);
        Assert.Contains("tab", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_flow_sequence_is_reported_where_the_input_ends()
    {
        var (root, bag) = Load("service: a\nx: [a, b\n");
        Assert.Null(root);
        Assert.Equal(3, Assert.Single(bag.Items).Span!.Line);
    }
}
