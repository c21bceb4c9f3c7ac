using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Spec.Backends.Pulumi;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>
/// The generated Pulumi programs of every corpus case, checked with the real Pulumi Node SDK: tsc --strict, a run
/// under Pulumi's mocks compared with the plan, the Pulumi YAML check, and Roslyn for C#.
/// </summary>
public sealed class PulumiCorpusTests
{
    // Independent of the backend's mapping table: which AWS classic class each CloudFormation type must become.
    private static readonly Dictionary<string, string> ExpectedTokens = new(StringComparer.Ordinal)
    {
        ["AWS::Lambda::Function"] = "aws:lambda/function:Function",
        ["AWS::Lambda::Permission"] = "aws:lambda/permission:Permission",
        ["AWS::Lambda::EventSourceMapping"] = "aws:lambda/eventSourceMapping:EventSourceMapping",
        ["AWS::Logs::LogGroup"] = "aws:cloudwatch/logGroup:LogGroup",
        ["AWS::IAM::Role"] = "aws:iam/role:Role",
        ["AWS::S3::Bucket"] = "aws:s3/bucket:Bucket",
        ["AWS::S3::BucketPolicy"] = "aws:s3/bucketPolicy:BucketPolicy",
        ["AWS::SQS::Queue"] = "aws:sqs/queue:Queue",
        ["AWS::SNS::Topic"] = "aws:sns/topic:Topic",
        ["AWS::SNS::Subscription"] = "aws:sns/topicSubscription:TopicSubscription",
        ["AWS::DynamoDB::Table"] = "aws:dynamodb/table:Table",
        ["AWS::Events::Rule"] = "aws:cloudwatch/eventRule:EventRule",
        ["AWS::ApiGatewayV2::Api"] = "aws:apigatewayv2/api:Api",
        ["AWS::ApiGatewayV2::Integration"] = "aws:apigatewayv2/integration:Integration",
        ["AWS::ApiGatewayV2::Route"] = "aws:apigatewayv2/route:Route",
        ["AWS::ApiGatewayV2::Stage"] = "aws:apigatewayv2/stage:Stage",
        ["AWS::ApiGatewayV2::Authorizer"] = "aws:apigatewayv2/authorizer:Authorizer",
        ["AWS::ApiGatewayV2::Deployment"] = "aws:apigatewayv2/deployment:Deployment",
        ["AWS::Kinesis::Stream"] = "aws:kinesis/stream:Stream",
        ["AWS::ApiGateway::RestApi"] = "aws:apigateway/restApi:RestApi",
        ["AWS::ApiGateway::Resource"] = "aws:apigateway/resource:Resource",
        ["AWS::ApiGateway::Method"] = "aws:apigateway/method:Method",
        ["AWS::ApiGateway::Deployment"] = "aws:apigateway/deployment:Deployment",
        ["AWS::ApiGateway::Authorizer"] = "aws:apigateway/authorizer:Authorizer",
        ["AWS::ApiGateway::RequestValidator"] = "aws:apigateway/requestValidator:RequestValidator",
        ["AWS::ApiGateway::Model"] = "aws:apigateway/model:Model",
        ["AWS::ApiGateway::ApiKey"] = "aws:apigateway/apiKey:ApiKey",
        ["AWS::ApiGateway::UsagePlan"] = "aws:apigateway/usagePlan:UsagePlan",
        ["AWS::ApiGateway::UsagePlanKey"] = "aws:apigateway/usagePlanKey:UsagePlanKey",
        ["AWS::ApiGateway::GatewayResponse"] = "aws:apigateway/response:Response",
        ["AWS::IoT::TopicRule"] = "aws:iot/topicRule:TopicRule",
        ["Custom::S3"] = "aws:s3/bucketNotification:BucketNotification",
        ["AWS::EC2::VPC"] = "aws:ec2/vpc:Vpc",
        ["AWS::EC2::InternetGateway"] = "aws:ec2/internetGateway:InternetGateway",
        ["AWS::EC2::VPCGatewayAttachment"] = "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
        ["AWS::EC2::Subnet"] = "aws:ec2/subnet:Subnet",
        ["AWS::EC2::SecurityGroup"] = "aws:ec2/securityGroup:SecurityGroup",
        ["AWS::EC2::RouteTable"] = "aws:ec2/routeTable:RouteTable",
        ["AWS::EC2::Route"] = "aws:ec2/route:Route",
        ["AWS::EC2::SubnetRouteTableAssociation"] = "aws:ec2/routeTableAssociation:RouteTableAssociation",
    };

