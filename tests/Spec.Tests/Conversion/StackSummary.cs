using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spec.Tests.Conversion;

/// <summary>
/// What a CloudFormation template deploys for its functions, in terms two templates made differently (Spec's own, and
/// SAM's transform of the converted template) can be compared by: each function's settings (handler, runtime, memory,
/// timeout, environment, layers, architecture) and the triggers (event source mappings, invoke permissions, API
/// routes, schedules and rules, subscriptions, bucket notifications, user pool triggers, IoT rules, log subscriptions).
/// Functions are named by their logical id (the SAM conversion keeps the Framework's); generated names of other
/// resources (SAM adds hashes and its own suffixes) never appear in the summary.
/// </summary>
internal sealed partial class StackSummary
{
    private readonly JsonObject _resources;

    private StackSummary(JsonObject template, string region)
    {
        _resources = DeployedValues(template, region);
        foreach (var (id, resource) in _resources)
        {
            if (Type(resource) == "AWS::Lambda::Function")
            {
                Functions[id] = FunctionSettings(resource!["Properties"] as JsonObject ?? []);
            }
        }

        foreach (var (id, resource) in _resources)
        {
            Triggers(id, resource as JsonObject ?? []);
        }
    }

    /// <summary>Each function's settings as one canonical line.</summary>
    public SortedDictionary<string, string> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>The triggers, each as one canonical line naming its function.</summary>
    public SortedSet<string> TriggerSet { get; } = new(StringComparer.Ordinal);

    /// <summary>The summary of what <paramref name="template"/> deploys with its parameters' defaults in
    /// <paramref name="region"/>: a SAM template refers to the stage the spec leaves open as a parameter and to the
    /// region as <c>AWS::Region</c> where Spec's own template has their values.</summary>
    public static StackSummary Of(JsonObject template, string region = "us-east-1") => new(template, region);

    /// <summary>The template's resources with <c>Ref</c>s of a parameter with a default and of <c>AWS::Region</c> (also as
    /// <c>${…}</c> in a <c>Fn::Sub</c> string) replaced by their values.</summary>
    private static JsonObject DeployedValues(JsonObject template, string region)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS::Region"] = region };
        foreach (var (name, parameter) in template["Parameters"] as JsonObject ?? [])
        {
            if (parameter?["Default"] is JsonValue d && d.GetValueKind() is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number)
            {
                values[name] = d.ToString();
            }
        }

