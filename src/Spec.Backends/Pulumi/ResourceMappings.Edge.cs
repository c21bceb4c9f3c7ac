using System.Text.Json.Nodes;

namespace Spec.Backends.Pulumi;

/// <summary>
/// The resources of the <c>alb</c> and <c>cloudFront</c> events: load-balancer target groups and listener rules, and the
/// CloudFront distribution with its cache policies. Where Pulumi classic requires an input that CloudFormation defaults,
/// the mapping writes CloudFormation's default (allowed and cached methods GET/HEAD, HTTP 80 / HTTPS 443, no geo
/// restriction, the CloudFront certificate…), so the deployed resource is the one the template would make.
/// </summary>
internal static partial class ResourceMappings
{
    // Tables here are properties, not static fields: ByCfnType is built by the type initializer, which may run before
    // the field initializers of this part of the class.
    private static IEnumerable<ResourceMap> EdgeMappings()
    {
        yield return new("AWS::ElasticLoadBalancingV2::TargetGroup", new("lb", "TargetGroup"),
        [
            S("TargetType", "targetType"), S("Name", "name"), Tags(), S("Protocol", "protocol"), I("Port", "port"),
            S("VpcId", "vpcId"), S("ProtocolVersion", "protocolVersion"), S("IpAddressType", "ipAddressType"),
            new("TargetGroupAttributes", TargetGroupAttributes),
            .. HealthCheckSettings.Select(key => new PropertyMap(key, (c, v) => HealthCheck(c, v, key))),
        ], "arn", A("TargetGroupArn", "arn", "TargetGroupFullName", "arnSuffix", "TargetGroupName", "name",
            "LoadBalancerArns", "loadBalancerArns"))
        {
            CompanionProperties = new HashSet<string>(StringComparer.Ordinal) { "Targets" },
            Companions = TargetGroupAttachments,
        };

        yield return new("AWS::ElasticLoadBalancingV2::ListenerRule", new("lb", "ListenerRule"),
        [
            S("ListenerArn", "listenerArn"), I("Priority", "priority"),
            NL("Actions", "actions", "lb.ListenerRuleAction", ListenerRuleActionProps),
            P("Conditions", "conditions", (c, v) => v is JsonArray a ? c.List(a, x => ListenerRuleCondition(c, x)) : null),
        ], "arn", A("RuleArn", "arn"));

        yield return new("AWS::CloudFront::CachePolicy", new("cloudfront", "CachePolicy"),
        [
            Flat("CachePolicyConfig", S("Name", "name"), S("Comment", "comment"), I("DefaultTTL", "defaultTtl"), I("MaxTTL", "maxTtl"),
                I("MinTTL", "minTtl"),
                Requiring(N("ParametersInCacheKeyAndForwardedToOrigin", "parametersInCacheKeyAndForwardedToOrigin",
                    "cloudfront.CachePolicyParametersInCacheKeyAndForwardedToOrigin",
                    B("EnableAcceptEncodingGzip", "enableAcceptEncodingGzip"), B("EnableAcceptEncodingBrotli", "enableAcceptEncodingBrotli"),
                    CacheKeyPart("CookiesConfig", "cookiesConfig", "CookiesConfig", ("CookieBehavior", "cookieBehavior"), ("Cookies", "cookies")),
                    CacheKeyPart("HeadersConfig", "headersConfig", "HeadersConfig", ("HeaderBehavior", "headerBehavior"), ("Headers", "headers")),
                    CacheKeyPart("QueryStringsConfig", "queryStringsConfig", "QueryStringsConfig",
                        ("QueryStringBehavior", "queryStringBehavior"), ("QueryStrings", "queryStrings"))),
                    "cookiesConfig", "headersConfig", "queryStringsConfig")),
        ], "id", A("Id", "id"));

        yield return new("AWS::CloudFront::Distribution", new("cloudfront", "Distribution"),
            [new("DistributionConfig", DistributionConfig), Tags()], "id", A("DomainName", "domainName", "Id", "id"));
    }

    // ---- load balancer ---------------------------------------------------------------------------------------------