    // The settings of an AWS::S3::Bucket that AWS classic keeps in resources of their own: property, name suffix, token.
    private static readonly (string Property, string Suffix, string Token)[] BucketParts =
    [
        ("NotificationConfiguration", "Notification", "aws:s3/bucketNotification:BucketNotification"),
        ("CorsConfiguration", "CorsConfiguration", "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration"),
        ("WebsiteConfiguration", "WebsiteConfiguration", "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration"),
        ("OwnershipControls", "OwnershipControls", "aws:s3/bucketOwnershipControls:BucketOwnershipControls"),
        ("PublicAccessBlockConfiguration", "PublicAccessBlock", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"),
    ];

    private static PulumiCorpusRun Run()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        TestSkip.If(PulumiHarness.Missing, PulumiHarness.SkipReason);
        return PulumiCorpusRun.Get();
    }

    [SkippableFact]
    public void Corpus_TypeScriptProgramsPassTscStrict_RequiresShared()
    {
        var run = Run();
        Assert.True(run.Tsc.ExitCode == 0, $"tsc --strict over {run.Cases.Count} programs (in {run.WorkDirectory}):\n{Head(run.Tsc.Output)}");
    }

    [SkippableFact]
    public void Corpus_DryRunRegistersExactlyThePlannedResources_RequiresShared()
    {
        var run = Run();
        Assert.True(run.DryRun.ExitCode == 0, Head(run.DryRun.Output));
        var failures = new List<string>();
        foreach (var c in run.Cases)
        {
            var recorded = Resources(c.TsDump);
            var expected = new List<(string Type, string Name)>();
            JsonObject? leftoverTemplate = null;
            if (recorded.FirstOrDefault(r => r.Type == "aws:cloudformation/stack:Stack") is { Inputs: not null } stack)
            {
                leftoverTemplate = JsonNode.Parse((string)stack.Inputs["templateBody"]!)!.AsObject();
                expected.Add(("aws:cloudformation/stack:Stack", PulumiProgramBuilder.LeftoverStackName));
            }

            foreach (var r in c.Plan.Resources)
            {
                if (c.Program.Omitted.ContainsKey(r.LogicalId))
                {
                    Check(r.Type is "AWS::Lambda::Function" or "AWS::IAM::Role", $"{c.Name}: {r.LogicalId} ({r.Type}) left out, but only a custom resource provider may be");
                }
                else if (c.Program.Folded.TryGetValue(r.LogicalId, out var fn))
                {
                    Check(r.Type == "AWS::Lambda::Version", $"{c.Name}: {r.LogicalId} folded but is {r.Type}");
                    Check(Input(recorded, fn, "publish") == "true", $"{c.Name}: {fn} must publish versions");
                }
                else if (leftoverTemplate?["Resources"]?[r.LogicalId] is not null)
                {
                    Check(c.Program.Leftovers.Contains(r.LogicalId), $"{c.Name}: {r.LogicalId} in the stack but not reported");
                }
                else
                {
                    Check(ExpectedTokens.TryGetValue(r.Type, out var token), $"{c.Name}: {r.LogicalId} ({r.Type}) is neither mapped nor in the leftover stack");
                    if (token is null)
                    {
                        continue;
                    }

                    expected.Add((token, r.LogicalId));
                    var targets = r.Type == "AWS::Events::Rule" ? (r.Properties["Targets"] as JsonArray)?.Count ?? 0 : 0;
                    expected.AddRange(Enumerable.Range(1, targets).Select(i => ("aws:cloudwatch/eventTarget:EventTarget", $"{r.LogicalId}Target{i}")));
                    var subs = r.Type == "AWS::SNS::Topic" ? (r.Properties["Subscription"] as JsonArray)?.Count ?? 0 : 0;
                    expected.AddRange(Enumerable.Range(1, subs).Select(i => ("aws:sns/topicSubscription:TopicSubscription", $"{r.LogicalId}Subscription{i}")));
                    expected.AddRange(RestApiParts(r.Type, r.LogicalId, r.Properties));
                    expected.AddRange(S3Parts(r.Type, r.LogicalId, r.Properties));
                    KeyInputs(c.Name, r.Type, r.LogicalId, r.Properties, recorded);
                    NestedKeyInputs(c.Name, r.Type, r.LogicalId, r.Properties, recorded);
                    if (r.Type == "AWS::ApiGateway::Method" && r.Properties["Integration"] is JsonObject integration)
                    {
                        KeyInputs(c.Name, "Integration", r.LogicalId + "Integration", integration, recorded);
                        Check(Input(recorded, r.LogicalId + "Integration", "httpMethod") == r.Properties["HttpMethod"]?.ToString(),
                            $"{c.Name}: {r.LogicalId}Integration is not for the method's HTTP method");
                    }
                }
            }

            var got = recorded.Select(r => (r.Type, r.Name)).Order().ToList();
            var want = expected.Order().ToList();
            Check(got.SequenceEqual(want), $"{c.Name}: registered [{string.Join(", ", got.Except(want))}] not planned; planned [{string.Join(", ", want.Except(got))}] not registered");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                failures.Add(message);
            }
        }

