using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

public sealed class TemplateWriterTests
{
    [Fact]
    public void Json_IsFormattedLikeJsonStringifyWithTwoSpaces()
    {
        var node = new JsonObject
        {
            ["a"] = 1,
            ["b"] = new JsonArray("x", true, null),
            ["c"] = new JsonObject(),
            ["d"] = new JsonArray(),
            ["e"] = "é \"q\" \n",
            ["f"] = 1.5,
        };
        Assert.Equal("{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    true,\n    null\n  ],\n  \"c\": {},\n  \"d\": [],\n" +
                     "  \"e\": \"é \\\"q\\\" \\n\",\n  \"f\": 1.5\n}", TemplateJsonWriter.Write(node));
    }

    [Fact]
    public void Json_StreamedToUtf8_IsTheSameBytesAsTheRenderedTemplate_AcrossFlushesAndSurrogatePairs()
    {
        // 2,500 functions: the streamed writer moves its text to bytes many times and fills several 1 MB blocks, and
        // writes the resources in parts on separate threads; the descriptions put non-BMP characters (surrogate pairs)
        // and accents at every offset, so some straddle a move or a block's end.
        var yaml = new System.Text.StringBuilder("service: big\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n");
        for (var i = 0; i < 2500; i++)
        {
            yaml.Append("  f").Append(i).Append(":\n    handler: h.f\n    description: \"")
                .Append('x', i % 7).Append("é😀 ").Append(i).Append(" 𝄞\"\n");
        }

        var diagnostics = new Spec.Core.Diagnostics.DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml.ToString(), diagnostics);
        var resolved = Spec.Core.Resolve.VariableResolver.Resolve(loaded, Spec.Core.Resolve.ResolveOptions.Empty, diagnostics);
        var plan = Spec.Backends.Plan.PlanBuilder.Build(resolved, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));

        var streamed = CloudFormationEmitter.Utf8(plan, TemplateFormat.Json);
        var rendered = System.Text.Encoding.UTF8.GetBytes(TemplateJsonWriter.Write(CloudFormationEmitter.Template(plan)));
        Assert.True(streamed.Length > 3_000_000, $"the template is {streamed.Length} bytes: too small to fill several blocks");
        Assert.Equal(rendered, streamed);
        Assert.Contains("é😀 2499 𝄞", System.Text.Encoding.UTF8.GetString(streamed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1024d, "1024")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e-7, "1.5e-7")]
    public void Numbers_UseJavaScriptFormatting(double value, string expected) =>
        Assert.Equal(expected, TemplateJsonWriter.FormatNumber(value));

    [Fact]
    public void Yaml_QuotesWhatYamlWouldRetypeAndRoundTrips()
    {
        var node = new JsonObject
        {
            ["Name"] = "plain-name",
            ["Flag"] = "true",
            ["Version"] = "2012-10-17",
            ["Sub"] = "arn:${AWS::Partition}:logs:*",
            ["List"] = new JsonArray(new JsonObject { ["Ref"] = "X", ["N"] = 3 }, "y"),
            ["Empty"] = new JsonObject(),
        };
        var yaml = TemplateYamlWriter.Write(node);
        var bag = new Spec.Core.Diagnostics.DiagnosticBag();
        var loaded = new YamlLoader().LoadText("t.yaml", yaml, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var root = Assert.IsType<MappingNode>(loaded.Root);
        Assert.Equal(ScalarKind.String, Assert.IsType<ScalarNode>(root["Flag"]).Kind);
        Assert.Equal("2012-10-17", Assert.IsType<ScalarNode>(root["Version"]).Text);
        Assert.Equal("arn:${AWS::Partition}:logs:*", Assert.IsType<ScalarNode>(root["Sub"]).Text);
        var first = Assert.IsType<MappingNode>(Assert.IsType<SequenceNode>(root["List"]).Items[0]);
        Assert.Equal(ScalarKind.Int, Assert.IsType<ScalarNode>(first["N"]).Kind);
    }
}