    private static string[] HealthCheckSettings => [
        "HealthCheckEnabled", "HealthCheckPath", "HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds",
        "HealthyThresholdCount", "UnhealthyThresholdCount", "Matcher", "HealthCheckPort", "HealthCheckProtocol",
    ];

    private static PropertyMap[] HealthCheckProps => [
        B("HealthCheckEnabled", "enabled"), S("HealthCheckPath", "path"), I("HealthCheckIntervalSeconds", "interval"),
        I("HealthCheckTimeoutSeconds", "timeout"), I("HealthyThresholdCount", "healthyThreshold"),
        I("UnhealthyThresholdCount", "unhealthyThreshold"), S("HealthCheckPort", "port"), S("HealthCheckProtocol", "protocol"),
        P("Matcher", "matcher", (c, v) => v is JsonObject { Count: 1 } m && m["HttpCode"] is { } code ? c.Str(code) : null),
    ];

    /// <summary>
    /// CloudFormation spreads the health check over nine top-level properties; Pulumi has one <c>healthCheck</c> input.
    /// The first of them in the resource writes the whole input from its siblings (the value's parent is the resource's
    /// properties), the others write nothing.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, PulumiValue>>? HealthCheck(ValueConverter c, JsonNode? value, string key)
    {
        if (value?.Parent is not JsonObject properties)
        {
            return null;
        }

        if (properties.Select(p => p.Key).First(HealthCheckSettings.Contains) != key)
        {
            return [];
        }

        var settings = new JsonObject();
        foreach (var (k, v) in properties.Where(p => HealthCheckSettings.Contains(p.Key)))
        {
            settings[k] = v?.DeepClone();
        }

        return Entries(c, settings, HealthCheckProps) is { } entries
            ? [new("healthCheck", new PulumiObject(entries, "lb.TargetGroupHealthCheck"))]
            : null;
    }

    private static IEnumerable<KeyValuePair<string, PulumiValue>>? TargetGroupAttributes(ValueConverter c, JsonNode? value)
    {
        if (value is not JsonArray attributes)
        {
            return null;
        }

        var result = new List<KeyValuePair<string, PulumiValue>>();
        foreach (var attribute in attributes)
        {
            var raw = attribute?["Value"];
            KeyValuePair<string, PulumiValue>? converted = ValueConverter.PlanText(attribute?["Key"]) switch
            {
                "lambda.multi_value_headers.enabled" when c.Bool(raw) is { } b => new("lambdaMultiValueHeadersEnabled", b),
                "deregistration_delay.timeout_seconds" when c.Int(raw) is { } i => new("deregistrationDelay", i),
                _ => null,
            };
            if (converted is not { } entry || attribute is not JsonObject { Count: 2 })
            {
                return null;
            }

            result.Add(entry);
        }

        return result;
    }

    /// <summary>Each entry of a target group's <c>Targets</c> is an <c>aws:lb:TargetGroupAttachment</c> named <c>&lt;TargetGroup&gt;Target&lt;n&gt;</c>.</summary>
    private static IReadOnlyList<PulumiResource>? TargetGroupAttachments(ValueConverter c, string logicalId, JsonObject properties) =>
        ListCompanions(c, logicalId, properties["Targets"], [S("Id", "targetId"), I("Port", "port"), S("AvailabilityZone", "availabilityZone")],
            "Target", new("lb", "TargetGroupAttachment"), [new("targetGroupArn", new PulumiAttribute(logicalId, "arn"))]);

    private static PropertyMap[] AuthenticateShared => [
        S("OnUnauthenticatedRequest", "onUnauthenticatedRequest"), S("Scope", "scope"), S("SessionCookieName", "sessionCookieName"),
        I("SessionTimeout", "sessionTimeout"), M("AuthenticationRequestExtraParams", "authenticationRequestExtraParams"),
    ];

