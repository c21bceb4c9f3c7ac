using Spec.Core.Model;
using Spec.Core.Schema;
using Spec.Rules.Engine;
using Spec.Tests.Schema;

namespace Spec.Tests.Rules.Engine;

/// <summary>The limits of a serverless.yml key are the key catalogue's range and default: written once, read by the
/// schema, the binder's catalogue and the rules.</summary>
public class LimitCatalogueTests
{
    private static readonly string LimitsJson =
        File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Spec.Rules", "Data", "limits.json"));

    [Fact]
    public void ALimitNamingACatalogueKey_FollowsTheCatalogue()
    {
        var catalog = KeyCatalog.Serverless
            .WithChanged("functions.*.events.stream.batchSize", p => p with { Shape = p.Shape with { Number = new NumberFacet(true, 1, 500) } })
            .WithChanged("functions.*.events.sqs.batchSize", p => p with { Default = 7L });
        var limits = LimitTable.Parse(LimitsJson, catalog);

        Assert.Equal((1L, 500L), (limits["stream.batchSize"].Min, limits["stream.batchSize"].Max));
        Assert.Equal(7, limits["sqs.batchSize"].Default);
        Assert.Equal((1L, 10L, 7L), (limits["sqs.fifoBatchSize"].Min, limits["sqs.fifoBatchSize"].Max, limits["sqs.fifoBatchSize"].Default));
        Assert.Equal(10000, LimitTable.Parse(LimitsJson)["stream.batchSize"].Max);
    }

    [Fact]
    public void ALimitsOwnValues_WinOverTheCatalogue()
    {
        var recordAge = RuleData.Default.Limits["stream.maximumRecordAgeInSeconds"];
        var catalogue = KeyCatalog.Serverless.Find("functions.*.events.stream.maximumRecordAgeInSeconds")!.Shape.Number!;
        Assert.Equal((-1L, 604800L), (catalogue.Minimum, catalogue.Maximum));
        Assert.Equal((60L, 604800L, -1L), (recordAge.Min, recordAge.Max, recordAge.Default));
    }

    [Fact]
    public void ALimitNamingAKeyTheCatalogueLacks_IsADataError()
    {
        const string json = """
            {"source": "test", "snapshot": "2026-01-01", "limits": [
              {"key": "x.y", "catalogue": "functions.*.nope", "unit": null, "source": "test"}]}
            """;
        var e = Assert.Throws<InvalidOperationException>(() => LimitTable.Parse(json));
        Assert.Contains("functions.*.nope", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The AWS defaults of a queue's attributes are the model's (<see cref="Defaults"/>): limits.json reads
    /// them from there, and writing one again is refused, so a second copy cannot drift.</summary>
    [Fact]
    public void AQueueAttributesDefault_IsTheModels_AndIsNotWrittenTwice()
    {
        var limits = RuleData.Default.Limits;
        Assert.Equal(Defaults.SqsVisibilityTimeout, limits["sqs.visibilityTimeout"].Default);
        Assert.Equal(Defaults.SqsMessageRetentionPeriod, limits["sqs.messageRetentionPeriod"].Default);
        Assert.Equal(Defaults.SqsMaximumMessageSize, limits["sqs.maximumMessageSize"].Default);

        const string json = """
            {"source": "test", "snapshot": "2026-01-01", "limits": [
              {"key": "sqs.visibilityTimeout", "min": 0, "max": 43200, "default": 30, "unit": "seconds", "source": "test"}]}
            """;
        var e = Assert.Throws<InvalidOperationException>(() => LimitTable.Parse(json));
        Assert.Contains("sqs.visibilityTimeout", e.Message, StringComparison.Ordinal);
    }
}
