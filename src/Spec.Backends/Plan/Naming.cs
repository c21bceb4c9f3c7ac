using System.Globalization;
using System.Text;

namespace Spec.Backends.Plan;

/// <summary>
/// The logical-id normalisers and names of Serverless Framework 3.40.0 (<c>lib/plugins/aws/lib/naming.js</c>).
/// Every id a deployed stack already has depends on these exact rules, so they are reproduced character for character.
/// </summary>
public static class Naming
{
    /// <summary><c>normalizeName</c>: lodash <c>upperFirst</c>.</summary>
    public static string NormalizeName(string name)
    {
        if (name.Length == 0 || char.ToUpperInvariant(name[0]) == name[0])
        {
            return name;
        }

        return string.Create(name.Length, name, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            span[0] = char.ToUpperInvariant(source[0]);
        });
    }

    /// <summary><c>normalizeNameToAlphaNumericOnly</c>: strip <c>[^0-9A-Za-z]</c>, then upperFirst.</summary>
    public static string AlphaNumeric(string name) => NormalizeName(StripNonAlphaNumeric(name));

    /// <summary><c>getNormalizedFunctionName</c>: <c>-</c>→Dash, <c>_</c>→Underscore, upperFirst; other characters kept.</summary>
    public static string FunctionName(string functionKey) =>
        NormalizeName(functionKey.Replace("-", "Dash", StringComparison.Ordinal)
            .Replace("_", "Underscore", StringComparison.Ordinal));

    /// <summary>
    /// <c>normalizePathPart</c>: lodash <c>capitalize</c> (lower-cases the rest), <c>-</c>→Dash,
    /// <c>{x}</c>→<c>xVar</c>, strip non-alphanumerics, upperFirst.
    /// </summary>
    public static string PathPart(string part)
    {
        var capitalized = part.Length == 0
            ? part
            : string.Concat(char.ToUpperInvariant(part[0]).ToString(), part[1..].ToLowerInvariant());
        var dashed = capitalized.Replace("-", "Dash", StringComparison.Ordinal);
        var open = dashed.IndexOf('{', StringComparison.Ordinal);
        var close = dashed.LastIndexOf('}');
        if (open >= 0 && close > open)
        {
            // JS /\{(.*)\}/g: greedy, from the first '{' to the last '}'.
            dashed = string.Concat(dashed.AsSpan(0, open), dashed.AsSpan(open + 1, close - open - 1), "Var",
                dashed.AsSpan(close + 1));
        }

        return NormalizeName(StripNonAlphaNumeric(dashed));
    }

    /// <summary><c>normalizePath</c>: split on <c>/</c>, normalise each part, join.</summary>
    public static string Path(string resourcePath) =>
        AsciiPath(string.Empty, resourcePath, skipSpaces: false) ?? SlowPath(resourcePath);

    private static string SlowPath(string resourcePath) => string.Concat(resourcePath.Split('/').Select(PathPart));

    /// <summary>
    /// <paramref name="prefix"/> and <see cref="Path"/> of an ASCII path, written in one pass with no string per part
    /// (ids of routes and resources are made per event); with <paramref name="skipSpaces"/>, as if the spaces had been
    /// removed first. Null for a path that is not ASCII (its casing may turn a character into a letter) or is long.
    /// </summary>
    private static string? AsciiPath(string prefix, string path, bool skipSpaces)
    {
        const int MaxPath = 256;
        if (path.Length > MaxPath || !Ascii.IsValid(path))
        {
            return null;
        }

        // A part's '-' becomes "Dash" and its last '}' (after a '{') becomes "Var": at most four characters each.
        Span<char> buffer = stackalloc char[prefix.Length + (path.Length * 4)];
        prefix.CopyTo(buffer);
        var length = prefix.Length;
        for (var start = 0; start <= path.Length;)
        {
            var end = path.IndexOf('/', start);
            end = end < 0 ? path.Length : end;
            var part = path.AsSpan(start, end - start);
            var open = part.IndexOf('{');
            var close = part.LastIndexOf('}');
            var variable = open >= 0 && close > open ? close : -1;
            var partStart = length;
            var first = true;
            for (var i = 0; i < part.Length; i++)
            {
                var c = part[i];
                if (skipSpaces && c == ' ')
                {
                    continue;
                }

                c = first ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                first = false;
                if (c == '-')
                {
                    "Dash".CopyTo(buffer[length..]);
                    length += 4;
                }
                else if (i == variable)
                {
                    "Var".CopyTo(buffer[length..]);
                    length += 3;
                }
                else if (char.IsAsciiLetterOrDigit(c))
                {
                    buffer[length++] = c;
                }
            }

            if (length > partStart)
            {
                buffer[partStart] = char.ToUpperInvariant(buffer[partStart]);
            }

            start = end + 1;
        }

        return new string(buffer[..length]);
    }

    /// <summary><c>getNormalizedWebsocketsRouteKey</c> (no upperFirst).</summary>
    public static string WebsocketsRouteKey(string route) =>
        route.Replace("$", "S", StringComparison.Ordinal)
            .Replace("/", "Slash", StringComparison.Ordinal)
            .Replace("-", "Dash", StringComparison.Ordinal)
            .Replace("_", "Underscore", StringComparison.Ordinal)
            .Replace(".", "Period", StringComparison.Ordinal);

    /// <summary><c>normalizeMethodName</c>: lower-case, then upperFirst (<c>GET</c> → <c>Get</c>).</summary>
    public static string MethodName(string method) => NormalizeName(method.ToLowerInvariant());

    public static string StripNonAlphaNumeric(string text)
    {
        if (!text.AsSpan().ContainsAnyExcept(AlphaNumerics))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> AlphaNumerics =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    // ---- logical ids (naming.js) -------------------------------------------------------------------------------

    public const string DeploymentBucket = "ServerlessDeploymentBucket";
    public const string DeploymentBucketPolicy = "ServerlessDeploymentBucketPolicy";
    public const string DeploymentBucketOutput = "ServerlessDeploymentBucketName";
    public const string Role = "IamRoleLambdaExecution";
    public const string RestApi = "ApiGatewayRestApi";
    public const string HttpApi = "HttpApi";
    public const string HttpApiStage = "HttpApiStage";
    public const string WebsocketsApi = "WebsocketsApi";
    public const string WebsocketsStage = "WebsocketsDeploymentStage";

    public static string LogGroup(string functionKey) => LogGroupOf(FunctionName(functionKey));

    internal static string LogGroup(PlanFunction fn) => LogGroupOf(fn.NormalizedName);

    private static string LogGroupOf(string normalizedName) => normalizedName + "LogGroup";

    public static string LogGroupName(string deployedFunctionName) => "/aws/lambda/" + deployedFunctionName;

    public static string Lambda(string functionKey) => LambdaOf(FunctionName(functionKey));

    internal static string LambdaOf(string normalizedName) => normalizedName + "LambdaFunction";

    public static string LambdaVersion(string functionKey, string hash) => LambdaVersionOf(FunctionName(functionKey), hash);

    internal static string LambdaVersion(PlanFunction fn, string hash) => LambdaVersionOf(fn.NormalizedName, hash);

    private static string LambdaVersionOf(string normalizedName, string hash) =>
        normalizedName + "LambdaVersion" + StripNonAlphaNumeric(hash);

    public static string LambdaQualifiedArnOutput(string functionKey) => LambdaQualifiedArnOutputOf(Lambda(functionKey));

    internal static string LambdaQualifiedArnOutput(PlanFunction fn) => LambdaQualifiedArnOutputOf(fn.LogicalId);

    private static string LambdaQualifiedArnOutputOf(string lambdaId) => lambdaId + "QualifiedArn";

    public static string ResourceId(string path) =>
        AsciiPath("ApiGatewayResource", path, skipSpaces: false) ?? "ApiGatewayResource" + SlowPath(path);

    public static string MethodId(string resourceName, string method) =>
        "ApiGatewayMethod" + resourceName + MethodName(method);

    public static string RestAuthorizer(string authorizerName) => FunctionName(authorizerName) + "ApiGatewayAuthorizer";

    /// <summary><c>getValidatorLogicalId</c>: the one request validator of the service's REST API.</summary>
    public static string RequestValidator(string service) => "ApiGateway" + AlphaNumeric(service) + "RequestValidator";

    /// <summary><c>getModelLogicalId</c>: a <c>provider.apiGateway.request.schemas</c> model by its key.</summary>
    public static string Model(string schemaKey) => "ApiGateway" + LodashCase.PascalCase(schemaKey) + "Model";

    /// <summary><c>getEndpointModelLogicalId</c>: a model written on the method itself, by content type.</summary>
    public static string EndpointModel(string methodId, string contentType) =>
        methodId + LodashCase.StartCaseJoined(contentType) + "Model";

    public static string ApiGatewayPermission(string functionKey) => FunctionName(functionKey) + "LambdaPermissionApiGateway";

    public static string HttpApiIntegration(string functionKey) => HttpApiIntegrationOf(FunctionName(functionKey));

    internal static string HttpApiIntegration(PlanFunction fn) => HttpApiIntegrationOf(fn.NormalizedName);

    private static string HttpApiIntegrationOf(string normalizedName) => "HttpApiIntegration" + normalizedName;

    public static string HttpApiRoute(string routeKey) => routeKey == "*"
        ? "HttpApiRouteDefault"
        : AsciiPath("HttpApiRoute", routeKey, skipSpaces: true) ??
          "HttpApiRoute" + SlowPath(routeKey.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string HttpApiAuthorizer(string name) => "HttpApiAuthorizer" + FunctionName(name);

    public static string HttpApiPermission(string functionKey) => HttpApiPermissionOf(FunctionName(functionKey));

    internal static string HttpApiPermission(PlanFunction fn) => HttpApiPermissionOf(fn.NormalizedName);

    private static string HttpApiPermissionOf(string normalizedName) => normalizedName + "LambdaPermissionHttpApi";

    public static string ScheduleRule(string functionKey, int index) =>
        FunctionName(functionKey) + "EventsRuleSchedule" + index.ToString(CultureInfo.InvariantCulture);

    public static string SchedulerSchedule(string functionKey, int index) =>
        FunctionName(functionKey) + "SchedulerSchedule" + index.ToString(CultureInfo.InvariantCulture);

    public static string SchedulePermission(string functionKey, int index) =>
        FunctionName(functionKey) + "LambdaPermissionEventsRuleSchedule" + index.ToString(CultureInfo.InvariantCulture);

    public static string Bucket(string bucketName) => "S3Bucket" + AlphaNumeric(bucketName);

    public static string S3Permission(string functionKey, string bucketName) =>
        FunctionName(functionKey) + "LambdaPermission" + AlphaNumeric(bucketName) + "S3";

    public static string Topic(string topicName) => "SNSTopic" + AlphaNumeric(topicName);

    public static string SnsSubscription(string functionKey, string topicName) =>
        FunctionName(functionKey) + "SnsSubscription" + AlphaNumeric(topicName);

    public static string SnsPermission(string functionKey, string topicName) =>
        FunctionName(functionKey) + "LambdaPermission" + AlphaNumeric(topicName) + "SNS";

    public static string StreamMapping(string functionKey, string streamType, string streamName) =>
        FunctionName(functionKey) + "EventSourceMapping" + NormalizeName(streamType) + AlphaNumeric(streamName);

    public static string QueueMapping(string functionKey, string queueName) => QueueMappingOf(FunctionName(functionKey), queueName);

    internal static string QueueMapping(PlanFunction fn, string queueName) => QueueMappingOf(fn.NormalizedName, queueName);

    private static string QueueMappingOf(string normalizedName, string queueName) =>
        normalizedName + "EventSourceMappingSQS" + AlphaNumeric(queueName);

    public static string IotRule(string functionKey, int index) =>
        FunctionName(functionKey) + "IotTopicRule" + index.ToString(CultureInfo.InvariantCulture);

    public static string IotPermission(string functionKey, int index) =>
        FunctionName(functionKey) + "LambdaPermissionIotTopicRule" + index.ToString(CultureInfo.InvariantCulture);

    public static string AlexaSkillPermission(string functionKey, int index) =>
        FunctionName(functionKey) + "LambdaPermissionAlexaSkill" + index.ToString(CultureInfo.InvariantCulture);

    public static string AlexaSmartHomePermission(string functionKey, int index) =>
        FunctionName(functionKey) + "LambdaPermissionAlexaSmartHome" + index.ToString(CultureInfo.InvariantCulture);

    public static string CloudWatchEventRule(string functionKey, int index) =>
        FunctionName(functionKey) + "EventsRuleCloudWatchEvent" + index.ToString(CultureInfo.InvariantCulture);

    public static string CloudWatchEventPermission(string functionKey, int index) =>
        FunctionName(functionKey) + "LambdaPermissionEventsRuleCloudWatchEvent" + index.ToString(CultureInfo.InvariantCulture);

    public static string LogsSubscriptionFilter(string functionKey, int index) =>
        FunctionName(functionKey) + "LogsSubscriptionFilterCloudWatchLog" + index.ToString(CultureInfo.InvariantCulture);

    public static string LogsPermission(string functionKey) =>
        FunctionName(functionKey) + "LambdaPermissionLogsSubscriptionFilterCloudWatchLog";

    public static string CognitoUserPool(string pool) => "CognitoUserPool" + AlphaNumeric(pool);

    public static string CognitoPermission(string functionKey, string pool, string trigger) =>
        FunctionName(functionKey) + "LambdaPermissionCognitoUserPool" + AlphaNumeric(pool) + "TriggerSource" + trigger;

    public static string EventBridgeRule(string ruleName) => AlphaNumeric(ruleName) + "EventBridgeRule";

    public static string EventBridgeBus(string busName) => FunctionName(busName) + "EventBridgeEventBus";

    public static string EventBridgePermission(string functionKey, int index) =>
        FunctionName(functionKey) + "EventBridgeLambdaPermission" + index.ToString(CultureInfo.InvariantCulture);

    public static string WebsocketsIntegration(string functionKey) => FunctionName(functionKey) + "WebsocketsIntegration";

    public static string WebsocketsRoute(string route) => WebsocketsRouteKey(route) + "WebsocketsRoute";

    public static string WebsocketsRouteResponse(string route) => WebsocketsRouteKey(route) + "WebsocketsRouteResponse";

    public static string WebsocketsAuthorizer(string functionKey) => FunctionName(functionKey) + "WebsocketsAuthorizer";

    public static string WebsocketsPermission(string functionKey) => FunctionName(functionKey) + "LambdaPermissionWebsockets";

    public static string WebsocketsAuthorizerPermission(string functionKey) =>
        FunctionName(functionKey) + "LambdaPermissionWebsocketsAuthorizer";

    public static string ProvisionedConcurrencyAlias(string functionKey) => FunctionName(functionKey) + "ProvConcLambdaAlias";

    public static string SnapStartAlias(string functionKey) => FunctionName(functionKey) + "SnapStartLambdaAlias";

    public static string EventInvokeConfig(string functionKey) => FunctionName(functionKey) + "LambdaEvConf";

    public static string FunctionUrl(string functionKey) => FunctionName(functionKey) + "LambdaFunctionUrl";

    public static string FunctionUrlPermission(string functionKey) => FunctionName(functionKey) + "LambdaPermissionFnUrl";

    public static string Layer(string layerKey) => FunctionName(layerKey) + "LambdaLayer";
}
