using System.Text.Json.Nodes;

namespace Spec.Backends.Pulumi;

/// <summary>
/// <c>AWS::IoT::TopicRule</c> (the Framework's <c>iot</c> event) as <c>aws:iot:TopicRule</c>. CloudFormation nests the
/// rule in <c>TopicRulePayload</c> with a list of one-key actions; AWS classic has the rule's fields at the top and one
/// list per action kind (<c>lambdas</c>, <c>sqs</c>, …), and an <c>enabled</c> flag where CloudFormation has
/// <c>RuleDisabled</c>.
/// </summary>
internal static partial class ResourceMappings
{
    /// <summary>The IoT SQL version AWS IoT uses when a rule names none; Pulumi requires the input.</summary>
    private const string DefaultIotSqlVersion = "2015-10-08";

    /// <summary>Action kinds: CloudFormation key, classic list input, classic error-action input, nested type suffix, fields.</summary>
    private static readonly (string Cfn, string List, string Single, string Type, string ErrorType, PropertyMap[] Props)[] IotActions =
    [
        ("Lambda", "lambdas", "lambda", "Lambda", "Lambda", [S("FunctionArn", "functionArn")]),
        ("Sns", "sns", "sns", "Sns", "Sns", [S("TargetArn", "targetArn"), S("RoleArn", "roleArn"), S("MessageFormat", "messageFormat")]),
        ("Sqs", "sqs", "sqs", "Sqs", "Sqs", [S("QueueUrl", "queueUrl"), S("RoleArn", "roleArn"), B("UseBase64", "useBase64")]),
        ("Kinesis", "kineses", "kinesis", "Kinesis", "Kinesis", [S("StreamName", "streamName"), S("RoleArn", "roleArn"), S("PartitionKey", "partitionKey")]),
        ("Firehose", "firehoses", "firehose", "Firehose", "Firehose",
            [S("DeliveryStreamName", "deliveryStreamName"), S("RoleArn", "roleArn"), S("Separator", "separator"), B("BatchMode", "batchMode")]),
        ("Republish", "republishes", "republish", "Republish", "Republish", [S("Topic", "topic"), S("RoleArn", "roleArn"), I("Qos", "qos")]),
        ("StepFunctions", "stepFunctions", "stepFunctions", "StepFunction", "StepFunctions",
            [S("StateMachineName", "stateMachineName"), S("RoleArn", "roleArn"), S("ExecutionNamePrefix", "executionNamePrefix")]),
        ("CloudwatchLogs", "cloudwatchLogs", "cloudwatchLogs", "CloudwatchLog", "CloudwatchLogs",
            [S("LogGroupName", "logGroupName"), S("RoleArn", "roleArn"), B("BatchMode", "batchMode")]),
        ("S3", "s3", "s3", "S3", "S3", [S("BucketName", "bucketName"), S("Key", "key"), S("RoleArn", "roleArn"), S("CannedAcl", "cannedAcl")]),
    ];

    private static IEnumerable<ResourceMap> IotMappings()
    {
        yield return new("AWS::IoT::TopicRule", new("iot", "TopicRule"),
            [S("RuleName", "name"), Tags(), new("TopicRulePayload", TopicRulePayload)], "name", A("Arn", "arn"));
    }

    private static IEnumerable<KeyValuePair<string, PulumiValue>>? TopicRulePayload(ValueConverter c, JsonNode? value)
    {
        if (value is not JsonObject payload || ValueConverter.IsIntrinsic(payload))
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, PulumiValue>>();
        var lists = new SortedDictionary<string, List<PulumiValue>>(StringComparer.Ordinal);
        foreach (var (key, v) in payload)
        {
            switch (key)
            {
                case "Sql" when c.Str(v) is { } sql:
                    entries.Add(new("sql", sql));
                    break;
                case "AwsIotSqlVersion" when c.Str(v) is { } version:
                    entries.Add(new("sqlVersion", version));
                    break;
                case "Description" when c.Str(v) is { } description:
                    entries.Add(new("description", description));
                    break;
                case "RuleDisabled" when c.Bool(v) is PulumiLiteral { Kind: PulumiLiteralKind.Bool } disabled:
                    entries.Add(new("enabled", PulumiLiteral.Bool(disabled.Raw != "true")));
                    break;
                case "ErrorAction" when IotAction(c, v, error: true) is { } error:
                    entries.Add(new("errorAction", new PulumiObject([new(error.Input, error.Value)], "iot.TopicRuleErrorAction")));
                    break;
                case "Actions" when v is JsonArray actions:
                    foreach (var action in actions)
                    {
                        if (IotAction(c, action, error: false) is not { } a)
                        {
                            return null;
                        }

                        if (!lists.TryGetValue(a.Input, out var list))
                        {
                            lists[a.Input] = list = [];
                        }

                        list.Add(a.Value);
                    }

                    break;
                default:
                    return null;
            }
        }

        if (!entries.Exists(e => e.Key == "sql"))
        {
            return null;
        }

        if (!entries.Exists(e => e.Key == "sqlVersion"))
        {
            entries.Add(new("sqlVersion", PulumiLiteral.String(DefaultIotSqlVersion)));
        }

        if (!entries.Exists(e => e.Key == "enabled"))
        {
            entries.Add(new("enabled", PulumiLiteral.Bool(true))); // RuleDisabled defaults to false
        }

        entries.AddRange(lists.Select(l => new KeyValuePair<string, PulumiValue>(l.Key, new PulumiList(l.Value))));
        return entries;
    }

    /// <summary>One CloudFormation action (<c>{ "Lambda": { … } }</c>) as the classic input it belongs to and its value.</summary>
    private static (string Input, PulumiValue Value)? IotAction(ValueConverter c, JsonNode? node, bool error)
    {
        if (node is not JsonObject { Count: 1 } o || ValueConverter.IsIntrinsic(o))
        {
            return null;
        }

        var (key, value) = o.First();
        foreach (var (cfn, list, single, type, errorType, props) in IotActions)
        {
            if (cfn != key || value is not JsonObject fields || Entries(c, fields, props) is not { } entries)
            {
                continue;
            }

            if (cfn == "Sqs" && !entries.Exists(e => e.Key == "useBase64"))
            {
                entries.Add(new("useBase64", PulumiLiteral.Bool(false))); // optional in CloudFormation (default false), required in classic
            }

            return error
                ? (single, new PulumiObject(entries, "iot.TopicRuleErrorAction" + errorType))
                : (list, new PulumiObject(entries, "iot.TopicRule" + type));
        }

        return null;
    }
}
