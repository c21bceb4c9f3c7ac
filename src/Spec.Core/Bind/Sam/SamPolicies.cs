using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// A function's <c>Policies</c> as statements and managed policies of the service's one role (the Framework generates
/// one role for all functions): policy documents as they are, managed policy names as ARNs, and the SAM policy
/// templates people use most expanded to the statements SAM's table gives them. Other templates are left out with a
/// warning naming them.
/// </summary>
internal static class SamPolicies
{
    private static readonly HashSet<string> ServiceRolePolicies = new(StringComparer.Ordinal)
    {
        "AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole", "AWSLambdaKinesisExecutionRole",
        "AWSLambdaDynamoDBExecutionRole", "AWSLambdaSQSQueueExecutionRole", "AWSLambdaMSKExecutionRole",
    };

    private delegate IEnumerable<(string[] Actions, string[] Resources)> Template(Func<string, string> parameter);

    /// <summary>SAM policy templates (samtranslator's policy_templates.json) with the statements they stand for.</summary>
    private static readonly Dictionary<string, (string[] Parameters, Template Statements)> Templates = new(StringComparer.Ordinal)
    {
        ["SQSPollerPolicy"] = (["QueueName"], p => [(["sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch",
            "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
            [$"arn:${{AWS::Partition}}:sqs:${{AWS::Region}}:${{AWS::AccountId}}:{p("QueueName")}"])]),
        ["SQSSendMessagePolicy"] = (["QueueName"], p => [(["sqs:SendMessage*"],
            [$"arn:${{AWS::Partition}}:sqs:${{AWS::Region}}:${{AWS::AccountId}}:{p("QueueName")}"])]),
        ["SNSPublishMessagePolicy"] = (["TopicName"], p => [(["sns:Publish"],
            [$"arn:${{AWS::Partition}}:sns:${{AWS::Region}}:${{AWS::AccountId}}:{p("TopicName")}"])]),
        ["DynamoDBCrudPolicy"] = (["TableName"], p => [(["dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem",
            "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
            "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"], TableResources(p("TableName")))]),
        ["DynamoDBReadPolicy"] = (["TableName"], p => [(["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
            "dynamodb:BatchGetItem", "dynamodb:DescribeTable"], TableResources(p("TableName")))]),
        ["DynamoDBWritePolicy"] = (["TableName"], p => [(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"],
            TableResources(p("TableName")))]),
        ["S3ReadPolicy"] = (["BucketName"], p => [(["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation",
            "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"], BucketResources(p("BucketName")))]),
        ["S3WritePolicy"] = (["BucketName"], p => [(["s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"],
            BucketResources(p("BucketName")))]),
        ["S3CrudPolicy"] = (["BucketName"], p => [(["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation",
            "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration",
            "s3:PutLifecycleConfiguration", "s3:DeleteObject"], BucketResources(p("BucketName")))]),
        ["LambdaInvokePolicy"] = (["FunctionName"], p => [(["lambda:InvokeFunction"],
            [$"arn:${{AWS::Partition}}:lambda:${{AWS::Region}}:${{AWS::AccountId}}:function:{p("FunctionName")}*"])]),
        ["EventBridgePutEventsPolicy"] = (["EventBusName"], p => [(["events:PutEvents"],
            [$"arn:${{AWS::Partition}}:events:${{AWS::Region}}:${{AWS::AccountId}}:event-bus/{p("EventBusName")}"])]),
        ["KinesisStreamReadPolicy"] = (["StreamName"], p => [(["kinesis:ListStreams", "kinesis:DescribeLimits"],
            [$"arn:${{AWS::Partition}}:kinesis:${{AWS::Region}}:${{AWS::AccountId}}:stream/*"]),
            (["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator"],
            [$"arn:${{AWS::Partition}}:kinesis:${{AWS::Region}}:${{AWS::AccountId}}:stream/{p("StreamName")}"])]),
        ["AWSSecretsManagerGetSecretValuePolicy"] = (["SecretArn"], p => [(["secretsmanager:GetSecretValue"], [p("SecretArn")])]),
    };

    private static string[] TableResources(string table) =>
    [
        $"arn:${{AWS::Partition}}:dynamodb:${{AWS::Region}}:${{AWS::AccountId}}:table/{table}",
        $"arn:${{AWS::Partition}}:dynamodb:${{AWS::Region}}:${{AWS::AccountId}}:table/{table}/index/*",
    ];

    private static string[] BucketResources(string bucket) =>
        [$"arn:${{AWS::Partition}}:s3:::{bucket}", $"arn:${{AWS::Partition}}:s3:::{bucket}/*"];

    public static void Read(SamReadContext ctx, MappingEntry policies)
    {
        foreach (var policy in SamNodes.Items(policies.Value))
        {
            switch (policy)
            {
                case ScalarNode { IsNull: false } name:
                    ctx.ManagedPolicies.Add(name.Text.StartsWith("arn:", StringComparison.Ordinal)
                        ? name
                        : Sub($"arn:${{AWS::Partition}}:iam::aws:policy/{(ServiceRolePolicies.Contains(name.Text) ? "service-role/" : "")}{name.Text}", name.Span));
                    break;
                case MappingNode document when document["Statement"] is { } statements:
                    ctx.RoleStatements.AddRange(SamNodes.Items(statements));
                    break;
                case MappingNode { Entries: [var template] } when Templates.TryGetValue(template.Key.Text, out var known):
                    Expand(ctx, template, known.Parameters, known.Statements);
                    break;
                case MappingNode { Entries: [var template] } when template.Key.Text.Length > 0 && !template.Key.Text.StartsWith("Fn::", StringComparison.Ordinal):
                    ctx.LeftOut(template.Key, $"the SAM policy template '{template.Key.Text}' has no serverless.yml form: " +
                        "write its statements under provider.iam.role.statements");
                    break;
                default:
                    ctx.ManagedPolicies.Add(policy);
                    break;
            }
        }

        if (SamNodes.Items(policies.Value).Count > 0)
        {
            ctx.Comment(policies.Key, "Policies of the functions, on the service's one role");
        }
    }

    private static void Expand(SamReadContext ctx, MappingEntry template, string[] parameters, Template statements)
    {
        var values = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var name in parameters)
        {
            if ((template.Value as MappingNode)?[name] is not { } value)
            {
                ctx.LeftOut(template.Key, $"the policy template '{template.Key.Text}' misses its parameter '{name}': left out");
                return;
            }

            values[name] = value;
        }

        // Each parameter becomes a ${name} of a Fn::Sub with the parameter's own value as its variable, as SAM expands it.
        foreach (var (actions, resources) in statements(name => "${" + name + "}"))
        {
            var span = template.Key.Span;
            var variables = new MappingNode(span, [.. values.Select(v => new MappingEntry(SamNodes.Key(v.Key, span), v.Value))]);
            var resourceNodes = resources.Select(r => r == "${SecretArn}" ? values["SecretArn"]
                : (Node)new MappingNode(span, [new MappingEntry(SamNodes.Key("Fn::Sub", span),
                    SamNodes.List(span, [SamNodes.Text(r, span), variables]))]));
            ctx.RoleStatements.Add(new SamMapping(span)
                .Add("Effect", span, SamNodes.Text("Allow", span))
                .Add("Action", span, SamNodes.List(span, actions.Select(a => SamNodes.Text(a, span))))
                .Add("Resource", span, SamNodes.List(span, resourceNodes)).Build());
        }
    }

    private static MappingNode Sub(string text, SourceSpan span) =>
        new(span, [new MappingEntry(SamNodes.Key("Fn::Sub", span), SamNodes.Text(text, span))]);
}
