using System.Text.Json.Nodes;

namespace Spec.Backends.Pulumi;

/// <summary>
/// S3: the bucket settings AWS classic (@pulumi/aws 7) keeps in resources of their own (notifications, CORS, website,
/// ownership controls, public access block), and the Framework's <c>Custom::S3</c> (an <c>s3</c> event on an existing
/// bucket) as a bucket notification.
/// </summary>
internal static partial class ResourceMappings
{
    // a property, not a field: ByCfnType (in another part of this class) is built first and reads it
    private static HashSet<string> BucketCompanionProperties => new(StringComparer.Ordinal)
    {
        "NotificationConfiguration", "CorsConfiguration", "WebsiteConfiguration", "OwnershipControls", "PublicAccessBlockConfiguration",
    };

    private static IEnumerable<ResourceMap> S3Mappings()
    {
        // The Framework's custom resource adds one Lambda permission and the function's notifications to a bucket it
        // does not own; Pulumi: an aws:lambda:Permission companion and the bucket notification under the logical id.
        yield return new("Custom::S3", new("s3", "BucketNotification"), [], "id", A())
        {
            Inputs = ExistingBucketNotificationInputs,
            Companions = ExistingBucketPermission,
            WaitsForCompanions = true,
            CompanionsWaitForDependsOn = true, // the permission names the function: it waits for it
        };
    }

    /// <summary>
    /// Cross-resource limits of the S3 mappings: one <c>aws:s3:BucketNotification</c> holds a bucket's whole
    /// configuration, so several <c>Custom::S3</c> on one bucket (functions of the service sharing an existing bucket,
    /// which the Framework's custom resource merges) would overwrite each other.
    /// </summary>
    internal static IEnumerable<KeyValuePair<string, string>> SharedExistingBuckets(IReadOnlyList<KeyValuePair<string, JsonObject>> resources) =>
        resources
            .Where(r => ValueConverter.PlanText(r.Value["Type"]) == "Custom::S3")
            .GroupBy(r => r.Value["Properties"]?["BucketName"]?.ToJsonString() ?? string.Empty, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(r => new KeyValuePair<string, string>(r.Key,
                "several Custom::S3 resources configure the same existing bucket; one aws:s3:BucketNotification per bucket would overwrite the others")));

    /// <summary>The companions of an <c>AWS::S3::Bucket</c> for the settings AWS classic keeps outside the bucket.</summary>
    private static IReadOnlyList<PulumiResource>? BucketCompanions(ValueConverter c, string logicalId, JsonObject properties)
    {
        var result = new List<PulumiResource>();
        var bucket = new PulumiAttribute(logicalId, "bucket");
        if (properties["NotificationConfiguration"] is { } notification)
        {
            if (Notification(c, notification, bucket, logicalId) is not { } resource)
            {
                return null;
            }

            result.Add(resource);
        }

        foreach (var (cfn, suffix, type, convert) in BucketSettings)
        {
            if (properties[cfn] is not { } value)
            {
                continue;
            }

            if (value is not JsonObject o || ValueConverter.IsIntrinsic(o) || convert(c, o) is not { } entries)
            {
                return null;
            }

            var resource = new PulumiResource(logicalId + suffix, new("s3", type), logicalId) { PartOfSource = true };
            resource.Properties.Add(new("bucket", bucket));
            resource.Properties.AddRange(entries);
            result.Add(resource);
        }

        return result;
    }

