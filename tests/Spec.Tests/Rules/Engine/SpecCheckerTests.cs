using System.Diagnostics;
using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Rules.Checking;
using Spec.Rules.Engine;
using Spec.Rules.Suppression;
using Xunit.Abstractions;

namespace Spec.Tests.Rules.Engine;

/// <summary>The whole Check stage over real files with the real catalogue: fixes, config discovery, the corpus.</summary>
public sealed class SpecCheckerTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("spec-check-");

    public void Dispose() => _root.Delete(recursive: true);

    private const string Fixable = """
        service: orders
        provider:
          name: aws
          runtime: nodejs14.x   # pinned in 2021
        functions:
          worker:
            handler: index.handler
            timeout: 60
            events:
              - sqs:
                  arn: !GetAtt Jobs.Arn
              - schedule: rate(1 minutes)
        resources:
          Resources:
            Jobs:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: jobs
                VisibilityTimeout: 30 # seconds
        """;

    private static readonly string[] FixedIds = ["SLS-SQS-001", "SLS-LAMBDA-006", "SLS-EVENTS-001"];

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private SpecChecker Checker(SpecConfig? config = null) => new(new SpecCheckOptions
    {
        AsOf = new DateOnly(2026, 11, 23),
        BaseDirectory = _root.FullName,
        Config = config,
    });

    [Fact]
    public void Fix_rewrites_the_spec_keeping_comments_and_a_recheck_reports_none_of_the_fixed_findings()
    {
        var path = Write("svc/serverless.yml", Fixable);
        var checker = Checker();
        var before = checker.Check(path);
        var ids = before.Result.Diagnostics.Select(d => d.Id).ToList();
        Assert.All(FixedIds, id => Assert.Contains(id, ids));

        var (fixes, after) = checker.FixAndRecheck(before, includeUnsafe: true);
        var result = Assert.Single(fixes);
        Assert.True(result.Changed);
        var text = File.ReadAllText(path);
        Assert.Contains("runtime: nodejs22.x   # pinned in 2021", text, StringComparison.Ordinal);
        Assert.Contains("VisibilityTimeout: 360 # seconds", text, StringComparison.Ordinal);
        Assert.Contains("- schedule: rate(1 minute)\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(after.Result.Diagnostics, d => FixedIds.Contains(d.Id));
    }

    [Fact]
    public void The_nearest_spec_yml_applies_and_inline_suppressions_can_be_forbidden()
    {
        var path = Write("svc/serverless.yml", Fixable.Replace(
            "VisibilityTimeout: 30 # seconds", "VisibilityTimeout: 30 # spec-ignore SLS-SQS-001 drained by a cron", StringComparison.Ordinal));
        Assert.DoesNotContain(Checker().Check(path).Result.Diagnostics, d => d.Id == "SLS-SQS-001");

        Write(".git/HEAD", "ref: refs/heads/main\n"); // the repository root: the config search stops here
        Write(".spec.yml", "inlineSuppressions: false\nrules:\n  SLS-EVENTS-001: warning\n");
        var diagnostics = Checker().Check(path).Result.Diagnostics;
        Assert.Contains(diagnostics, d => d.Id == "SLS-SQS-001");
        Assert.Equal(Severity.Warning, diagnostics.Single(d => d.Id == "SLS-EVENTS-001").Severity);
    }

    [Fact]
    public void An_unreadable_spec_gives_its_parse_error_and_no_rule_runs()
    {
        var path = Write("bad/serverless.yml", "service: [\n");
        var result = Checker().Check(path);
        Assert.True(result.CouldNotLoad);
        Assert.Equal([DiagnosticIds.Parse], result.Result.Diagnostics.Select(d => d.Id).Distinct());
    }

    [SkippableFact]
    public void Corpus_EveryCaseIsCheckedWithoutInternalErrors_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var cases = SharedData.CorpusCases();
        var internals = new List<string>();
        var watch = Stopwatch.StartNew();
        var findings = 0;
        foreach (var dir in cases)
        {
            var caseInfo = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "case.json")))!;
            var config = caseInfo["config"]?.GetValue<string>() ?? "serverless.yml";
            var args = caseInfo["args"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [];
            var env = caseInfo["env"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [];
            var caseChecker = new SpecChecker(new SpecCheckOptions
            {
                AsOf = new DateOnly(2026, 11, 23),
                BaseDirectory = SharedData.Corpus!,
                Resolve = ResolveOptions.FromArguments(args, env),
            });
            var result = caseChecker.Check(Path.Combine(dir, config));
            findings += result.Result.Findings.Count;
            internals.AddRange(result.Result.Diagnostics.Where(d => d.Id == DiagnosticIds.Internal).Select(d => $"{Path.GetFileName(dir)}: {d.Message}"));
        }

        output.WriteLine($"{cases.Count} corpus specs checked in {watch.ElapsedMilliseconds} ms (one thread, first run), {findings} findings");
        Assert.True(cases.Count > 0);
        Assert.Empty(internals);
    }

    [SkippableFact]
    public void Corpus_RawSpecsInParallelWithoutInternalErrors_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var raw = Directory.GetFiles(Path.Combine(SharedData.Corpus!, "sls-examples-raw"), "serverless.y*ml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var checker = new SpecChecker(new SpecCheckOptions { AsOf = new DateOnly(2026, 11, 23), BaseDirectory = SharedData.Corpus! });
        var results = checker.CheckAll(raw);
        Assert.Equal(raw, results.Select(r => r.Path));
        Assert.Empty(results.SelectMany(r => r.Result.Diagnostics).Where(d => d.Id == DiagnosticIds.Internal).Select(d => d.Message));
    }
}
