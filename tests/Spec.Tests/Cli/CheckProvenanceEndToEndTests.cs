using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spec.Tests.Cli;

/// <summary>
/// <c>spec check</c> puts a finding where the user edits the value: an assembled value at the key that assembles
/// it with the variables' definitions as related locations, a whole value at its definition with the use related.
/// </summary>
public sealed partial class CheckProvenanceEndToEndTests
{
    // SLS-SQS-003 fires on both queues: their names end with .fifo but FifoQueue is not set.
    private const string QueueSpec = """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x
        custom:
          prefix: ${self:service}-${opt:stage, 'dev'}
          dlqName: ${self:custom.prefix}-dlq.fifo
        functions:
          worker:
            handler: handler.worker
        resources:
          Resources:
            Orders:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: ${self:custom.prefix}-orders.fifo
            Dlq:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: ${self:custom.dlqName}

        """;

    private static CliRun Check(TempDir dir, params string[] args) =>
        CliRunner.InProcess(dir.Path, ["check", "--as-of", "2026-11-23", .. args]);

    private static string Finding(CliRun run, string queue) =>
        Ansi().Replace(run.Out, string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")
            .Single(block => block.Contains("SLS-SQS-003", StringComparison.Ordinal)
                && block.Contains($"queue '{queue}'", StringComparison.Ordinal));

    [Fact]
    public void Text_AssembledValueAtTheAssemblingKey_WholeValueAtItsDefinition()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", QueueSpec);

        var run = Check(dir);

        var orders = Finding(run, "Orders");
        Assert.Contains("serverless.yml:16:20", PrimaryLine(orders), StringComparison.Ordinal);
        Assert.Contains("note: ${self:custom.prefix} takes its value from here", orders, StringComparison.Ordinal);
        Assert.Contains("serverless.yml:6:11", orders, StringComparison.Ordinal);
        Assert.DoesNotContain("serverless.yml:7:", orders, StringComparison.Ordinal);

        var dlq = Finding(run, "Dlq");
        Assert.Contains("serverless.yml:7:12", PrimaryLine(dlq), StringComparison.Ordinal);
        Assert.Contains("note: the value is used here", dlq, StringComparison.Ordinal);
        Assert.Contains("serverless.yml:20:20", dlq, StringComparison.Ordinal);
        Assert.Contains("serverless.yml:6:11", dlq, StringComparison.Ordinal);
    }

    private static string PrimaryLine(string finding) =>
        finding.Split('\n').First(l => l.Contains("-->", StringComparison.Ordinal));

    [Fact]
    public void Sarif_CarriesThePrimaryAndRelatedLocations()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", QueueSpec);

        var run = Check(dir, "--format", "sarif");

        using var json = JsonDocument.Parse(run.Out);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "SLS-SQS-003")
            .ToDictionary(r => Start(r.GetProperty("locations")[0]));
        Assert.Equal([(7, 12), (16, 20)], results.Keys.Order());

        var assembled = Related(results[(16, 20)]);
        Assert.Equal([((6, 11), "${self:custom.prefix} takes its value from here")], assembled);

        var whole = Related(results[(7, 12)]);
        Assert.Equal(
            [((20, 20), "the value is used here"), ((6, 11), "${self:custom.prefix} takes its value from here")],
            whole);
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();

    private static (int Line, int Column) Start(JsonElement location)
    {
        var region = location.GetProperty("physicalLocation").GetProperty("region");
        return (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32());
    }

    private static List<((int, int), string)> Related(JsonElement result) =>
        [.. result.GetProperty("relatedLocations").EnumerateArray()
            .Select(r => (Start(r), r.GetProperty("message").GetProperty("text").GetString()!))];
}