    private static readonly (string Cfn, string Suffix, string Type, Func<ValueConverter, JsonObject, List<KeyValuePair<string, PulumiValue>>?> Convert)[] BucketSettings =
    [
        ("CorsConfiguration", "CorsConfiguration", "BucketCorsConfiguration", (c, o) => Entries(c, o,
        [
            NL("CorsRules", "corsRules", "s3.BucketCorsConfigurationCorsRule",
                L("AllowedHeaders", "allowedHeaders"), L("AllowedMethods", "allowedMethods"), L("AllowedOrigins", "allowedOrigins"),
                L("ExposedHeaders", "exposeHeaders"), S("Id", "id"), I("MaxAge", "maxAgeSeconds")),
        ])),
        ("WebsiteConfiguration", "WebsiteConfiguration", "BucketWebsiteConfiguration", (c, o) => Entries(c, o,
        [
            P("IndexDocument", "indexDocument", (c, v) => c.Str(v) is { } suffix
                ? new PulumiObject([new("suffix", suffix)], "s3.BucketWebsiteConfigurationIndexDocument")
                : null),
            P("ErrorDocument", "errorDocument", (c, v) => c.Str(v) is { } key
                ? new PulumiObject([new("key", key)], "s3.BucketWebsiteConfigurationErrorDocument")
                : null),
            N("RedirectAllRequestsTo", "redirectAllRequestsTo", "s3.BucketWebsiteConfigurationRedirectAllRequestsTo",
                S("HostName", "hostName"), S("Protocol", "protocol")),
            NL("RoutingRules", "routingRules", "s3.BucketWebsiteConfigurationRoutingRule",
                N("RedirectRule", "redirect", "s3.BucketWebsiteConfigurationRoutingRuleRedirect", S("HostName", "hostName"),
                    S("HttpRedirectCode", "httpRedirectCode"), S("Protocol", "protocol"), S("ReplaceKeyPrefixWith", "replaceKeyPrefixWith"),
                    S("ReplaceKeyWith", "replaceKeyWith")),
                N("RoutingRuleCondition", "condition", "s3.BucketWebsiteConfigurationRoutingRuleCondition",
                    S("HttpErrorCodeReturnedEquals", "httpErrorCodeReturnedEquals"), S("KeyPrefixEquals", "keyPrefixEquals"))),
        ])),
        ("OwnershipControls", "OwnershipControls", "BucketOwnershipControls", (c, o) => Entries(c, o,
        [
            P("Rules", "rule", (c, v) => v is JsonArray { Count: 1 } rules // AWS accepts exactly one rule
                ? Nested(c, rules[0], "s3.BucketOwnershipControlsRule", [S("ObjectOwnership", "objectOwnership")])
                : null),
        ])),
        ("PublicAccessBlockConfiguration", "PublicAccessBlock", "BucketPublicAccessBlock", (c, o) => Entries(c, o,
        [
            B("BlockPublicAcls", "blockPublicAcls"), B("BlockPublicPolicy", "blockPublicPolicy"), B("IgnorePublicAcls", "ignorePublicAcls"),
            B("RestrictPublicBuckets", "restrictPublicBuckets"),
        ])),
    ];

    /// <summary>
    /// <c>NotificationConfiguration</c> as an <c>aws:s3:BucketNotification</c> named <c>&lt;Bucket&gt;Notification</c>:
    /// one entry per CloudFormation configuration (its one event; an <c>S3Key</c> filter's prefix and suffix rules).
    /// </summary>
    private static PulumiResource? Notification(ValueConverter c, JsonNode notification, PulumiValue bucket, string logicalId)
    {
        if (notification is not JsonObject o || ValueConverter.IsIntrinsic(o))
        {
            return null;
        }

        var resource = new PulumiResource(logicalId + "Notification", new("s3", "BucketNotification"), logicalId);
        resource.Properties.Add(new("bucket", bucket));
        foreach (var (key, value) in o)
        {
            var (input, target, targetInput, argsType) = key switch
            {
                "LambdaConfigurations" => ("lambdaFunctions", "Function", "lambdaFunctionArn", "s3.BucketNotificationLambdaFunction"),
                "QueueConfigurations" => ("queues", "Queue", "queueArn", "s3.BucketNotificationQueue"),
                "TopicConfigurations" => ("topics", "Topic", "topicArn", "s3.BucketNotificationTopic"),
                _ => (null, null, null, null),
            };
            if (key == "EventBridgeConfiguration" && value is JsonObject { Count: 1 } eventBridge &&
                c.Bool(eventBridge["EventBridgeEnabled"]) is { } enabled)
            {
                resource.Properties.Add(new("eventbridge", enabled));
                continue;
            }

            if (input is null || value is not JsonArray configurations ||
                c.List(configurations, x => NotificationEntry(c, x, target!, targetInput!, argsType!)) is not { } list)
            {
                return null;
            }

            resource.Properties.Add(new(input, list));
        }

        return resource;
    }

    private static PulumiValue? NotificationEntry(ValueConverter c, JsonNode? node, string target, string targetInput, string argsType)
    {
        if (node is not JsonObject o || ValueConverter.IsIntrinsic(o) || c.Str(o["Event"]) is not { } @event || c.Str(o[target]) is not { } arn)
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, PulumiValue>> { new("events", new PulumiList([@event])), new(targetInput, arn) };
        foreach (var (key, value) in o)
        {
            if (key == "Filter" && S3KeyFilter(c, value) is { } filter)
            {
                entries.AddRange(filter);
            }
            else if (key != "Event" && key != target)
            {
                return null;
            }
        }

        return new PulumiObject(entries, argsType);
    }

    /// <summary><c>Filter.S3Key.Rules</c> (at most one prefix and one suffix rule) as <c>filterPrefix</c>/<c>filterSuffix</c>.</summary>
    private static List<KeyValuePair<string, PulumiValue>>? S3KeyFilter(ValueConverter c, JsonNode? filter)
    {
        if (filter is not JsonObject { Count: 1 } f || f["S3Key"] is not JsonObject { Count: 1 } s3Key || s3Key["Rules"] is not JsonArray rules)
        {
            return null;
        }

        var result = new List<KeyValuePair<string, PulumiValue>>();
        foreach (var rule in rules)
        {
            if (rule is not JsonObject { Count: 2 } r || ValueConverter.PlanText(r["Name"])?.ToLowerInvariant() is not ("prefix" or "suffix") ||
                c.Str(r["Value"]) is not { } value)
            {
                return null;
            }

            var input = ValueConverter.PlanText(r["Name"])!.Equals("prefix", StringComparison.OrdinalIgnoreCase) ? "filterPrefix" : "filterSuffix";
            if (result.Exists(e => e.Key == input))
            {
                return null;
            }

            result.Add(new(input, value));
        }

        return result;
    }

