using System.Text.Json;
using Spec.Core.Schema;
using Spec.Tests.Cli;

namespace Spec.Tests.Lsp;

/// <summary><c>spec lsp</c> driven by a real LSP client (the npm client library) over stdio, as an editor drives it.</summary>
public sealed class LanguageServerTests
{
    private const string Spec = """
        service: shop
        provider:
          name: aws
          runtime: provided.al2023
          timeout: 30
        functions:
          worker:
            handler: handler.main
            memorySize: 256
            events:
              - sqs:
                  arn: !GetAtt JobsQueue.Arn
        resources:
          Resources:
            JobsQueue:
              Type: AWS::SQS::Queue
              Properties:
                VisibilityTimeout: 30

        """;

    [SkippableFact]
    public void Session_PublishesLocatedDiagnosticsUpdatesThemOnChangeHoversCompletesAndAppliesAFix()
    {
        TestSkip.If(LspSession.Missing, LspSession.SkipReason);
        using var dir = new TempDir();
        var path = dir.Write("serverless.yml", Spec);
        var withBatchFailures = Spec.Replace(
            "          arn: !GetAtt JobsQueue.Arn\n",
            "          arn: !GetAtt JobsQueue.Arn\n          functionResponseType: ReportBatchItemFailures\n", StringComparison.Ordinal);

        var session = LspSession.Run(path,
            LspSession.Change(withBatchFailures),
            LspSession.Hover(4, 4),
            LspSession.Complete(8, 4),
            LspSession.Complete(3, 11),
            LspSession.CodeActions(18, 18, "set VisibilityTimeout"));

        var initialize = session.GetProperty("initialize").GetProperty("capabilities");
        Assert.Equal(1, initialize.GetProperty("textDocumentSync").GetProperty("change").GetInt32());

        // didOpen: every finding of `spec check`, at its span (0-based here, 1-based in the CLI), with related locations.
        var opened = LspSession.Step(session, 0);
        Assert.Equal(["SLS-SQS-010 10:8-11:36", "SLS-SQS-009 14:4-14:13", "SLS-SQS-002 17:27-17:29"], LspSession.Diagnostics(opened));
        var visibility = opened.GetProperty("diagnostics")[2];
        Assert.Equal(2, visibility.GetProperty("severity").GetInt32());
        Assert.Equal(["4:11-4:13", "11:15-11:36"],
            visibility.GetProperty("relatedInformation").EnumerateArray().Select(r => LspSession.Range(r.GetProperty("location").GetProperty("range"))));

        // didChange: the batch finding is gone, the others moved down a line.
        Assert.Equal(["SLS-SQS-009 15:4-15:13", "SLS-SQS-002 18:27-18:29"], LspSession.Diagnostics(LspSession.Step(session, 1)));

        var hover = LspSession.Step(session, 2).GetProperty("result").GetProperty("contents").GetProperty("value").GetString();
        Assert.StartsWith("**provider.timeout** — integer 1-900", hover, StringComparison.Ordinal);
        Assert.Contains("Default: `6`", hover, StringComparison.Ordinal);

        var functionKeys = KeyCatalog.Serverless.ObjectAt("functions.*")!.Properties.Where(p => p.MovedTo is null).Select(p => p.Name);
        Assert.Equal(functionKeys, Labels(LspSession.Step(session, 3)));
        var runtimes = Labels(LspSession.Step(session, 4));
        Assert.Contains("nodejs22.x", runtimes);
        Assert.Contains("provided.al2023", runtimes);
        Assert.DoesNotContain("handler", runtimes);

        // The quick fix is the rule's own fix, applied by the editor; the server then reports the spec without it.
        var fixedSpec = LspSession.Step(session, 5);
        Assert.Equal("set VisibilityTimeout of JobsQueue to 180 (SLS-SQS-002)", fixedSpec.GetProperty("applied").GetString());
        Assert.Contains("        VisibilityTimeout: 180\n", fixedSpec.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["SLS-SQS-009 15:4-15:13"], LspSession.Diagnostics(fixedSpec));

        Assert.Equal(0, session.GetProperty("exitCode").GetInt32());
    }

    [SkippableFact]
    public void SpecYml_BesideTheSpecTurnsRulesOffAsInSpecCheck()
    {
        TestSkip.If(LspSession.Missing, LspSession.SkipReason);
        using var dir = new TempDir();
        dir.Write(".spec.yml", "rules:\n  SLS-SQS-010: off\n  SLS-SQS-009: error\n");
        var path = dir.Write("serverless.yml", Spec);

        var opened = LspSession.Step(LspSession.Run(path), 0);

        Assert.Equal(["SLS-SQS-009 14:4-14:13", "SLS-SQS-002 17:27-17:29"], LspSession.Diagnostics(opened));
        Assert.Equal(1, opened.GetProperty("diagnostics")[0].GetProperty("severity").GetInt32());
    }

    [SkippableFact]
    public void BrokenInput_GivesDiagnosticsAndTheServerKeepsServing()
    {
        TestSkip.If(LspSession.Missing, LspSession.SkipReason);
        using var dir = new TempDir();
        var path = dir.Write("serverless.yml", "service: [unclosed\n");

        var session = LspSession.Run(path,
            LspSession.Change(string.Empty),
            LspSession.Change("- a list\n"),
            LspSession.Change("service: x\u0000\n"),
            LspSession.Change("a: b\n  c: d\n"),
            LspSession.Hover(0, 3),
            LspSession.Complete(1, 1),
            LspSession.Change(Spec));

        for (var i = 0; i < 5; i++)
        {
            var diagnostics = LspSession.Diagnostics(LspSession.Step(session, i));
            Assert.True(diagnostics.Count > 0, $"step {i} has no diagnostic");
            Assert.DoesNotContain(diagnostics, d => d.StartsWith("SPEC-INTERNAL", StringComparison.Ordinal));
        }

        Assert.Equal(3, LspSession.Diagnostics(LspSession.Step(session, 7)).Count);
        Assert.Equal(0, session.GetProperty("exitCode").GetInt32());
        Assert.Equal(string.Empty, session.GetProperty("stderr").GetString());
    }

    private static IEnumerable<string> Labels(JsonElement step) =>
        step.GetProperty("result").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!);
}