        // inputs CloudFormation holds in nested properties: notification events and filters, topic rule SQL and actions
        void NestedKeyInputs(string name, string type, string id, JsonObject props, List<(string Type, string Name, JsonObject? Inputs)> recorded)
        {
            var inputs = recorded.FirstOrDefault(x => x.Name == id).Inputs;
            switch (type)
            {
                case "AWS::S3::Bucket" when props["NotificationConfiguration"] is JsonObject notification:
                {
                    var got = recorded.FirstOrDefault(x => x.Name == id + "Notification").Inputs;
                    foreach (var (cfn, pulumi) in new[] { ("LambdaConfigurations", "lambdaFunctions"), ("QueueConfigurations", "queues"), ("TopicConfigurations", "topics") })
                    {
                        var want = (notification[cfn] as JsonArray ?? []).Select(x => Filtered((string)x!["Event"]!,
                            x["Filter"]?["S3Key"]?["Rules"] as JsonArray ?? [], rule => ((string)rule!["Name"]!, (string)rule["Value"]!)));
                        Check(want.SequenceEqual(Notifications(got?[pulumi])), $"{name}: {id}Notification.{pulumi} is not the plan's {cfn}");
                    }

                    break;
                }

                case "Custom::S3":
                {
                    var want = (props["BucketConfigs"] as JsonArray ?? []).Select(x => Filtered((string)x!["Event"]!,
                        x["Rules"] as JsonArray ?? [], rule => (rule!.AsObject().First().Key, (string)rule.AsObject().First().Value!)));
                    Check(want.SequenceEqual(Notifications(inputs?["lambdaFunctions"])), $"{name}: {id}.lambdaFunctions are not the plan's BucketConfigs");
                    Check(inputs?["bucket"]?.ToString() == props["BucketName"]?.ToString(), $"{name}: {id}.bucket is not the plan's BucketName");
                    break;
                }

                case "AWS::IoT::TopicRule":
                {
                    var payload = props["TopicRulePayload"]!;
                    Check(inputs?["sql"]?.ToString() == payload["Sql"]?.ToString(), $"{name}: {id}.sql is {inputs?["sql"]}, the plan says {payload["Sql"]}");
                    Check(inputs?["enabled"]?.ToString() == (payload["RuleDisabled"]?.GetValue<bool>() != true ? "true" : "false"), $"{name}: {id}.enabled is not !RuleDisabled");
                    Check(inputs?["sqlVersion"]?.ToString() == (payload["AwsIotSqlVersion"]?.ToString() ?? "2015-10-08"), $"{name}: {id}.sqlVersion is {inputs?["sqlVersion"]}");
                    var lambdas = (payload["Actions"] as JsonArray ?? []).Count(a => a?["Lambda"] is not null);
                    Check((inputs?["lambdas"] as JsonArray)?.Count == (lambdas == 0 ? null : lambdas), $"{name}: {id} has not the plan's {lambdas} Lambda action(s)");
                    break;
                }
            }
        }

        static string Filtered(string @event, JsonArray rules, Func<JsonNode?, (string Name, string Value)> rule)
        {
            var filters = rules.Select(rule).Select(r => $"{r.Name.ToLowerInvariant()}={r.Value}").Order(StringComparer.Ordinal);
            return string.Join(" ", filters.Prepend(@event));
        }

        static IEnumerable<string> Notifications(JsonNode? entries) =>
            (entries as JsonArray ?? []).Select(e => string.Join(" ", new[] { ("prefix", "filterPrefix"), ("suffix", "filterSuffix") }
                .Where(f => e?[f.Item2] is not null).Select(f => $"{f.Item1}={e![f.Item2]}").Order(StringComparer.Ordinal)
                .Prepend(string.Join(",", (e?["events"] as JsonArray ?? []).Select(x => x!.ToString())))));

