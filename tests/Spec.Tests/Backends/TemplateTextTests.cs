using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

/// <summary>
/// The compiler writes the template text straight from the plan (no cloned template object); it must be the same
/// bytes as rendering the template object, which the conformance tests compare with the Framework's.
/// </summary>
public sealed class TemplateTextTests
{
    private static CompileResult Compile(string yaml)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        var result = CloudFormationCompiler.Compile(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result;
    }

    [Theory]
    [InlineData("")]
    [InlineData("""
        resources:
          Conditions: {IsProd: {Fn::Equals: [prod, dev]}}
          Outputs: {Extra: {Value: x}}
          Description: mine
        """)]
    [InlineData("""
        resources:
          Parameters: {Size: {Type: Number, Default: 3}}
          Transform: AWS::Serverless-2016-10-31
        """)]
    public void Text_IsTheRenderedTemplate(string resources)
    {
        var result = Compile($"""
            service: orders
            provider: {"{"}name: aws, runtime: nodejs18.x{"}"}
            functions:
              api: {"{"}handler: handler.api, events: [{"{"}httpApi: GET /orders{"}"}]{"}"}
            {resources}
            """);
        Assert.Equal(CloudFormationCompiler.Render(result.Template, TemplateFormat.Json), result.Text);
    }

    [SkippableFact]
    public void Corpus_TextIsTheRenderedTemplate_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var mismatches = new List<string>();
        foreach (var c in CorpusCase.All())
        {
            var diagnostics = new DiagnosticBag();
            var result = CloudFormationCompiler.Compile(c.Resolve(diagnostics), diagnostics);
            if (result.Text is { } text && text != CloudFormationCompiler.Render(result.Template, TemplateFormat.Json))
            {
                mismatches.Add(c.Name);
            }
        }

        Assert.Empty(mismatches);
    }
}
