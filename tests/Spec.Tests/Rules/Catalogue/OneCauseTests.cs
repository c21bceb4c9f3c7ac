using Spec.Core.Diagnostics;

namespace Spec.Tests.Rules.Catalogue;

/// <summary>One cause gives one finding, and the advice names the nearest fix (issue 15 §3).</summary>
public sealed class OneCauseTests
{
    private const string Head = """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x

        """;

    private static List<Diagnostic> Run(string yaml, DateOnly? asOf = null) =>
        [.. CataloguePipeline.Check("serverless.yml", yaml, asOf).Select(f => f.Diagnostic)];

    [Fact]
    public void A_mistyped_handler_is_one_error_at_the_typo_naming_the_missing_key()
    {
        var findings = Run(Head + """
            functions:
              hello:
                handlr: handler.hello
            """);

        var finding = Assert.Single(findings);
        Assert.Equal(DiagnosticIds.Schema, finding.Id);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal((7, 5), (finding.Span!.Line, finding.Span.Column));
        Assert.Equal("unknown property 'handlr' in 'functions.hello', so 'functions.hello' has no 'handler'", finding.Message);
        Assert.Equal("handler", Assert.Single(finding.Fix!.Edits).NewText);
        Assert.Single(finding.Related);
    }

    [Fact]
    public void A_function_with_neither_handler_nor_image_is_reported_once()
    {
        var findings = Run(Head + """
            functions:
              hello:
                memorySize: 512
            """);

        var finding = Assert.Single(findings);
        Assert.Equal("'functions.hello' is missing the required property 'handler'", finding.Message);
    }

    [Fact]
    public void An_unknown_key_that_is_not_the_missing_one_stays_separate()
    {
        var findings = Run(Head + """
            functions:
              hello:
                timout: 10
            """);

        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void A_deprecated_runtime_is_moved_to_the_nearest_supported_version_not_the_newest()
    {
        var findings = Run(Head.Replace("nodejs22.x", "python3.9", StringComparison.Ordinal) + """
            functions:
              hello:
                handler: handler.hello
            """, new DateOnly(2026, 8, 19));

        var finding = Assert.Single(findings, d => d.Id == "SLS-LAMBDA-007");
        Assert.Contains("move to 'python3.10' (supported until 2026-10-31) or the newest, 'python3.14' (code changes may be needed)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("python3.10", Assert.Single(finding.Fix!.Edits).NewText);
    }
}
