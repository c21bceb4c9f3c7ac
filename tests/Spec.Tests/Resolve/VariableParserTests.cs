using Spec.Core.Resolve;

namespace Spec.Tests.Resolve;

public sealed class VariableParserTests
{
    [Fact]
    public void WholeValueVariable()
    {
        var t = VariableParser.Parse("${self:custom.a}")!;
        Assert.True(t.IsWholeValue);
        var source = Assert.Single(Assert.Single(t.Variables).Sources);
        Assert.Equal("self", source.Type);
        Assert.Equal("custom.a", source.Address!.Value!.Text);
    }

    [Fact]
    public void FallbacksParamsAndPositions()
    {
        var t = VariableParser.Parse("x-${file(./a.yml, 'b'):k, opt:s, 'dev'}-y")!;
        Assert.False(t.IsWholeValue);
        var v = Assert.Single(t.Variables);
        Assert.Equal((2, 39), (v.Start, v.End));
        Assert.Equal(3, v.Sources.Count);
        Assert.Equal(["./a.yml", "b"], v.Sources[0].Params!.Select(p => p.Value!.Text));
        Assert.Equal("opt", v.Sources[1].Type);
        Assert.Equal((LiteralKind.String, "dev"), (v.Sources[2].Value!.Kind, v.Sources[2].Value!.Text));
        var number = VariableParser.Parse("${opt:n, 3}")!.Variables[0].Sources[1].Value!;
        Assert.Equal((LiteralKind.Number, "3"), (number.Kind, number.Text));
    }

    [Fact]
    public void NestedVariableInAddress()
    {
        var t = VariableParser.Parse("${self:custom.${sls:stage}.mem}")!;
        var address = Assert.Single(Assert.Single(t.Variables).Sources).Address!;
        Assert.Null(address.Value);
        Assert.Equal("custom.${sls:stage}.mem", address.Template!.Text);
        var inner = Assert.Single(address.Template.Variables);
        Assert.Equal((7, 19), (inner.Start, inner.End));
    }

    [Theory]
    [InlineData("${AWS::Region}")]
    [InlineData("${MyParam}")]
    [InlineData("plain $ text")]
    [InlineData("${}")]
    [InlineData("arn:${AWS::Partition}:s3:::${Bucket}")]
    public void ForeignOrNoVariables(string text) => Assert.Null(VariableParser.Parse(text));

    [Fact]
    public void EscapeBecomesLiteralDollar()
    {
        var t = VariableParser.Parse(@"lit \${self:service}")!;
        var escape = Assert.Single(t.Variables);
        Assert.True(escape.IsEscape);
        Assert.Equal("$", escape.EscapedText);
        Assert.Equal((4, 6), (escape.Start, escape.End));
    }

    [Theory]
    [InlineData("${self:a", "Missing variable closing bracket")]
    [InlineData("${opt:a, ?}", "Invalid variable source")]
    [InlineData("${opt:a, 'dev', opt:b}", "Invalid variable source")]
    [InlineData("${file(a}", "Invalid variable param")]
    [InlineData("${self:${AWS::Region}}", "Invalid variable type")]
    public void SyntaxErrors(string text, string message)
    {
        var e = Assert.Throws<VariableSyntaxException>(() => VariableParser.Parse(text));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-42.0, "-42")]
    [InlineData(40.702637, "40.702637")]
    public void NumbersAreSpelledAsJavaScriptSpellsThem(double value, string text) =>
        Assert.Equal(text, JsNumber.Format(value));
}