        return Substitute(template["Resources"]?.DeepClone(), values) as JsonObject ?? [];
    }

    private static JsonNode? Substitute(JsonNode? node, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject { Count: 1 } o when o["Ref"] is JsonValue r && values.TryGetValue(r.ToString(), out var value):
                return value;
            case JsonObject { Count: 1 } o when o["Fn::Sub"] is JsonValue text:
                var substituted = SubVariable().Replace(text.ToString(), m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
                return substituted.Replace("${!", "", StringComparison.Ordinal).Contains("${", StringComparison.Ordinal)
                    ? new JsonObject { ["Fn::Sub"] = substituted }
                    : substituted.Replace("${!", "${", StringComparison.Ordinal);
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    o[k] = Substitute(v?.DeepClone(), values);
                }

                return o;
            case JsonArray a:
                return new JsonArray([.. a.Select(i => Substitute(i?.DeepClone(), values))]);
            default:
                return node;
        }
    }

    /// <summary>What differs between <paramref name="expected"/> and this summary, one line each; empty when equivalent.</summary>
    public List<string> Differences(StackSummary expected)
    {
        var diffs = new List<string>();
        foreach (var (id, settings) in expected.Functions)
        {
            if (!Functions.TryGetValue(id, out var ours))
            {
                diffs.Add($"function {id}: missing");
            }
            else if (ours != settings)
            {
                diffs.Add($"function {id}: {settings} ≠ {ours}");
            }
        }

        diffs.AddRange(Functions.Keys.Where(k => !expected.Functions.ContainsKey(k)).Select(k => $"function {k}: extra"));
        diffs.AddRange(expected.TriggerSet.Except(TriggerSet).Select(t => "missing trigger " + t));
        diffs.AddRange(TriggerSet.Except(expected.TriggerSet).Select(t => "extra trigger " + t));
        return diffs;
    }

    private static string? Type(JsonNode? resource) => resource?["Type"]?.GetValue<string>();

    private string FunctionSettings(JsonObject p)
    {
        var layers = p["Layers"] is JsonArray list ? string.Join(",", list.Select(Value)) : "";
        return string.Join(" | ",
            "handler=" + Value(p["Handler"]),
            "runtime=" + Value(p["Runtime"]),
            "memory=" + Value(p["MemorySize"] ?? 128),
            "timeout=" + Value(p["Timeout"] ?? 3),
            "arch=" + (p["Architectures"] is JsonArray { Count: > 0 } a ? Value(a[0]) : Value(JsonValue.Create("x86_64"))),
            "env=" + Canonical(p["Environment"]?["Variables"] ?? new JsonObject()),
            "layers=" + layers);
    }

    /// <summary>A value with references to functions and layers named by what they are, not by generated ids.</summary>
    private string Value(JsonNode? node) => node is null ? "" : Canonical(Normalize(node.DeepClone()));

    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => JsonValue.Create(m.Key).ToJsonString() + ":" + Canonical(m.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(s).ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>Refs and GetAtts of a layer version become <c>layer:NAME</c>; of a function, <c>function:ID</c>.</summary>
    private JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when FunctionOf(o) is { } fn:
                return "function:" + fn;
            case JsonObject o when o.Count == 1 && o["Ref"]?.GetValue<string>() is { } id
                                   && Type(_resources[id]) == "AWS::Lambda::LayerVersion":
                return "layer:" + Value(_resources[id]!["Properties"]?["LayerName"]);
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    o[k] = Normalize(v?.DeepClone());
                }

                return o;
            case JsonArray a:
                return new JsonArray([.. a.Select(i => Normalize(i?.DeepClone()))]);
            default:
                return node;
        }
    }

    /// <summary>The function a Ref/GetAtt/Join/Sub names (its logical id, or its deployed name); an alias is the function
    /// with its name (<c>ID:provisioned</c>), whether named by its resource (SAM's AutoPublishAlias) or by the
    /// function's ARN and the alias name joined (the Framework's).</summary>
    private string? FunctionOf(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when o["Ref"]?.GetValue<string>() is { } id && Functions.ContainsKey(id):
                return id;
            case JsonObject o when o["Ref"]?.GetValue<string>() is { } id && _resources[id] is { } alias && Type(alias) == "AWS::Lambda::Alias"
                                   && FunctionOf(alias["Properties"]?["FunctionName"]) is { } aliased:
                return aliased + ":" + Value(alias["Properties"]?["Name"]).Trim('"');
            case JsonObject o when o["Fn::Join"] is JsonArray { Count: 2 } join && join[0]?.ToString() == ":"
                                   && join[1] is JsonArray { Count: 2 } parts && parts[1] is JsonValue qualifier
                                   && qualifier.TryGetValue<string>(out var name) && FunctionOf(parts[0]) is { } joined:
                return joined + ":" + name;
            case JsonObject o when o["Fn::GetAtt"] is JsonArray { Count: > 0 } g && g[0]?.GetValue<string>() is { } id && Functions.ContainsKey(id):
                return id;
            case JsonObject o when o["Fn::GetAtt"] is JsonValue g && g.GetValue<string>().Split('.')[0] is var id && Functions.ContainsKey(id):
                return id;
            case JsonObject o when o["Fn::Sub"] is { } sub:
                var text = sub is JsonArray sa ? sa[0]?.GetValue<string>() : sub.GetValue<string>();
                return Functions.Keys.FirstOrDefault(k => text?.Contains("${" + k + ".Arn}", StringComparison.Ordinal) == true || text?.Contains("${" + k + "}", StringComparison.Ordinal) == true);
            case JsonObject o:
                return o.Select(m => FunctionOf(m.Value)).FirstOrDefault(f => f is not null);
            case JsonArray a:
                return a.Select(FunctionOf).FirstOrDefault(f => f is not null);
            case JsonValue v when v.TryGetValue<string>(out var s):
                return Functions.Keys.FirstOrDefault(k => s == k || FunctionName(k) == s);
            default:
                return null;
        }
    }

    private string? FunctionName(string id) => _resources[id]?["Properties"]?["FunctionName"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private void Add(string kind, string? function, params string[] parts)
    {
        if (function is not null)
        {
            TriggerSet.Add($"{kind} {function} " + string.Join(" ", parts));
        }
    }

    private void Triggers(string id, JsonObject resource)
    {
        var p = resource["Properties"] as JsonObject ?? [];
        switch (Type(resource))
        {
            case "AWS::Lambda::EventSourceMapping":
                Add("mapping", FunctionOf(p["FunctionName"]), Value(p["EventSourceArn"] ?? p["SelfManagedEventSource"]),
                    "topics=" + Value(p["Topics"]), "queues=" + Value(p["Queues"]), "batch=" + Value(p["BatchSize"]),
                    "start=" + Value(p["StartingPosition"]));
                break;
            case "AWS::Lambda::Permission":
                Add("permission", FunctionOf(p["FunctionName"]), Value(p["Principal"]), Value(p["EventSourceToken"]));
                break;
            case "AWS::ApiGateway::Method" when Value(p["HttpMethod"]) != "\"OPTIONS\"":
                Add("route", FunctionOf(p["Integration"]), Value(p["HttpMethod"]).Trim('"'), RestPath(p["ResourceId"]));
                break;
            case "AWS::ApiGateway::RestApi" when Paths(p) is { } paths:
                foreach (var (path, methods) in paths)
                {
                    foreach (var (method, operation) in methods as JsonObject ?? [])
                    {
                        if (method != "options")
                        {
                            Add("route", FunctionOf(operation?["x-amazon-apigateway-integration"]?["uri"]), HttpMethod(method), path);
                        }
                    }
                }

                break;
            case "AWS::ApiGatewayV2::Api" when Paths(p) is { } paths:
                foreach (var (path, methods) in paths)
                {
                    foreach (var (method, operation) in methods as JsonObject ?? [])
                    {
                        if (method != "options")
                        {
                            Add("route", FunctionOf(operation?["x-amazon-apigateway-integration"]?["uri"]),
                                path == "$default" ? "$default" : HttpMethod(method) + " " + path);
                        }
                    }
                }

                break;
            case "AWS::ApiGatewayV2::Route":
                var target = p["Target"] is { } t ? Value(t) : "";
                var integration = _resources.FirstOrDefault(r => Type(r.Value) == "AWS::ApiGatewayV2::Integration" && target.Contains(r.Key, StringComparison.Ordinal));
                var routeKey = Value(p["RouteKey"]).Trim('"');
                Add("route", FunctionOf(integration.Value?["Properties"]?["IntegrationUri"]), routeKey == "ANY /{proxy+}" ? routeKey : routeKey);
                break;
            case "AWS::Events::Rule":
                foreach (var target2 in p["Targets"] as JsonArray ?? [])
                {
                    Add("rule", FunctionOf(target2?["Arn"]), Value(p["ScheduleExpression"] ?? p["EventPattern"]), "state=" + Value(p["State"] ?? "ENABLED"));
                }

                break;
            case "AWS::Scheduler::Schedule":
                Add("rule", FunctionOf(p["Target"]?["Arn"]), Value(p["ScheduleExpression"]), "state=" + Value(p["State"] ?? "ENABLED"));
                break;
            case "AWS::SNS::Subscription":
                Add("subscription", FunctionOf(p["Endpoint"]), TopicOf(p["TopicArn"]));
                break;
            case "AWS::SNS::Topic":
                foreach (var s in p["Subscription"] as JsonArray ?? [])
                {
                    Add("subscription", FunctionOf(s?["Endpoint"]), "topic:" + id);
                }

                break;
            case "AWS::S3::Bucket":
                foreach (var c in p["NotificationConfiguration"]?["LambdaConfigurations"] as JsonArray ?? [])
                {
                    Add("notification", FunctionOf(c?["Function"]), id, Value(c?["Event"]), Value(c?["Filter"]));
                }

                break;
            case "AWS::Cognito::UserPool":
                foreach (var (trigger, fn) in p["LambdaConfig"] as JsonObject ?? [])
                {
                    Add("userpool", FunctionOf(fn), id, trigger);
                }

                break;
            case "AWS::IoT::TopicRule":
                foreach (var action in p["TopicRulePayload"]?["Actions"] as JsonArray ?? [])
                {
                    Add("iot", FunctionOf(action?["Lambda"]?["FunctionArn"]), Value(p["TopicRulePayload"]?["Sql"]));
                }

                break;
            case "AWS::Logs::SubscriptionFilter":
                Add("logs", FunctionOf(p["DestinationArn"]), Value(p["LogGroupName"]), Value(p["FilterPattern"]));
                break;
        }
    }

    private string TopicOf(JsonNode? arn) => arn is JsonObject { Count: 1 } o && o["Ref"] is { } r ? "topic:" + r.GetValue<string>() : Value(arn);

    private static JsonObject? Paths(JsonObject properties) => properties["Body"] is JsonObject body ? body["paths"] as JsonObject : null;

    private static string HttpMethod(string method) => method == "x-amazon-apigateway-any-method" ? "ANY" : method.ToUpperInvariant();

    /// <summary>The path of an API Gateway resource, from its parts up to the root.</summary>
    private string RestPath(JsonNode? resourceId)
    {
        var parts = new List<string>();
        var current = resourceId;
        for (var depth = 0; depth < 64; depth++)
        {
            if (current is JsonObject { Count: 1 } o && o["Ref"]?.GetValue<string>() is { } id && _resources[id]?["Properties"] is JsonObject r)
            {
                parts.Insert(0, r["PathPart"]?.GetValue<string>() ?? "");
                current = r["ParentId"];
            }
            else
            {
                break;
            }
        }

        return "/" + string.Join("/", parts);
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)\}")]
    private static partial Regex SubVariable();
}
