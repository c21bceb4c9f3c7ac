using System.Text.Json;
using Spec.Core.Schema;
using Spec.Core.Schema.Catalog;

namespace Spec.Tests.Schema;

/// <summary>
/// The schema's ranges and runtime enum agree with the rules' data files (<c>src/Spec.Rules/Data/limits.json</c> and
/// <c>lambda-runtimes.json</c>).
/// </summary>
public sealed class RuleLimitsAgreementTests
{
    /// <summary>limits.json key → catalog object path and key.</summary>
    private static readonly (string Limit, string Path, string Key)[] Pairs =
    [
        ("lambda.timeout", "provider", "timeout"),
        ("lambda.timeout", "functions.*", "timeout"),
        ("lambda.memorySize", "provider", "memorySize"),
        ("lambda.memorySize", "functions.*", "memorySize"),
        ("lambda.ephemeralStorageSize", "functions.*", "ephemeralStorageSize"),
        ("lambda.asyncMaximumRetryAttempts", "functions.*", "maximumRetryAttempts"),
        ("lambda.asyncMaximumEventAge", "functions.*", "maximumEventAge"),
        ("sqs.batchSize", "functions.*.events[].sqs", "batchSize"),
        ("sqs.maximumBatchingWindow", "functions.*.events[].sqs", "maximumBatchingWindow"),
        ("sqs.maximumConcurrency", "functions.*.events[].sqs", "maximumConcurrency"),
        ("stream.batchSize", "functions.*.events[].stream", "batchSize"),
        ("stream.parallelizationFactor", "functions.*.events[].stream", "parallelizationFactor"),
        ("stream.batchWindow", "functions.*.events[].stream", "batchWindow"),
        ("stream.maximumRetryAttempts", "functions.*.events[].stream", "maximumRetryAttempts"),
        ("stream.tumblingWindowInSeconds", "functions.*.events[].stream", "tumblingWindowInSeconds"),
        ("apiGateway.authorizerResultTtl", "functions.*.events[].http.authorizer", "resultTtlInSeconds"),
        ("apiGateway.authorizerResultTtl", "provider.httpApi.authorizers.*", "resultTtlInSeconds"),
        ("events.retryMaximumEventAge", "functions.*.events[].eventBridge.retryPolicy", "maximumEventAge"),
        ("events.retryMaximumRetryAttempts", "functions.*.events[].eventBridge.retryPolicy", "maximumRetryAttempts"),
        ("alb.healthCheckTimeout", "functions.*.events[].alb.healthCheck", "timeoutSeconds"),
    ];

    [Fact]
    public void SchemaRanges_EqualTheRulesLimits()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "limits.json")));
        var limits = json.RootElement.GetProperty("limits").EnumerateArray()
            .ToDictionary(l => l.GetProperty("key").GetString()!, l => (Min: Number(l, "min"), Max: Number(l, "max")));
        var mismatches = new List<string>();
        foreach (var (limit, path, key) in Pairs)
        {
            var number = ShapeOf(path, key).Number!;
            var (min, max) = limits[limit];
            if (number.Minimum != min || number.Maximum != max)
            {
                mismatches.Add($"{path}.{key}: schema {number.Minimum}..{number.Maximum}, rules {limit} {min}..{max}");
            }
        }

        Assert.Empty(mismatches);
    }

    /// <summary>The stream record age is "-1 or 60-604800"; the schema keeps -1 as its minimum, the rules 60.</summary>
    [Fact]
    public void StreamRecordAge_SharesTheMaximum()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "limits.json")));
        var limit = json.RootElement.GetProperty("limits").EnumerateArray()
            .Single(l => l.GetProperty("key").GetString() == "stream.maximumRecordAgeInSeconds");
        var number = ShapeOf("functions.*.events[].stream", "maximumRecordAgeInSeconds").Number!;
        Assert.Equal(Number(limit, "max"), number.Maximum);
        Assert.Equal(-1, number.Minimum);
    }

    [Fact]
    public void RuntimeEnum_EqualsTheRulesRuntimeTable()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "lambda-runtimes.json")));
        var rules = json.RootElement.GetProperty("runtimes").EnumerateArray()
            .Select(r => r.GetProperty("identifier").GetString()!).Order(StringComparer.Ordinal);
        var schema = SpecCatalog.Provider.Object!.Find("runtime")!.Shape.Enum!.Cast<string>().Order(StringComparer.Ordinal);
        Assert.Equal(rules, schema);
    }

    private static string DataFolder => Path.Combine(RepoPaths.Root, "src", "Spec.Rules", "Data");

    private static long? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetInt64() : null;

    private static Shape ShapeOf(string path, string key)
    {
        var keys = SpecCatalog.KeysAt(path);
        Assert.NotNull(keys);
        var shape = SpecCatalog.Root.Shape;
        foreach (var raw in path.Split('.'))
        {
            var segment = raw.TrimEnd('[', ']');
            shape = segment == "*" ? shape.Object!.Values! : shape.Object!.Find(segment)!.Shape;
            if (raw.EndsWith("[]", StringComparison.Ordinal))
            {
                shape = shape.Items!;
            }
        }

        return shape.Object!.Find(key)!.Shape;
    }
}
