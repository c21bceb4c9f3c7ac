using Spec.Core.Diagnostics;

namespace Spec.Backends.Conversion;

/// <summary>
/// What <c>spec convert</c> says about the parts of a spec the target format expresses differently or not at all.
/// Nothing is dropped silently: each approximation is a warning at the spec's node.
/// </summary>
public static class ConvertDiagnostics
{
    /// <summary>An event SAM has no event type for (or an <c>http</c> route on an imported REST API), written as plain
    /// CloudFormation resources in the same template.</summary>
    public const string PlainCloudFormation = "SPEC-CONVERT-001";

    /// <summary>A setting SAM expresses differently (API-wide CORS, proxy integration, generated names…).</summary>
    public const string Approximated = "SPEC-CONVERT-002";

    /// <summary>A setting SAM cannot express at all: left out of the template.</summary>
    public const string LeftOut = "SPEC-CONVERT-003";

    /// <summary>A <c>Ref</c>/<c>Fn::GetAtt</c> in <c>resources:</c> to a resource the Framework generates and SAM does not.</summary>
    public const string DanglingReference = "SPEC-CONVERT-004";

    private const string Category = "Convert";

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        Describe(PlainCloudFormation, "Event written as plain CloudFormation", Severity.Warning,
            "SAM has no event type for this event (`websocket`, `alb`, `cloudFront`, `alexaSmartHome`, " +
            "`iotFleetProvisioning`, or an `http` route on the REST API `provider.apiGateway.restApiId` imports), so " +
            "`spec convert --to sam` writes the resources the Framework would create for it (API, routes, target groups, " +
            "permissions…) as plain CloudFormation in the same template. Usage plans and API keys SAM's `Auth.UsagePlan` " +
            "cannot say (several plans, several keys, a key with a value or customer) are written the same way.",
            "The trigger still deploys, but SAM tooling (`sam local`, `sam sync`) does not know it belongs to the function.",
            "Nothing to do; keep the generated resources next to the function when you edit the template.",
            "functions:\n  chat:\n    handler: h.h\n    events:\n      - websocket: $connect", ""),
        Describe(Approximated, "Setting approximated in SAM", Severity.Warning,
            "SAM expresses this setting differently from the Framework: CORS is configured per API rather than per route, " +
            "every REST route is a Lambda proxy integration, a schedule's `inputPath` or an IoT rule's name have no " +
            "SAM property, a CloudFront cache policy is replaced by AWS's managed `CachingOptimized` policy, the " +
            "Framework's deployment bucket is kept when the spec refers to it, a dependency on a REST method the " +
            "Framework generates becomes one on the API.",
            "The converted stack behaves slightly differently from the one `serverless deploy` creates, in the way the " +
            "message says.",
            "Check the converted template where the message points and adjust it if the difference matters.",
            "functions:\n  hello:\n    handler: h.h\n    events:\n      - http:\n          path: hello\n          method: get\n          integration: lambda",
            "functions:\n  hello:\n    handler: h.h\n    events:\n      - http:\n          path: hello\n          method: get"),
        Describe(LeftOut, "Setting SAM cannot express", Severity.Warning,
            "The setting has no SAM or CloudFormation equivalent without the Framework's custom resources or plugins: a " +
            "notification on an existing S3 bucket or Cognito user pool, the account's API Gateway CloudWatch role, asynchronous HTTP " +
            "integrations, a Lambda property SAM's function has no property for in a `resources:` override of a function.",
            "The converted template leaves it out; the message says what to configure yourself.",
            "Manage the setting outside the template, or move the bucket, pool or API into the stack.",
            "functions:\n  resize:\n    handler: h.h\n    events:\n      - s3:\n          bucket: photos\n          existing: true",
            "functions:\n  resize:\n    handler: h.h\n    events:\n      - s3: photos"),
        Describe(DanglingReference, "Reference to a resource SAM does not create", Severity.Warning,
            "`resources:` refers to a logical id the Framework generates (the deployment bucket, a REST API resource or " +
            "method, a function version) that a SAM template does not have: SAM generates its own, with other names.",
            "The converted template refers to a resource it does not define, and CloudFormation rejects it.",
            "Refer to what SAM generates instead (e.g. `ServerlessRestApi` resources are defined in its OpenAPI body), " +
            "or define the resource in `resources:`.",
            "resources:\n  Outputs:\n    Bucket:\n      Value: !Ref ServerlessDeploymentBucket", ""),
    ];

    private static DiagnosticDescriptor Describe(string id, string title, Severity severity, string description, string rationale,
        string howToFix, string failing, string passing) =>
        DiagnosticDescriptor.Create(id, title, severity, Category, description, rationale, howToFix, failing, passing, suppressible: false);
}