    /// <summary>
    /// The actions the Framework writes. An OIDC action with <c>UseExistingClientSecret</c> has no classic equivalent
    /// (classic requires the secret), so such a rule stays in the CloudFormation stack.
    /// </summary>
    private static PropertyMap[] ListenerRuleActionProps => [
        S("Type", "type"), I("Order", "order"), S("TargetGroupArn", "targetGroupArn"),
        N("AuthenticateCognitoConfig", "authenticateCognito", "lb.ListenerRuleActionAuthenticateCognito",
        [
            S("UserPoolArn", "userPoolArn"), S("UserPoolClientId", "userPoolClientId"), S("UserPoolDomain", "userPoolDomain"),
            .. AuthenticateShared,
        ]),
        N("AuthenticateOidcConfig", "authenticateOidc", "lb.ListenerRuleActionAuthenticateOidc",
        [
            S("AuthorizationEndpoint", "authorizationEndpoint"), S("ClientId", "clientId"), S("ClientSecret", "clientSecret"),
            S("Issuer", "issuer"), S("TokenEndpoint", "tokenEndpoint"), S("UserInfoEndpoint", "userInfoEndpoint"),
            .. AuthenticateShared,
        ]),
    ];

    /// <summary>A condition: the CloudFormation <c>Field</c> names which classic condition block its values go to.</summary>
    private static PulumiValue? ListenerRuleCondition(ValueConverter c, JsonNode? node)
    {
        if (node is not JsonObject condition || ValueConverter.PlanText(condition["Field"]) is not { } field)
        {
            return null;
        }

        PulumiValue? Values(string configKey, string argsType)
        {
            var values = condition[configKey]?["Values"] ?? condition["Values"];
            return condition.Count == 2 && c.StrList(values) is { } list
                ? new PulumiObject([new("values", list)], argsType)
                : null;
        }

        KeyValuePair<string, PulumiValue>? entry = field switch
        {
            "path-pattern" when Values("PathPatternConfig", "lb.ListenerRuleConditionPathPattern") is { } v => new("pathPattern", v),
            "host-header" when Values("HostHeaderConfig", "lb.ListenerRuleConditionHostHeader") is { } v => new("hostHeader", v),
            "http-request-method" when Values("HttpRequestMethodConfig", "lb.ListenerRuleConditionHttpRequestMethod") is { } v =>
                new("httpRequestMethod", v),
            "source-ip" when Values("SourceIpConfig", "lb.ListenerRuleConditionSourceIp") is { } v => new("sourceIp", v),
            "http-header" when condition.Count == 2 && condition["HttpHeaderConfig"] is JsonObject header &&
                               Nested(c, header, "lb.ListenerRuleConditionHttpHeader",
                                   [S("HttpHeaderName", "httpHeaderName"), L("Values", "values")]) is { } v => new("httpHeader", v),
            "query-string" when condition.Count == 2 && condition["QueryStringConfig"]?["Values"] is JsonArray pairs &&
                                c.List(pairs, p => Nested(c, p, "lb.ListenerRuleConditionQueryString",
                                    [S("Key", "key"), S("Value", "value")])) is { } v => new("queryStrings", v),
            _ => null,
        };
        return entry is { } e ? new PulumiObject([e], "lb.ListenerRuleCondition") : null;
    }

    // ---- CloudFront ------------------------------------------------------------------------------------------------

    /// <summary><c>CookiesConfig</c> and its siblings: a behavior, and the names as <c>{items: [...]}</c>.</summary>
    private static PropertyMap CacheKeyPart(string cfn, string pulumi, string typeSuffix, (string Cfn, string Pulumi) behavior,
        (string Cfn, string Pulumi) names)
    {
        var argsType = "cloudfront.CachePolicyParametersInCacheKeyAndForwardedToOrigin" + typeSuffix;
        return N(cfn, pulumi, argsType, S(behavior.Cfn, behavior.Pulumi),
            P(names.Cfn, names.Pulumi, (c, v) => c.StrList(v) is { } items ? new PulumiObject([new("items", items)], argsType + typeSuffix[..^6]) : null));
    }

    private static PulumiValue GetAndHead => new PulumiList([PulumiLiteral.String("GET"), PulumiLiteral.String("HEAD")]);

