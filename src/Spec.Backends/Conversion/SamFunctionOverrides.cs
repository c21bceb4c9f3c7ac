using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Syntax;
using static Spec.Backends.Conversion.SamJson;

namespace Spec.Backends.Conversion;

/// <summary>
/// <c>resources:</c> entries (and <c>resources.extensions</c>) that override a function: the Framework deep-merges them
/// into its <c>AWS::Lambda::Function</c>, so their properties are Lambda's. Merged as written into the
/// <c>AWS::Serverless::Function</c>, their type would turn it into a Lambda function that keeps SAM's properties (no
/// <c>Code</c>, an <c>Events</c> CloudFormation rejects, the routes and streams lost). They are translated into the SAM
/// function's properties instead, and what SAM has no property for is left out with a warning.
/// </summary>
internal static class SamFunctionOverrides
{
    /// <summary>Lambda properties SAM's function has under the same name and shape.</summary>
    private static readonly HashSet<string> Same = new(StringComparer.Ordinal)
    {
        "Architectures", "CodeSigningConfigArn", "Description", "Environment", "EphemeralStorage", "FileSystemConfigs",
        "FunctionName", "Handler", "ImageConfig", "KmsKeyArn", "Layers", "LoggingConfig", "MemorySize", "PackageType",
        "RecursiveLoop", "ReservedConcurrentExecutions", "Role", "Runtime", "RuntimeManagementConfig", "SnapStart",
        "Timeout", "VpcConfig",
    };

    /// <summary>True when <paramref name="value"/> overrides the function the SAM template has at that id: it names no
    /// type, or the Lambda function's.</summary>
    public static bool Overrides(JsonObject? existing, JsonObject value) =>
        existing?["Type"]?.GetValue<string>() == "AWS::Serverless::Function" &&
        PlanJson.AsString(value["Type"]) is null or "AWS::Lambda::Function";

    /// <summary>The override as a SAM function's: its type dropped, its properties translated.</summary>
    public static JsonObject Translate(SamContext ctx, Node at, string logicalId, JsonObject value)
    {
        var translated = new JsonObject();
        foreach (var (key, member) in value)
        {
            if (key == "Type")
            {
                continue;
            }

            translated[key] = key == "Properties" && member is JsonObject properties
                ? Properties(ctx, at, logicalId, properties)
                : member?.DeepClone();
        }

        return translated;
    }

    private static JsonObject Properties(SamContext ctx, Node at, string logicalId, JsonObject lambda)
    {
        var sam = new JsonObject();
        foreach (var (key, value) in lambda)
        {
            if (Same.Contains(key))
            {
                sam[key] = value?.DeepClone();
            }
            else if (Translated(key, value) is { } property)
            {
                sam[property.Key] = property.Value;
            }
            else
            {
                ctx.LeftOut(at, $"'{key}' of the function '{logicalId}' has no AWS::Serverless::Function property: left out");
            }
        }

        return sam;
    }

    private static (string Key, JsonNode Value)? Translated(string key, JsonNode? value) => (key, value) switch
    {
        ("TracingConfig", JsonObject { Count: 1 } o) when o["Mode"] is { } mode => ("Tracing", mode.DeepClone()),
        ("Tags", JsonArray tags) when tags.All(t => PlanJson.AsString(t?["Key"]) is not null) =>
            ("Tags", new JsonObject(tags.Select(t => KeyValuePair.Create(PlanJson.AsString(t!["Key"])!, t["Value"]?.DeepClone())))),
        ("Code", JsonObject code) when code["ZipFile"] is { } inline && code.Count == 1 => ("InlineCode", inline.DeepClone()),
        ("Code", JsonObject code) when code["ImageUri"] is { } image && code.Count == 1 => ("ImageUri", image.DeepClone()),
        ("Code", JsonObject code) when code["S3Bucket"] is { } bucket && code["S3Key"] is { } s3Key => ("CodeUri", Props(
            ("Bucket", bucket.DeepClone()), ("Key", s3Key.DeepClone()), ("Version", code["S3ObjectVersion"]?.DeepClone()))),
        ("DeadLetterConfig", JsonObject { Count: 1 } o) when QueueType(o["TargetArn"]) is { } type => ("DeadLetterQueue", Props(
            ("Type", type), ("TargetArn", o["TargetArn"]!.DeepClone()))),
        _ => null,
    };

    /// <summary>SAM's dead-letter type of a literal SQS or SNS ARN; null when the ARN does not say.</summary>
    private static string? QueueType(JsonNode? arn) => PlanJson.AsString(arn)?.Split(':') switch
    {
        [_, _, "sqs", ..] => "SQS",
        [_, _, "sns", ..] => "SNS",
        _ => null,
    };
}
