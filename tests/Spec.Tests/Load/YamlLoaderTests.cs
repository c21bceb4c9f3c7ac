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

/// <summary>What the Framework's parser (js-yaml 4.3.2) does and the old YamlDotNet-based loader did not (issues 11, 14).</summary>
public class YamlLoaderFrameworkParityTests
{
    private static (Node? Root, DiagnosticBag Diagnostics) Load(string yaml, string path = "serverless.yml")
    {
        var bag = new DiagnosticBag();
        var result = new YamlLoader().LoadText(path, yaml, bag);
        return (result.Root, bag);
    }

    private static string Json(string yaml)
    {
        var (root, bag) = Load(yaml);
        Assert.True(root is not null, string.Join("\n", bag.Items));
        Assert.DoesNotContain(bag.Items, d => d.Severity == Severity.Error);
        return CanonicalJson.Of(root);
    }

    private static Diagnostic Refused(string yaml, string path = "serverless.yml")
    {
        var (root, bag) = Load(yaml, path);
        Assert.Null(root);
        var error = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.NotNull(error.Span);
        return error;
    }

    [Fact]
    public void A_comment_indented_less_than_the_lines_before_it_after_a_flow_sequence_is_a_comment() =>
        Assert.Equal("""{"custom":{"a":{"b":{"G":["a","b"]}},"c":1}}""",
            Json("custom:\n  a:\n    b:\n      G: [a, b]\n  # x\n  c: 1\n"));

    [Fact]
    public void A_blank_line_holding_a_tab_is_blank() =>
        Assert.Equal("""{"a":1,"b":2}""", Json("a: 1\n\t\nb: 2\n"));

    [Fact]
    public void An_unclosed_flow_collection_followed_by_another_line_is_located_with_where_it_started()
    {
        var error = Refused("a: [\nb: 1\n");
        Assert.Contains("flow collection", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Span!.Line);
        Assert.Equal((1, 4), (error.Related[0].Span.Line, error.Related[0].Span.Column));
    }

    [Fact]
    public void Escaped_surrogates_in_the_wrong_order_are_the_string_javascript_makes() =>
        Assert.Equal("{\"a\":\"\\udfff\\ud800\"}", Json("a: \"\\udfff\\ud800\"\n"));

    [Theory]
    [InlineData("a: \"\\q\"\n", "unknown escape sequence")]
    [InlineData("a: 'unclosed\n", "single quoted scalar")]
    [InlineData("a: \"unclosed\n", "double quoted scalar")]
    [InlineData("a: b: c\n", "bad indentation")]
    [InlineData("a: |0\n  x\n", "indentation width")]
    [InlineData("- a\nb: c\n", "end of the stream")]
    [InlineData("a: 1\n---\nb: 2\n", "single document")]
    [InlineData("a: !Transform {Name: x}\n", "unknown tag !<!Transform>")]
    [InlineData("a: *nowhere\n", "unidentified alias")]
    [InlineData("a: &x [*x]\n", "recursive alias")]
    [InlineData("<<: a\n", "cannot merge mappings")]
    [InlineData("a: \"\\x4\"\n", "hexadecimal")]
    [InlineData("a: !!int x\n", "cannot resolve")]
    [InlineData("a:\n\tb: 1\n", "tab")]
    public void What_the_framework_refuses_is_a_located_error(string yaml, string message) =>
        Assert.Contains(message, Refused(yaml).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("x: !GetAtt Queue\n", """{"x":{"Fn::GetAtt":["Queue",""]}}""")]
    [InlineData("x: !GetAtt a.b.c\n", """{"x":{"Fn::GetAtt":["a","b.c"]}}""")]
    [InlineData("x: !Ref 123\n", """{"x":{"Ref":"123"}}""")]
    [InlineData("x: !Ref\n", """{"x":{"Ref":null}}""")]
    [InlineData("x: !Sub [a, {b: 1}]\n", """{"x":{"Fn::Sub":["a",{"b":1}]}}""")]
    [InlineData("x: !Base64\n  !Sub a\n", """{"x":{"Fn::Base64":{"Fn::Sub":"a"}}}""")]
    public void Short_forms_are_the_schemas_long_forms(string yaml, string json) => Assert.Equal(json, Json(yaml));

    [Theory]
    [InlineData("yes", "\"yes\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("012", "12")]
    [InlineData("-.5", "\"-.5\"")]
    [InlineData("1.", "1")]
    [InlineData(".inf", "Infinity")]
    [InlineData("1e400", "\"1e400\"")]
    [InlineData("12345678901234567890", "12345678901234567000")]
    [InlineData("2001-12-14", "\"2001-12-14T00:00:00.000Z\"")]
    [InlineData("2001-12-14 21:59:43.10 -5", "\"2001-12-15T02:59:43.100Z\"")]
    [InlineData("~", "null")]
    [InlineData("True", "true")]
    public void Plain_scalars_are_typed_as_the_framework_types_them(string plain, string json) =>
        Assert.Equal($"{{\"v\":{json}}}", Json($"v: {plain}\n"));

    [Fact]
    public void Keys_are_javascript_strings() =>
        Assert.Equal("""{"1":"a","16":"b","null":"c","true":"d","a,b":"e","[object Object]":"f"}""",
            Json("1.0: a\n0x10: b\n~: c\nTrue: d\n? [a, b]\n: e\n? {x: 1}\n: f\n"));

    [Fact]
    public void Merged_keys_sit_where_the_merge_is_and_explicit_keys_override_them_once()
    {
        Assert.Equal("""{"b":2,"a":5,"c":3}""", Json("b: 2\n<<: {a: 1, b: 9, c: 3}\na: 5\n"));
        Assert.Contains("duplicate key 'a'", Refused("<<: {a: 1}\na: 2\na: 3\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_refuse_the_document_but_a_json_file_keeps_the_last_value()
    {
        var error = Refused("a: 1\nb: 2\na: 3\n");
        Assert.Equal(3, error.Span!.Line);
        Assert.Equal(1, error.Related[0].Span.Line);

        var (root, bag) = Load("""{"a": 1, "b": 2, "a": 3}""", "serverless.json");
        Assert.Empty(bag.Items);
        Assert.Equal("""{"a":3,"b":2}""", CanonicalJson.Of(root!));
    }

    [Fact]
    public void Properties_before_a_key_belong_to_the_key() =>
        Assert.Equal("""{"a":"b","c":"a","x":{"y":"z"}}""", Json("&k a: b\nc: *k\nx: &m y: z\n"));

    [Fact]
    public void Comments_are_kept_with_whether_they_follow_content()
    {
        var bag = new DiagnosticBag();
        var result = new YamlLoader().LoadText("s.yml", "# top\na: 1 # spec-ignore X why\nb: [1, # in flow\n  2]\n", bag);
        Assert.Equal([(" top", false, 1), (" spec-ignore X why", true, 2), (" in flow", true, 3)],
            result.Comments.Select(c => (c.Text, c.IsInline, c.Span.Line)));
    }

    [Fact]
    public void Spans_cover_the_written_text()
    {
        var text = "a:\n  b: 'q'\n  c: [1, 2]\n  d: |\n    x\n";
        var (root, _) = Load(text);
        var a = (MappingNode)((MappingNode)root!)["a"]!;
        Assert.Equal("'q'", Slice(text, a["b"]!));
        Assert.Equal("[1, 2]", Slice(text, a["c"]!));
        Assert.Equal("b: 'q'\n  c: [1, 2]\n  d: |\n    x\n", Slice(text, a));
    }

    private static string Slice(string text, Node node) => text[node.Span.Start.Offset..node.Span.End.Offset];
}
