using System.Text.Json;
using Spec.Core.Schema;
using Spec.Core.Schema.Catalog;

namespace Spec.Tests.Schema;

/// <summary>
/// The schema's ranges and runtime enum agree with the rules' data files (<c>src/Spec.Rules/Data/limits.json</c> and
/// <c>lambda-runtimes.json</c>). Those files come from the rules branch; until it is merged the tests skip
/// (<c>SPEC_RULES_DATA</c> may point at a folder holding them).
/// </summary>
public sealed class RuleLimitsAgreementTests
{
    private const string SkipReason = "src/Spec.Rules/Data/limits.json is not in this checkout (it arrives with the rules branch)";

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

    [SkippableFact]
    public void SchemaRanges_EqualTheRulesLimits()
    {
        var data = DataFolder();
        Skip.If(data is null, SkipReason);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "limits.json")));
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
    [SkippableFact]
    public void StreamRecordAge_SharesTheMaximum()
    {
        var data = DataFolder();
        Skip.If(data is null, SkipReason);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "limits.json")));
        var limit = json.RootElement.GetProperty("limits").EnumerateArray()
            .Single(l => l.GetProperty("key").GetString() == "stream.maximumRecordAgeInSeconds");
        var number = ShapeOf("functions.*.events[].stream", "maximumRecordAgeInSeconds").Number!;
        Assert.Equal(Number(limit, "max"), number.Maximum);
        Assert.Equal(-1, number.Minimum);
    }

    [SkippableFact]
    public void RuntimeEnum_EqualsTheRulesRuntimeTable()
    {
        var data = DataFolder();
        Skip.If(data is null, SkipReason);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "lambda-runtimes.json")));
        var rules = json.RootElement.GetProperty("runtimes").EnumerateArray()
            .Select(r => r.GetProperty("identifier").GetString()!).Order(StringComparer.Ordinal);
        var schema = SpecCatalog.Provider.Object!.Find("runtime")!.Shape.Enum!.Cast<string>().Order(StringComparer.Ordinal);
        Assert.Equal(rules, schema);
    }

    private static string? DataFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SPEC_RULES_DATA");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "limits.json")))
        {
            return fromEnv;
        }

        var inRepo = Path.Combine(RepoPaths.Root, "src", "Spec.Rules", "Data");
        return File.Exists(Path.Combine(inRepo, "limits.json")) ? inRepo : null;
    }

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
