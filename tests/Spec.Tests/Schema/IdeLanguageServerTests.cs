using Spec.Core.Schema.Catalog;

namespace Spec.Tests.Schema;

/// <summary>The checked-in schema in a real editor backend: yaml-language-server 1.25.0 over LSP stdio.</summary>
public sealed class IdeLanguageServerTests
{
    [SkippableFact]
    public void LanguageServer_CompletesFunctionKeysAndAll22EventTypesAndHoversTimeoutDocs()
    {
        TestSkip.If(LanguageServerProbe.Missing, LanguageServerProbe.SkipReason);
        var report = LanguageServerProbe.Run(LanguageServerProbe.Fixture("complete.yml"),
            "--complete", "10:4", "--complete", "12:8", "--hover", "8:5");

        Assert.Equal(RepoPaths.CheckedInSchema, new Uri(report.GetProperty("matched")[0].GetString()!).LocalPath);

        // Inside functions.hello: every function key of the catalog except the four already written.
        var present = new[] { "handler", "timeout", "layers", "events" };
        var expectedKeys = SpecCatalog.Function.Object!.Properties.Select(p => p.Name).Except(present).Order(StringComparer.Ordinal);
        Assert.Equal(expectedKeys, LanguageServerProbe.CompletionLabels(report, "10:4").Order(StringComparer.Ordinal));

        // After `- ` under events: the 22 event types.
        Assert.Equal(SpecCatalog.EventTypes.Order(StringComparer.Ordinal),
            LanguageServerProbe.CompletionLabels(report, "12:8").Order(StringComparer.Ordinal));

        var hover = report.GetProperty("hovers").GetProperty("8:5").GetString();
        Assert.NotNull(hover);
        Assert.StartsWith("#### timeout", hover, StringComparison.Ordinal);
        Assert.Contains("Timeout in seconds (1-900)", hover, StringComparison.Ordinal);
        Assert.Contains("*Default*: `6`", hover, StringComparison.Ordinal);
        Assert.Contains("[Docs](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)", hover, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void LanguageServer_ReportsOutOfRangeUnknownKeysAndWrongTypes()
    {
        TestSkip.If(LanguageServerProbe.Missing, LanguageServerProbe.SkipReason);
        var diagnostics = LanguageServerProbe.Diagnostics(LanguageServerProbe.Run(LanguageServerProbe.Fixture("invalid.yml")));

        Assert.DoesNotContain(diagnostics, d => d.Contains("Problems loading reference", StringComparison.Ordinal));
        Assert.Contains("5: Value is above the maximum of 900.", diagnostics);
        Assert.Contains("6: Expected integer 128-10240 or a ${…} variable", diagnostics);
        Assert.Contains("7: Property unknownProviderKey is not allowed.", diagnostics);
        Assert.Contains("11: Value is above the maximum of 900.", diagnostics);
        Assert.Contains("12: Expected integer 128-10240 or a ${…} variable", diagnostics);
        Assert.Contains("13: Property unknownKey is not allowed.", diagnostics);
        Assert.Contains("18: Property notAnEvent is not allowed.", diagnostics);
        Assert.Contains("20: Property bogusTopLevel is not allowed.", diagnostics);
        Assert.Equal(8, diagnostics.Count);
    }

    [SkippableFact]
    public void LanguageServer_AcceptsVariablesEverywhereAndShortFormTags()
    {
        TestSkip.If(LanguageServerProbe.Missing, LanguageServerProbe.SkipReason);
        Assert.Empty(LanguageServerProbe.Diagnostics(LanguageServerProbe.Run(LanguageServerProbe.Fixture("valid.yml"))));
    }

    [SkippableTheory]
    [InlineData("aws-ruby-cron-with-dynamodb")]
    [InlineData("aws-ruby-step-functions")]
    [InlineData("aws-ruby-step-functions-with-callback")]
    public void Corpus_LanguageServerReportsNothingOnSpecWithVariablesAndGetAtt_RequiresShared(string corpusCase)
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        TestSkip.If(LanguageServerProbe.Missing, LanguageServerProbe.SkipReason);
        var spec = Path.Combine(SharedData.Corpus!, "sls-examples", corpusCase, "serverless.yml");
        var text = File.ReadAllText(spec);
        Assert.Contains("!GetAtt", text, StringComparison.Ordinal);
        Assert.Contains("${", text, StringComparison.Ordinal);

        Assert.Empty(LanguageServerProbe.Diagnostics(LanguageServerProbe.Run(spec)));
    }
}
