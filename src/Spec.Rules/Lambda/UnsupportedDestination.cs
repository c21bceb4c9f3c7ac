using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-014: Unsupported destination target.</summary>
public sealed class UnsupportedDestination : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-014",
        Title = "Unsupported destination target",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "A `destinations.onSuccess`/`onFailure` target is not a function of the service, nor a Lambda function, SQS queue, SNS topic or EventBridge bus ARN or reference. " +
                      "An S3 bucket as `onFailure` target is reported too, with a message that says why: Lambda has accepted S3 buckets as on-failure destinations of asynchronous invocations since November 2024, " +
                      "but Serverless Framework 3.40.0 predates that and refuses the target (UNSUPPORTED_DESTINATION_TARGET) before anything deploys. " +
                      "A target written as an object (an intrinsic function such as `!GetAtt Queue.Arn`, or `{arn}`) without `type` is refused the same way.",
        Rationale = "The Framework grants the role the destination's action only for functions, queues, topics and event buses, and throws UNSUPPORTED_DESTINATION_TARGET for any other string ARN; Lambda itself accepts Lambda, SQS, SNS, EventBridge and (on failure) S3.",
        HowToFix = "Point the destination at an SQS queue, SNS topic, event bus or function.",
        FailingExample = """
            destinations:
              onFailure: arn:aws:s3:::failed-events
            """,
        PassingExample = """
            destinations:
              onFailure: arn:aws:sqs:us-east-1:123456789012:failed-events
            """,
        Anchors =
        [
            "Serverless UNSUPPORTED_DESTINATION_TARGET",
        ],
    };

    public override void Check(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        foreach (var function in context.Service.Functions)
        {
            if (function.Destinations is not { } destinations)
            {
                continue;
            }

            foreach (var (which, target) in new[] { ("onSuccess", destinations.OnSuccess), ("onFailure", destinations.OnFailure) })
            {
                if (target is not null && Problem(context.Service, resources, target, which) is { } problem)
                {
                    context.Report(target.Type?.Node ?? target.Arn, $"destinations.{which} of function '{function.Key}' {problem}");
                }
            }
        }
    }

    private static readonly string[] Types = ["sns", "sqs", "eventBus", "function"];

    private static readonly string[] ResourceTypes =
        ["AWS::Lambda::Function", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Events::EventBus"];

    /// <summary>CloudFormation resource types Lambda accepts as a destination beyond the Framework's, by ARN service.</summary>
    private static readonly Dictionary<string, string> ServiceOfType = new(StringComparer.Ordinal) { ["AWS::S3::Bucket"] = "s3" };

    /// <summary>A destination Lambda accepts (<c>lambda-destinations.json</c>) that the Framework's own test refuses.</summary>
    private static DestinationKind? Accepted(string arnService, string which) =>
        LambdaDestinations.Default.Async(which).FirstOrDefault(k => k.Service == arnService);

    private static string Article(DestinationKind kind) => LambdaDestinations.Describe([kind]);

    private static string Acceptance(DestinationKind kind, string which) =>
        $"Lambda accepts {Article(kind)} as an {which} destination" +
        (kind.Since is { } since ? string.Create(CultureInfo.InvariantCulture, $" (since {since:MMMM yyyy})") : string.Empty);

    private static string? Problem(Service service, ResourceIndex resources, DestinationTarget target, string which)
    {
        if (target.Type is { Value: { } type } && !Types.Contains(type, StringComparer.Ordinal))
        {
            return $"has type '{target.Type.Node.Display}'; supported are sns, sqs, eventBus and function";
        }

        if (target.Node is MappingNode && target.Type is null)
        {
            // functions.js picks the permission from `type` for an object and throws for an object without it.
            return "is an object (an intrinsic function, or {arn} without type) without 'type': the Framework cannot tell what it points at and refuses it " +
                   "(UNSUPPORTED_DESTINATION_TARGET); write {type: sqs | sns | eventBus | function, arn: …}";
        }

        if (target.Text is { } text)
        {
            if (target.IsFunctionName)
            {
                return service.FindFunction(text) is null && target.Type is null
                    ? $"names '{target.Arn.Display}', which is neither a function of this service nor an ARN"
                    : null;
            }

            // The Framework's own test (lib/plugins/aws/package/compile/functions.js, ensureTargetExecutionPermission).
            if (text.Contains(":function:", StringComparison.Ordinal) || text.Contains(":sqs:", StringComparison.Ordinal)
                || text.Contains(":sns:", StringComparison.Ordinal) || text.Contains(":event-bus/", StringComparison.Ordinal))
            {
                return null;
            }

            var parts = text.Split(':');
            var arnService = parts.Length > 2 ? parts[2] : text;
            // What an ARN from ${env:} or ${file()} points at is part of its value: not said.
            if (target.Arn.IsSensitive)
            {
                return $"is {target.Arn.Display}, which is not a Lambda function, SQS queue, SNS topic or EventBridge event bus ARN; " +
                       "the Framework refuses it (UNSUPPORTED_DESTINATION_TARGET): declare an AWS::Lambda::EventInvokeConfig in resources for another destination Lambda accepts";
            }

            return Accepted(arnService, which) is { } kind
                ? $"points at {Article(kind)}: {Acceptance(kind, which)}, but Serverless Framework 3.40.0 " +
                  "refuses it (UNSUPPORTED_DESTINATION_TARGET); declare an AWS::Lambda::EventInvokeConfig in resources instead, or use an SQS queue or SNS topic"
                : $"points at '{target.Arn.Display}', which is not a Lambda function, SQS queue, SNS topic or EventBridge event bus ARN; " +
                  "the Framework refuses it (UNSUPPORTED_DESTINATION_TARGET)";
        }

        foreach (var id in References.LogicalIds(target.Arn))
        {
            if (resources[id] is { Type: { Value: { } resourceType } typeSetting } && !ResourceTypes.Contains(resourceType, StringComparer.Ordinal))
            {
                // A type from ${env:} or ${file()} is shown by its expression only, not by what it is.
                return !typeSetting.Node.IsSensitive && ServiceOfType.GetValueOrDefault(resourceType) is { } typeService && Accepted(typeService, which) is { } kind
                    ? $"refers to '{id}', {Article(kind)}: {Acceptance(kind, which)}, but the Framework's destination types are function, sqs, sns and eventBus; declare an AWS::Lambda::EventInvokeConfig in resources instead"
                    : $"refers to '{id}', a {typeSetting.Node.Display}; Lambda's {which} destinations are {LambdaDestinations.Describe(LambdaDestinations.Default.Async(which))}";
            }
        }

        return null;
    }
}