    /// <summary>The distribution's inputs: <c>DistributionConfig</c> flattened, with CloudFormation's defaults for what classic requires.</summary>
    private static IEnumerable<KeyValuePair<string, PulumiValue>>? DistributionConfig(ValueConverter c, JsonNode? value)
    {
        if (value is not JsonObject config || ValueConverter.IsIntrinsic(config))
        {
            return null;
        }

        PropertyMap[] props =
        [
            S("Comment", "comment"), B("Enabled", "enabled"), S("DefaultRootObject", "defaultRootObject"), S("HttpVersion", "httpVersion"),
            S("PriceClass", "priceClass"), L("Aliases", "aliases"), S("WebACLId", "webAclId"), B("IPV6Enabled", "isIpv6Enabled"),
            P("DefaultCacheBehavior", "defaultCacheBehavior", (cv, v) => CacheBehavior(cv, v, ordered: false)),
            P("CacheBehaviors", "orderedCacheBehaviors", (cv, v) => v is JsonArray a ? cv.List(a, b => CacheBehavior(cv, b, ordered: true)) : null),
            NL("Origins", "origins", "cloudfront.DistributionOrigin", OriginProps),
            N("Restrictions", "restrictions", "cloudfront.DistributionRestrictions",
                N("GeoRestriction", "geoRestriction", "cloudfront.DistributionRestrictionsGeoRestriction",
                    S("RestrictionType", "restrictionType"), L("Locations", "locations"))),
            N("ViewerCertificate", "viewerCertificate", "cloudfront.DistributionViewerCertificate",
                S("AcmCertificateArn", "acmCertificateArn"), B("CloudFrontDefaultCertificate", "cloudfrontDefaultCertificate"),
                S("IamCertificateId", "iamCertificateId"), S("MinimumProtocolVersion", "minimumProtocolVersion"),
                S("SslSupportMethod", "sslSupportMethod")),
        ];
        if (Entries(c, config, props) is not { } entries)
        {
            return null;
        }

        return WithDefaults(entries,
            ("restrictions", new PulumiObject([new("geoRestriction", new PulumiObject(
                [new("restrictionType", PulumiLiteral.String("none"))], "cloudfront.DistributionRestrictionsGeoRestriction"))],
                "cloudfront.DistributionRestrictions")),
            ("viewerCertificate", new PulumiObject([new("cloudfrontDefaultCertificate", PulumiLiteral.Bool(true))],
                "cloudfront.DistributionViewerCertificate")));
    }

    private static PulumiValue? CacheBehavior(ValueConverter c, JsonNode? node, bool ordered)
    {
        var type = "cloudfront.Distribution" + (ordered ? "Ordered" : "Default") + "CacheBehavior";
        PropertyMap[] props =
        [
            S("TargetOriginId", "targetOriginId"), S("ViewerProtocolPolicy", "viewerProtocolPolicy"), L("AllowedMethods", "allowedMethods"),
            L("CachedMethods", "cachedMethods"), S("CachePolicyId", "cachePolicyId"), B("Compress", "compress"),
            I("DefaultTTL", "defaultTtl"), I("MaxTTL", "maxTtl"), I("MinTTL", "minTtl"), S("FieldLevelEncryptionId", "fieldLevelEncryptionId"),
            S("OriginRequestPolicyId", "originRequestPolicyId"), S("ResponseHeadersPolicyId", "responseHeadersPolicyId"),
            S("RealtimeLogConfigArn", "realtimeLogConfigArn"), B("SmoothStreaming", "smoothStreaming"),
            L("TrustedSigners", "trustedSigners"), L("TrustedKeyGroups", "trustedKeyGroups"),
            Requiring(NL("LambdaFunctionAssociations", "lambdaFunctionAssociations", type + "LambdaFunctionAssociation",
                S("EventType", "eventType"), S("LambdaFunctionARN", "lambdaArn"), B("IncludeBody", "includeBody")), "eventType", "lambdaArn"),
            P("ForwardedValues", "forwardedValues", (cv, v) => ForwardedValues(cv, v, type + "ForwardedValues")),
            .. ordered ? new[] { S("PathPattern", "pathPattern") } : Array.Empty<PropertyMap>(),
        ];
        if (node is not JsonObject behavior || ValueConverter.IsIntrinsic(behavior) || Entries(c, behavior, props) is not { } entries ||
            WithDefaults(entries, ("allowedMethods", GetAndHead), ("cachedMethods", GetAndHead)) is not { } complete)
        {
            return null;
        }

        return new PulumiObject(complete, type);
    }

