using Spec.Cli.Lsp;
using Spec.Core.Diagnostics;
using Spec.Core.Schema;
using Spec.Core.Syntax;

namespace Spec.Tests.Lsp;

public sealed class KeyPathsTests
{
    private const string Text = """
        provider:
          name: aws
          runtime: no
        functions:
          hello:
            events:
              - sqs:
                  arn: x
                  batchS
              - http:
                  
            han
        """;

    [Theory]
    [InlineData(2, 13, "provider,runtime", "runtime", "no")]
    [InlineData(8, 16, "functions,hello,events,sqs", null, "batchS")]
    [InlineData(10, 10, "functions,hello,events,http", null, "")]
    [InlineData(11, 7, "functions,hello", null, "han")]
    [InlineData(7, 17, "functions,hello,events,sqs,arn", "arn", "x")]
    public void InYamlText_FindsTheEnclosingKeysByIndentation(int line, int character, string keys, string? valueOf, string word)
    {
        var context = KeyPaths.InYamlText(Text, line, character);

        Assert.NotNull(context);
        Assert.Equal(keys, string.Join(',', context.Keys));
        Assert.Equal(valueOf, context.ValueOf);
        Assert.Equal(word, context.Word);
    }

    [Theory]
    [InlineData("functions,hello,events,sqs,batchSize", "functions.*.events.sqs.batchSize")]
    [InlineData("provider,runtime", "provider.runtime")]
    [InlineData("resources,Resources,Queue,Properties,VisibilityTimeout", null)]
    [InlineData("notAKey,x", null)]
    public void CatalogPath_TurnsMapKeysIntoStars(string keys, string? expected) =>
        Assert.Equal(expected, KeyPaths.CatalogPath(KeyCatalog.Serverless, keys.Split(',')));

    [Fact]
    public void AtPosition_OnAKeyOrItsValueInYamlAndJson()
    {
        var yaml = new YamlLoader().LoadText("s.yml", "provider:\n  timeout: 10\n", new DiagnosticBag()).Root;
        var json = new YamlLoader().LoadText("s.json", "{\"provider\": {\"timeout\": 10}}", new DiagnosticBag()).Root;

        Assert.Equal(["provider", "timeout"], KeyPaths.AtPosition(yaml, 1, 3));
        Assert.Equal(["provider", "timeout"], KeyPaths.AtPosition(yaml, 1, 12));
        Assert.Equal(["provider", "timeout"], KeyPaths.AtPosition(json, 0, 16));
        Assert.Null(KeyPaths.AtPosition(yaml, 5, 0));
    }
}