        void KeyInputs(string name, string type, string id, JsonObject props, List<(string Type, string Name, JsonObject? Inputs)> recorded)
        {
            var pairs = type switch
            {
                "AWS::Lambda::Function" => new[] { ("Timeout", "timeout"), ("MemorySize", "memorySize"), ("Runtime", "runtime"), ("Handler", "handler"), ("FunctionName", "name") },
                "AWS::SQS::Queue" => [("VisibilityTimeout", "visibilityTimeoutSeconds"), ("QueueName", "name")],
                "AWS::Lambda::EventSourceMapping" => [("BatchSize", "batchSize"), ("StartingPosition", "startingPosition")],
                "AWS::ApiGatewayV2::Route" => [("RouteKey", "routeKey")],
                "AWS::Events::Rule" => [("ScheduleExpression", "scheduleExpression"), ("State", "state")],
                "AWS::Logs::LogGroup" => [("LogGroupName", "name"), ("RetentionInDays", "retentionInDays")],
                "AWS::DynamoDB::Table" => [("TableName", "name"), ("BillingMode", "billingMode")],
                "AWS::ApiGateway::Method" => [("HttpMethod", "httpMethod"), ("AuthorizationType", "authorization"), ("ApiKeyRequired", "apiKeyRequired")],
                "AWS::ApiGateway::Resource" => [("PathPart", "pathPart")],
                "AWS::ApiGateway::RestApi" => [("Name", "name")],
                "AWS::ApiGateway::Authorizer" => [("Type", "type"), ("IdentitySource", "identitySource")],
                "AWS::EC2::VPC" or "AWS::EC2::Subnet" => [("CidrBlock", "cidrBlock")],
                "AWS::EC2::Route" => [("DestinationCidrBlock", "destinationCidrBlock")],
                "Integration" => [("Type", "type"), ("Uri", "uri"), ("IntegrationHttpMethod", "integrationHttpMethod")],
                _ => [],
            };
            foreach (var (cfn, pulumi) in pairs)
            {
                if (props[cfn] is JsonValue v)
                {
                    var want = v.ToJsonString().Trim('"');
                    if (cfn == "MemorySize" && want.EndsWith("MB", StringComparison.OrdinalIgnoreCase))
                    {
                        want = want[..^2].Trim(); // read as the number before the unit (with warning SPEC-PULUMI-003)
                    }

                    var got = Input(recorded, id, pulumi);
                    Check(got == want, $"{name}: {id}.{pulumi} is {got ?? "missing"}, the plan says {want}");
                }
            }
        }
    }

    /// <summary>
    /// The resources Pulumi classic needs besides the REST API method and deployment themselves: an integration, a
    /// method response and an integration response per status code, and the stage CloudFormation creates implicitly.
    /// </summary>
    private static IEnumerable<(string Type, string Name)> RestApiParts(string type, string id, JsonObject props)
    {
        if (type == "AWS::ApiGateway::Deployment" && props["StageName"] is not null)
        {
            yield return ("aws:apigateway/stage:Stage", id + "Stage");
        }

        if (type != "AWS::ApiGateway::Method")
        {
            yield break;
        }

        foreach (var response in (props["MethodResponses"] as JsonArray ?? []).OfType<JsonObject>())
        {
            yield return ("aws:apigateway/methodResponse:MethodResponse", $"{id}Response{response["StatusCode"]}");
        }

        if (props["Integration"] is JsonObject integration)
        {
            yield return ("aws:apigateway/integration:Integration", id + "Integration");
            foreach (var response in (integration["IntegrationResponses"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return ("aws:apigateway/integrationResponse:IntegrationResponse", $"{id}IntegrationResponse{response["StatusCode"]}");
            }
        }
    }

    /// <summary>
    /// The resources AWS classic needs besides an S3 bucket (one per setting it keeps outside the bucket), besides the
    /// bucket notification of a <c>Custom::S3</c> (the Lambda permission its custom resource adds) and besides a REST API
    /// stage (its method settings).
    /// </summary>
    private static IEnumerable<(string Type, string Name)> S3Parts(string type, string id, JsonObject props)
    {
        if (type == "AWS::S3::Bucket")
        {
            foreach (var (property, suffix, token) in BucketParts.Where(p => props[p.Property] is not null))
            {
                yield return (token, id + suffix);
            }
        }

        if (type == "Custom::S3")
        {
            yield return ("aws:lambda/permission:Permission", id + "Permission");
        }

        if (type == "AWS::ApiGateway::Deployment" && props["StageDescription"] is JsonObject description)
        {
            var stageWide = description.Select(kv => kv.Key).Intersect(
                ["CacheDataEncrypted", "CacheTtlInSeconds", "CachingEnabled", "DataTraceEnabled", "LoggingLevel", "MetricsEnabled", "ThrottlingBurstLimit", "ThrottlingRateLimit"]);
            if (stageWide.Any())
            {
                yield return ("aws:apigateway/methodSettings:MethodSettings", id + "StageMethodSettings");
            }

            for (var i = 1; i <= (description["MethodSettings"] as JsonArray)?.Count; i++)
            {
                yield return ("aws:apigateway/methodSettings:MethodSettings", $"{id}StageMethodSettings{i}");
            }
        }
    }

    [SkippableFact]
    public void Corpus_YamlProgramsCheckAndDeclareTheSameResources_RequiresShared()
    {
        var run = Run();
        Assert.True(run.Yaml2Ts.ExitCode == 0, Head(run.Yaml2Ts.Output));
        var failures = new List<string>();
        foreach (var c in run.Cases)
        {
            var ts = Resources(c.TsDump).Select(r => (r.Type, r.Name)).Order().ToList();
            var yaml = Resources(c.YamlDump).Select(r => (r.Type, r.Name)).Order().ToList();
            if (ts.Count == 0 || !ts.SequenceEqual(yaml))
            {
                failures.Add($"{c.Name}: TS {ts.Count} resources, YAML {yaml.Count}; differ on [{string.Join(", ", ts.Except(yaml).Concat(yaml.Except(ts)))}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [SkippableFact]
    public void Corpus_CSharpProgramsParseAndMatchTheTypeScriptResources_RequiresShared()
    {
        var run = Run();
        var failures = new List<string>();
        foreach (var c in run.Cases)
        {
            var tree = CSharpSyntaxTree.ParseText(c.CSharp, new CSharpParseOptions(LanguageVersion.Latest));
            foreach (var d in tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3))
            {
                failures.Add($"{c.Name}: {d}");
            }

            var declared = new List<(string Type, string Name, List<string> Properties)>();
            foreach (var creation in tree.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            {
                var type = creation.Type.ToString();
                if (!type.StartsWith("Aws.", StringComparison.Ordinal) || type.Contains(".Inputs.", StringComparison.Ordinal) ||
                    creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression is not LiteralExpressionSyntax name)
                {
                    continue;
                }

                var args = creation.ArgumentList.Arguments.ElementAtOrDefault(1)?.Expression as ImplicitObjectCreationExpressionSyntax;
                var props = args?.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().Select(a => a.Left.ToString()).ToList() ?? [];
                declared.Add((type, name.Token.ValueText, props));
            }

            foreach (var r in Resources(c.TsDump))
            {
                var parts = r.Type.Split(':');
                var cls = $"Aws.{parts[1].Split('/')[0]}.{parts[2]}";
                var match = declared.FirstOrDefault(d => d.Name == r.Name);
                if (match.Type is null || !string.Equals(match.Type, cls, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{c.Name}: {r.Name} is {match.Type ?? "missing"} in C#, {cls} in TypeScript");
                    continue;
                }

                var tsProps = r.Inputs?.Select(kv => char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..]).Order().ToList() ?? [];
                if (!tsProps.SequenceEqual(match.Properties.Order()))
                {
                    failures.Add($"{c.Name}: {r.Name} properties C# [{string.Join(",", match.Properties.Order())}] vs TS [{string.Join(",", tsProps)}]");
                }
            }

            if (declared.Count != Resources(c.TsDump).Count)
            {
                failures.Add($"{c.Name}: C# declares {declared.Count} resources, TypeScript registers {Resources(c.TsDump).Count}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    private static List<(string Type, string Name, JsonObject? Inputs)> Resources(JsonObject? dump) =>
        dump?["resources"] is JsonArray a
            ? [.. a.OfType<JsonObject>().Select(r => ((string)r["type"]!, (string)r["name"]!, r["inputs"] as JsonObject))]
            : [];

    private static string? Input(List<(string Type, string Name, JsonObject? Inputs)> recorded, string name, string input) =>
        recorded.FirstOrDefault(r => r.Name == name).Inputs?[input] is JsonNode n ? n.ToJsonString().Trim('"') : null;

    private static string Head(string s) => s.Length > 6000 ? s[..6000] + "…" : s;
}