    private static PulumiValue? ForwardedValues(ValueConverter c, JsonNode? node, string type)
    {
        if (node is not JsonObject forwarded || ValueConverter.IsIntrinsic(forwarded) || Entries(c, forwarded,
            [
                B("QueryString", "queryString"), L("Headers", "headers"), L("QueryStringCacheKeys", "queryStringCacheKeys"),
                N("Cookies", "cookies", type + "Cookies", S("Forward", "forward"), L("WhitelistedNames", "whitelistedNames")),
            ]) is not { } entries)
        {
            return null;
        }

        return new PulumiObject(WithDefaults(entries,
            ("cookies", new PulumiObject([new("forward", PulumiLiteral.String("none"))], type + "Cookies"))), type);
    }

    private static PropertyMap[] OriginProps => [
        S("Id", "originId"), S("DomainName", "domainName"), S("OriginPath", "originPath"), I("ConnectionAttempts", "connectionAttempts"),
        I("ConnectionTimeout", "connectionTimeout"), S("OriginAccessControlId", "originAccessControlId"),
        NL("OriginCustomHeaders", "customHeaders", "cloudfront.DistributionOriginCustomHeader", S("HeaderName", "name"),
            S("HeaderValue", "value")),
        P("S3OriginConfig", "s3OriginConfig", (c, v) => v is JsonObject o && Entries(c, o, [S("OriginAccessIdentity", "originAccessIdentity")])
            is { } entries
            ? new PulumiObject(WithDefaults(entries, ("originAccessIdentity", PulumiLiteral.String(string.Empty))),
                "cloudfront.DistributionOriginS3OriginConfig")
            : null),
        P("CustomOriginConfig", "customOriginConfig", (c, v) => v is JsonObject o && Entries(c, o,
            [
                I("HTTPPort", "httpPort"), I("HTTPSPort", "httpsPort"), S("OriginProtocolPolicy", "originProtocolPolicy"),
                I("OriginKeepaliveTimeout", "originKeepaliveTimeout"), I("OriginReadTimeout", "originReadTimeout"),
                L("OriginSSLProtocols", "originSslProtocols"),
            ]) is { } entries
            ? new PulumiObject(WithDefaults(entries, ("httpPort", PulumiLiteral.Number("80")), ("httpsPort", PulumiLiteral.Number("443")),
                // CloudFormation's documented default when OriginSSLProtocols is left out.
                ("originSslProtocols", new PulumiList([PulumiLiteral.String("TLSv1"), PulumiLiteral.String("SSLv3")]))),
                "cloudfront.DistributionOriginCustomOriginConfig")
            : null),
    ];

    /// <summary>
    /// The conversion, refused (the resource goes to the leftover stack) when an object it yields, or an item of a list it
    /// yields, lacks one of the inputs Pulumi classic requires and CloudFormation does not.
    /// </summary>
    private static PropertyMap Requiring(PropertyMap map, params string[] inputs) =>
        new(map.Cfn, (c, v) => map.Convert(c, v)?.ToList() is { } entries && entries.TrueForAll(e => Has(e.Value, inputs)) ? entries : null);

    private static bool Has(PulumiValue value, string[] inputs) => value switch
    {
        PulumiObject o => Array.TrueForAll(inputs, k => o.Entries.Any(e => e.Key == k)),
        PulumiList l => l.Items.All(i => Has(i, inputs)),
        _ => true,
    };

    /// <summary>The entries with each default appended whose input is not already set.</summary>
    private static List<KeyValuePair<string, PulumiValue>> WithDefaults(List<KeyValuePair<string, PulumiValue>> entries,
        params (string Key, PulumiValue Value)[] defaults)
    {
        foreach (var (key, value) in defaults)
        {
            if (!entries.Exists(e => e.Key == key))
            {
                entries.Add(new(key, value));
            }
        }

        return entries;
    }
}
