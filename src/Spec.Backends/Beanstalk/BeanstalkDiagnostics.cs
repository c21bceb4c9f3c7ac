using Spec.Core.Diagnostics;

namespace Spec.Backends.Beanstalk;

/// <summary>The ids the Elastic Beanstalk target reports (<c>spec compile|package|deploy --target/--engine beanstalk</c>).</summary>
public static class BeanstalkDiagnosticIds
{
    /// <summary>A feature of the spec with no Elastic Beanstalk meaning: named, and left out of the bundles.</summary>
    public const string NoBeanstalkMeaning = "SPEC-EB-001";

    /// <summary>A function whose runtime has no adapter (or two languages in one environment).</summary>
    public const string NoAdapter = "SPEC-EB-002";

    /// <summary>A schedule with no <c>cron.yaml</c> equivalent.</summary>
    public const string Schedule = "SPEC-EB-003";

    /// <summary>A queue a worker environment cannot serve as Lambda's event source mapping does.</summary>
    public const string Worker = "SPEC-EB-004";

    /// <summary>An environment property two functions of one environment set differently, or that cannot be wired.</summary>
    public const string EnvironmentProperty = "SPEC-EB-005";

    /// <summary>A <c>resources:</c> entry or output left out of the companion template because it needs a function.</summary>
    public const string CompanionResource = "SPEC-EB-006";

    /// <summary>No function is served by any environment.</summary>
    public const string NothingToDeploy = "SPEC-EB-007";

    /// <summary>A source bundle that cannot be packaged (over 512 MB, a file that cannot be read).</summary>
    public const string Package = "SPEC-EB-008";

    /// <summary>An Elastic Beanstalk deployment step that failed.</summary>
    public const string Deploy = "SPEC-EB-009";
}

/// <summary>The descriptors of <see cref="BeanstalkDiagnosticIds"/> (joined into <see cref="BackendDiagnostics.All"/>).</summary>
public static class BeanstalkDiagnostics
{
    private const string Category = "Elastic Beanstalk";

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        Describe(BeanstalkDiagnosticIds.NoBeanstalkMeaning, "Feature with no Elastic Beanstalk meaning", Severity.Warning,
            "An event, setting or part of one that an Elastic Beanstalk environment cannot reproduce: authorizers, CORS, API " +
            "keys, websocket, alb, s3, sns, stream and other event sources, batch sizes above 1, a schedule's inputPath, layers, " +
            "VPC, function URLs, destinations. The message names the feature and the function.",
            "Nothing is dropped silently: the bundles serve the rest of the service, without what the message names.",
            "Remove the feature, or keep that function on the CloudFormation target.",
            "functions:\n  api:\n    handler: h.api\n    events:\n      - http:\n          path: /\n          method: get\n          authorizer: auth",
            "functions:\n  api:\n    handler: h.api\n    events:\n      - http:\n          path: /\n          method: get"),
        Describe(BeanstalkDiagnosticIds.NoAdapter, "Runtime without a Beanstalk adapter", Severity.Error,
            "The adapters that run Lambda handlers on an environment exist for Node.js (`nodejs*`) and Python (`python3*`); a " +
            "function with another runtime or a container image has none, and one environment runs one language.",
            "The environment could not start the function's handler.",
            "Use a Node.js or Python runtime, or compile that service with the CloudFormation target.",
            "provider:\n  runtime: java21", "provider:\n  runtime: nodejs20.x"),
        Describe(BeanstalkDiagnosticIds.Schedule, "Schedule without a cron.yaml equivalent", Severity.Error,
            "A `schedule` rate or cron that no 5-field cron expression fires at the same instants (`rate(7 minutes)`, `L`, `W`, " +
            "`#`, a year), or a schedule in a time zone other than UTC.",
            "A worker's `cron.yaml` would fire the function at other times than the spec says.",
            "Write the schedule as a cron() that cron.yaml can express.",
            "events:\n  - schedule: rate(7 minutes)", "events:\n  - schedule: cron(*/5 * * * ? *)"),
        Describe(BeanstalkDiagnosticIds.Worker, "Queue a worker environment cannot serve", Severity.Error,
            "sqsd reads one queue and posts to one path, so two functions on one queue cannot both be served; sqsd's settings " +
            "must stay within their ranges (a timeout above 36,000 s, reserved concurrency 0).",
            "The worker would deliver messages differently from Lambda's event source mapping.",
            "Give each function its own queue, and keep timeouts and concurrency within sqsd's ranges.",
            "functions:\n  a:\n    events: [{sqs: {arn: !GetAtt Q.Arn}}]\n  b:\n    events: [{sqs: {arn: !GetAtt Q.Arn}}]",
            "functions:\n  a:\n    events: [{sqs: {arn: !GetAtt Q.Arn}}]"),
        Describe(BeanstalkDiagnosticIds.EnvironmentProperty, "Environment property that cannot be set as written", Severity.Warning,
            "One environment serves several functions and has one set of environment properties: two functions that set one " +
            "variable differently, or a variable whose value needs a resource the bundles leave out (a function ARN).",
            "The handler would read another value than on Lambda.",
            "Give the variable one value for all functions of the environment, or compute it in the handler.",
            "functions:\n  a:\n    environment: {MODE: fast}\n  b:\n    environment: {MODE: slow}",
            "provider:\n  environment: {MODE: fast}"),
        Describe(BeanstalkDiagnosticIds.CompanionResource, "Resource left out of the companion template", Severity.Warning,
            "A `resources:` entry or output refers to something only the Lambda deployment has (a function, its log group, " +
            "an API), so the companion CloudFormation template of the Beanstalk bundles leaves it out.",
            "Deploying it would fail on the missing reference.",
            "Remove the reference, or deploy that resource with the CloudFormation target.",
            "resources:\n  Outputs:\n    Fn:\n      Value: !GetAtt HelloLambdaFunction.Arn", ""),
        Describe(BeanstalkDiagnosticIds.NothingToDeploy, "No function runs on Elastic Beanstalk", Severity.Error,
            "No function has an `http`, `httpApi`, `sqs` or `schedule` event an environment can serve.",
            "There is no environment to write.",
            "Add such an event, or use the CloudFormation target.",
            "functions:\n  f:\n    handler: h.f\n    events:\n      - s3: uploads",
            "functions:\n  f:\n    handler: h.f\n    events:\n      - httpApi: GET /"),
        Describe(BeanstalkDiagnosticIds.Package, "Source bundle cannot be packaged", Severity.Error,
            "A source bundle is larger than Elastic Beanstalk's 512 MB limit, or a file of the service cannot be read.",
            "Elastic Beanstalk refuses the application version.",
            "Exclude what the environment does not need with `package.patterns`.",
            "package:\n  patterns: ['**']", "package:\n  patterns: ['!node_modules/aws-sdk/**']"),
        Describe(BeanstalkDiagnosticIds.Deploy, "Elastic Beanstalk deployment failed", Severity.Error,
            "A step of `spec deploy --engine beanstalk` failed: the upload, the companion stack, the application version or " +
            "the environment; the message names the step and what the AWS CLI said.",
            "The environments stay as they were before the failing step.",
            "Fix what the message names (credentials, region, bucket), then deploy again.", "", ""),
    ];

    private static DiagnosticDescriptor Describe(string id, string title, Severity severity, string description, string rationale,
        string howToFix, string failing, string passing) =>
        DiagnosticDescriptor.Create(id, title, severity, Category, description, rationale, howToFix, failing, passing, suppressible: false);
}