    /// <summary>
    /// <c>Custom::S3</c>: the bucket notification the Framework's custom resource would merge into the existing bucket's
    /// configuration: one Lambda entry per <c>BucketConfigs</c> item, for the function ARN the custom resource computes.
    /// </summary>
    private static List<KeyValuePair<string, PulumiValue>>? ExistingBucketNotificationInputs(ValueConverter c, JsonObject properties)
    {
        if (properties.Any(p => p.Key is not ("ServiceToken" or "FunctionName" or "BucketName" or "BucketConfigs")) ||
            c.Str(properties["BucketName"]) is not { } bucket || FunctionArn(c, properties["FunctionName"]) is not { } arn ||
            properties["BucketConfigs"] is not JsonArray configs)
        {
            return null;
        }

        var entries = new List<PulumiValue>();
        foreach (var config in configs)
        {
            if (config is not JsonObject o || o.Any(p => p.Key is not ("Event" or "Rules")) || c.Str(o["Event"]) is not { } @event)
            {
                return null;
            }

            var entry = new List<KeyValuePair<string, PulumiValue>> { new("events", new PulumiList([@event])), new("lambdaFunctionArn", arn) };
            JsonArray? rules = o["Rules"] switch
            {
                null => [],
                JsonArray a => a,
                _ => null,
            };
            if (rules is null)
            {
                return null;
            }

            foreach (var rule in rules)
            {
                // { Prefix: "x" } or { Suffix: "y" }, keys compared as the custom resource does (lowercased)
                if (rule is not JsonObject { Count: 1 } r || r.First().Key.ToLowerInvariant() is not ("prefix" or "suffix") ||
                    c.Str(r.First().Value) is not { } value)
                {
                    return null;
                }

                var input = r.First().Key.Equals("prefix", StringComparison.OrdinalIgnoreCase) ? "filterPrefix" : "filterSuffix";
                if (entry.Exists(e => e.Key == input))
                {
                    return null;
                }

                entry.Add(new(input, value));
            }

            entries.Add(new PulumiObject(entry, "s3.BucketNotificationLambdaFunction"));
        }

        c.Note(
            "Custom::S3 (an s3 event on an existing bucket) becomes an aws:s3:BucketNotification: Pulumi then owns the bucket's WHOLE " +
            "notification configuration and replaces notifications set outside this program, where the Framework's custom resource " +
            "merges this function's notifications into the existing configuration",
            "keep every notification of that bucket in this program, or deploy it with the CloudFormation target");
        return [new("bucket", bucket), new("lambdaFunctions", new PulumiList(entries))];
    }

    /// <summary>The Lambda permission the Framework's custom resource adds for the bucket (<c>&lt;Id&gt;Permission</c>).</summary>
    private static IReadOnlyList<PulumiResource>? ExistingBucketPermission(ValueConverter c, string logicalId, JsonObject properties)
    {
        if (c.Str(properties["FunctionName"]) is not { } function ||
            c.Str(Join("arn:", new JsonObject { ["Ref"] = "AWS::Partition" }, ":s3:::", properties["BucketName"]?.DeepClone())) is not { } sourceArn ||
            c.Str(new JsonObject { ["Ref"] = "AWS::AccountId" }) is not { } account)
        {
            return null;
        }

        var permission = new PulumiResource(logicalId + "Permission", new("lambda", "Permission"), logicalId);
        permission.Properties.Add(new("action", PulumiLiteral.String("lambda:InvokeFunction")));
        permission.Properties.Add(new("function", function));
        permission.Properties.Add(new("principal", PulumiLiteral.String("s3.amazonaws.com")));
        permission.Properties.Add(new("sourceArn", sourceArn));
        permission.Properties.Add(new("sourceAccount", account));
        return [permission];
    }

    private static PulumiValue? FunctionArn(ValueConverter c, JsonNode? functionName) =>
        functionName is null
            ? null
            : c.Str(Join("arn:", new JsonObject { ["Ref"] = "AWS::Partition" }, ":lambda:", new JsonObject { ["Ref"] = "AWS::Region" }, ":",
                new JsonObject { ["Ref"] = "AWS::AccountId" }, ":function:", functionName.DeepClone()));

    private static JsonObject Join(params JsonNode?[] parts) => new() { ["Fn::Join"] = new JsonArray("", new JsonArray(parts)) };
}
