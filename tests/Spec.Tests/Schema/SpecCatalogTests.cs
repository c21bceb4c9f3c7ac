using Spec.Core.Model;
using Spec.Core.Schema;
using Spec.Core.Schema.Catalog;

namespace Spec.Tests.Schema;

public sealed class SpecCatalogTests
{
    [Fact]
    public void EventTypes_AreTheModelsTwentyTwoEventKinds()
    {
        var modelKinds = Enum.GetValues<EventKind>().Select(FunctionEvent.KeyName).Order(StringComparer.Ordinal);
        Assert.Equal(22, SpecCatalog.EventTypes.Count);
        Assert.Equal(modelKinds, SpecCatalog.EventTypes.Order(StringComparer.Ordinal));
    }

    /// <summary>The ranges of reference/rules.md §4.2 and §5 (the Framework's schema and the AWS quotas).</summary>
    [Theory]
    [InlineData("provider", "timeout", 1, 900)]
    [InlineData("functions.*", "timeout", 1, 900)]
    [InlineData("provider", "memorySize", 128, 10240)]
    [InlineData("functions.*", "memorySize", 128, 10240)]
    [InlineData("functions.*", "ephemeralStorageSize", 512, 10240)]
    [InlineData("functions.*", "maximumRetryAttempts", 0, 2)]
    [InlineData("functions.*", "maximumEventAge", 60, 21600)]
    [InlineData("functions.*", "reservedConcurrency", 0, null)]
    [InlineData("functions.*", "provisionedConcurrency", 0, null)]
    [InlineData("functions.*.events[].sqs", "batchSize", 1, 10000)]
    [InlineData("functions.*.events[].sqs", "maximumBatchingWindow", 0, 300)]
    [InlineData("functions.*.events[].sqs", "maximumConcurrency", 2, 1000)]
    [InlineData("functions.*.events[].stream", "batchSize", 1, 10000)]
    [InlineData("functions.*.events[].stream", "parallelizationFactor", 1, 10)]
    [InlineData("functions.*.events[].stream", "batchWindow", 0, 300)]
    [InlineData("functions.*.events[].stream", "maximumRetryAttempts", -1, 10000)]
    [InlineData("functions.*.events[].stream", "maximumRecordAgeInSeconds", -1, 604800)]
    [InlineData("functions.*.events[].stream", "tumblingWindowInSeconds", 0, 900)]
    [InlineData("functions.*.events[].eventBridge.retryPolicy", "maximumEventAge", 60, 86400)]
    [InlineData("functions.*.events[].eventBridge.retryPolicy", "maximumRetryAttempts", 0, 185)]
    [InlineData("functions.*.events[].http.authorizer", "resultTtlInSeconds", 0, 3600)]
    [InlineData("provider.httpApi.authorizers.*", "resultTtlInSeconds", 0, 3600)]
    [InlineData("functions.*.events[].alb.healthCheck", "timeoutSeconds", 2, 120)]
    public void Range_MatchesTheRules(string path, string key, int min, int? max)
    {
        var number = ShapeAt(path).Object!.Find(key)!.Shape.Number!;
        Assert.Equal((long?)min, number.Minimum);
        Assert.Equal((long?)max, number.Maximum);
    }

    [Fact]
    public void KeysAt_GivesTheBinderTheKnownKeys()
    {
        Assert.Contains("timeout", SpecCatalog.KeysAt("functions.*")!);
        Assert.Contains("iam", SpecCatalog.KeysAt("provider")!);
        Assert.Contains("functionResponseType", SpecCatalog.KeysAt("functions.*.events[].sqs")!);
        Assert.Equal(SpecCatalog.EventTypes, SpecCatalog.KeysAt("functions.*.events[]"));
        Assert.Null(SpecCatalog.KeysAt("custom.anything"));
        Assert.Null(SpecCatalog.KeysAt("functions"));
    }

    [Fact]
    public void EveryProperty_IsDocumentedWithALink()
    {
        var missing = All(SpecCatalog.Root).Where(p => string.IsNullOrWhiteSpace(p.Summary) || p.Docs is null)
            .Select(p => p.Name).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Generator_WritesAtomicallyAndIdentically()
    {
        var path = Path.Combine(Path.GetTempPath(), "spec-schema-" + Guid.NewGuid().ToString("N"), "s.json");
        SchemaGenerator.WriteTo(path);
        Assert.Equal(SchemaGenerator.Generate(), File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    private static Shape ShapeAt(string path)
    {
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

        return shape;
    }

    private static IEnumerable<SpecProperty> All(SpecProperty p)
    {
        yield return p;
        foreach (var child in Children(p.Shape).SelectMany(All))
        {
            yield return child;
        }
    }

    private static IEnumerable<SpecProperty> Children(Shape s)
    {
        if (s.Object is { } o)
        {
            foreach (var c in o.Properties)
            {
                yield return c;
            }

            if (o.Values is not null)
            {
                foreach (var c in Children(o.Values))
                {
                    yield return c;
                }
            }
        }

        if (s.Items is not null)
        {
            foreach (var c in Children(s.Items))
            {
                yield return c;
            }
        }
    }
}
