using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Resolve;

/// <summary>
/// Where a resolved value came from: a value whole from one variable keeps the variable's definition as its origin;
/// a value assembled from text and variables has no single origin and lists each variable with its definition (or,
/// for a value the spec does not hold or must not show, where the variable is used).
/// </summary>
public sealed class ProvenanceTests : IDisposable
{
    private const string Head = "service: svc\nprovider:\n  name: aws\n";

    private readonly ResolveFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private const string Yaml = Head + """
        custom:
          prefix: ${self:service}-${opt:stage, 'dev'}
          suffix: orders
          whole: ${self:custom.suffix}
          one: ${self:custom.suffix}.fifo
          several: ${self:custom.prefix}-${self:custom.suffix}.fifo
          key: suffix
          nested: ${self:custom.${self:custom.key}}
          viaAssembled: ${self:custom.prefix}
          secret: token-${env:TOKEN}
        """;

    private ResolvedSpec Resolved()
    {
        var (spec, bag) = _fixture.Resolve(Yaml, NodePath.Options().WithEnvironment(("TOKEN", "s3cr3t")));
        Assert.Empty(bag.Items);
        return spec;
    }

    private static int LineOf(string key) =>
        Yaml.Split('\n').Select((line, i) => (line, i)).First(l => l.line.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)).i + 1;

    private static int ColumnOf(string key, string expression)
    {
        var line = Yaml.Split('\n')[LineOf(key) - 1];
        return line.IndexOf(expression, StringComparison.Ordinal) + 1;
    }

    [Fact]
    public void WholeValue_PointsAtTheDefinition_AndListsNoVariables()
    {
        var whole = Resolved().At("custom.whole");
        Assert.Equal(LineOf("whole"), whole.Span.Line);
        Assert.Equal(LineOf("suffix"), whole.Origin!.Line);
        Assert.Empty(whole.Variables);
    }

    [Fact]
    public void AssembledFromOneVariable_HasNoOrigin_AndListsTheVariablesDefinition()
    {
        var one = Resolved().At("custom.one");
        Assert.Equal("orders.fifo", Assert.IsType<ScalarNode>(one).Text);
        Assert.Null(one.Origin);
        Assert.Equal(LineOf("one"), one.EditSpan.Line);
        var site = Assert.Single(one.Variables);
        Assert.Equal(new VariableSite("${self:custom.suffix}", site.Span, IsDefinition: true), site);
        Assert.Equal(LineOf("suffix"), site.Span.Line);
    }

    [Fact]
    public void AssembledFromSeveralVariables_ListsEachInOrder()
    {
        var several = Resolved().At("custom.several");
        Assert.Equal("svc-dev-orders.fifo", Assert.IsType<ScalarNode>(several).Text);
        Assert.Null(several.Origin);
        Assert.Equal(["${self:custom.prefix}", "${self:custom.suffix}"], several.Variables.Select(v => v.Expression));
        Assert.Equal([LineOf("prefix"), LineOf("suffix")], several.Variables.Select(v => v.Span.Line));
        Assert.All(several.Variables, v => Assert.True(v.IsDefinition));
    }

    [Fact]
    public void VariableWithoutADefinition_PointsAtItsUseInTheAssemblingValue()
    {
        var prefix = Resolved().At("custom.prefix");
        Assert.Equal(2, prefix.Variables.Count);
        Assert.True(prefix.Variables[0].IsDefinition);
        Assert.Equal(1, prefix.Variables[0].Span.Line);
        var stage = prefix.Variables[1];
        Assert.False(stage.IsDefinition);
        Assert.Equal("${opt:stage, 'dev'}", stage.Expression);
        Assert.Equal((LineOf("prefix"), ColumnOf("prefix", "${opt:")), (stage.Span.Line, stage.Span.Column));
        Assert.Equal(stage.Expression.Length, stage.Span.End.Column - stage.Span.Start.Column);
    }

    [Fact]
    public void NestedVariable_InTheAddress_KeepsTheWholeValuesDefinition()
    {
        var nested = Resolved().At("custom.nested");
        Assert.Equal("orders", Assert.IsType<ScalarNode>(nested).Text);
        Assert.Equal(LineOf("suffix"), nested.Origin!.Line);
        Assert.Empty(nested.Variables);
    }

    [Fact]
    public void WholeValueOfAnAssembledValue_PointsAtTheAssemblingKey_AndKeepsItsVariables()
    {
        var via = Resolved().At("custom.viaAssembled");
        Assert.Equal(LineOf("prefix"), via.Origin!.Line);
        Assert.Equal(["${self:service}", "${opt:stage, 'dev'}"], via.Variables.Select(v => v.Expression));
    }

    [Fact]
    public void SensitiveVariable_PointsAtTheUse_NeverAtTheValue()
    {
        var secret = Resolved().At("custom.secret");
        Assert.True(secret.IsSensitive);
        var site = Assert.Single(secret.Variables);
        Assert.False(site.IsDefinition);
        Assert.Equal("${env:TOKEN}", site.Expression);
        Assert.Equal((LineOf("secret"), ColumnOf("secret", "${env:")), (site.Span.Line, site.Span.Column));
    }

    [Fact]
    public void VariablesInAnIncludedFile_PointIntoThatFile()
    {
        _fixture.File("queues.yml", "base: orders\nname: ${self:custom.prefix}-${file(./queues.yml):base}.fifo\n");
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              prefix: app
              queue: ${file(./queues.yml):name}
              inline: ${file(./queues.yml):base}-dlq
            """);
        Assert.Empty(bag.Items);

        var queue = spec.At("custom.queue");
        Assert.Equal("app-orders.fifo", Assert.IsType<ScalarNode>(queue).Text);
        Assert.EndsWith("queues.yml", queue.Origin!.File, StringComparison.Ordinal);
        Assert.Equal(2, queue.Origin.Line);
        Assert.Equal(2, queue.Variables.Count);
        Assert.Equal(("${self:custom.prefix}", 5, true),
            (queue.Variables[0].Expression, queue.Variables[0].Span.Line, queue.Variables[0].IsDefinition));
        Assert.EndsWith("serverless.yml", queue.Variables[0].Span.File, StringComparison.Ordinal);

        // A value from a file is sensitive: the assembled value points at the variable's use, not into the file.
        var inline = spec.At("custom.inline");
        Assert.Null(inline.Origin);
        var site = Assert.Single(inline.Variables);
        Assert.False(site.IsDefinition);
        Assert.EndsWith("serverless.yml", site.Span.File, StringComparison.Ordinal);
        Assert.Equal(7, site.Span.Line);
    }
}
