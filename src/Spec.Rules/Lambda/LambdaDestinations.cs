using System.Globalization;
using System.Text.Json;
using Spec.Rules.Engine;

namespace Spec.Rules.Lambda;

/// <summary>One kind of resource Lambda accepts as a destination, by its ARN's service (<c>sqs</c>, <c>s3</c>, …).</summary>
/// <param name="Since">When AWS added this kind after the feature itself (S3 for asynchronous failures); null otherwise.</param>
public sealed record DestinationKind(string Service, string Name, DateOnly? Since);

/// <summary>
/// What AWS Lambda accepts as a destination (<c>src/Spec.Rules/Data/lambda-destinations.json</c>, dated and sourced):
/// for asynchronous invocations on success and on failure, and for the records an event source mapping discards.
/// </summary>
public sealed class LambdaDestinations
{
    private static readonly Lazy<LambdaDestinations> Embedded = new(() => Parse(RuleData.ReadResource("lambda-destinations.json")));

    private LambdaDestinations(IReadOnlyList<DestinationKind> onSuccess, IReadOnlyList<DestinationKind> onFailure,
        IReadOnlyList<DestinationKind> mappingOnFailure)
    {
        AsyncOnSuccess = onSuccess;
        AsyncOnFailure = onFailure;
        MappingOnFailure = mappingOnFailure;
    }

    public static LambdaDestinations Default => Embedded.Value;

    /// <summary>Destinations of a successful asynchronous invocation.</summary>
    public IReadOnlyList<DestinationKind> AsyncOnSuccess { get; }

    /// <summary>Destinations of an asynchronous invocation that failed every attempt or expired.</summary>
    public IReadOnlyList<DestinationKind> AsyncOnFailure { get; }

    /// <summary>Destinations of the records a Kinesis, DynamoDB or Kafka event source mapping discards.</summary>
    public IReadOnlyList<DestinationKind> MappingOnFailure { get; }

    /// <summary>The asynchronous destinations for <c>onSuccess</c> or <c>onFailure</c>.</summary>
    public IReadOnlyList<DestinationKind> Async(string which) => which == "onSuccess" ? AsyncOnSuccess : AsyncOnFailure;

    /// <summary>"an SQS queue, an SNS topic or an S3 bucket".</summary>
    public static string Describe(IEnumerable<DestinationKind> kinds)
    {
        var names = kinds.Select(k => (k.Name[0] is 'A' or 'E' or 'I' or 'O' or 'U' or 'S' ? "an " : "a ") + k.Name).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " or " + names[^1];
    }

    internal static LambdaDestinations Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var asynchronous = root.GetProperty("asynchronous");
        return new LambdaDestinations(Kinds(asynchronous.GetProperty("onSuccess")), Kinds(asynchronous.GetProperty("onFailure")),
            Kinds(root.GetProperty("eventSourceMapping").GetProperty("onFailure")));
    }

    private static List<DestinationKind> Kinds(JsonElement list) =>
    [
        .. list.EnumerateArray().Select(k => new DestinationKind(
            k.GetProperty("service").GetString()!,
            k.GetProperty("name").GetString()!,
            k.TryGetProperty("since", out var since)
                ? DateOnly.ParseExact(since.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null)),
    ];
}
