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
        Description = "A `destinations.onSuccess`/`onFailure` target is not a function of the service, nor a Lambda, SQS, SNS or EventBridge bus ARN or reference.",
        Rationale = "Lambda only delivers async results to those four target types; the Framework rejects others.",
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
                if (target is not null && Problem(context.Service, resources, target) is { } problem)
                {
                    context.Report(target.Type?.Node ?? target.Arn, $"destinations.{which} of function '{function.Key}' {problem}");
                }
            }
        }
    }

    private static readonly string[] Types = ["sns", "sqs", "eventBus", "function"];

    private static readonly string[] ResourceTypes =
        ["AWS::Lambda::Function", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Events::EventBus"];

    private static string? Problem(Service service, ResourceIndex resources, DestinationTarget target)
    {
        if (target.Type is { Value: { } type } && !Types.Contains(type, StringComparer.Ordinal))
        {
            return $"has type '{type}'; supported are sns, sqs, eventBus and function";
        }

        if (target.Text is { } text)
        {
            if (target.IsFunctionName)
            {
                return service.FindFunction(text) is null && target.Type is null
                    ? $"names '{target.Arn.Display}', which is neither a function of this service nor an ARN"
                    : null;
            }

            var parts = text.Split(':');
            return parts.Length > 2 && parts[2] is not ("lambda" or "sqs" or "sns" or "events")
                ? $"points at a '{parts[2]}' ARN; Lambda destinations can be Lambda, SQS, SNS or EventBridge"
                : null;
        }

        foreach (var id in References.LogicalIds(target.Arn))
        {
            if (resources[id] is { Type.Value: { } resourceType } && !ResourceTypes.Contains(resourceType, StringComparer.Ordinal))
            {
                return $"refers to '{id}', a {resourceType}; Lambda destinations can be Lambda, SQS, SNS or EventBridge";
            }
        }

        return null;
    }
}
