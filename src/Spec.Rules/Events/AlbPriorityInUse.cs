using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Events;

/// <summary>SLS-EVENTS-005: Two alb events with one listener rule priority.</summary>
public sealed class AlbPriorityInUse : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EVENTS-005",
        Title = "ALB listener rule priority already in use",
        DefaultSeverity = Severity.Error,
        Category = "Events",
        Description = "Two `alb` events use the same `priority` on the same listener, or one function uses a priority twice (even on different listeners).",
        Rationale = "A listener's rules need distinct priorities (`CreateRule` fails with PriorityInUse), and the Framework names a function's listener rule after " +
                    "its priority, so it rejects both cases (ALB_PRIORITY_ALREADY_IN_USE).",
        HowToFix = "Give each alb event of a listener, and each alb event of a function, its own priority.",
        FailingExample = """
            functions:
              update:
                events:
                  - alb: {listenerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/a/1/2, priority: 10, conditions: {path: /items}}
              remove:
                events:
                  - alb: {listenerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/a/1/2, priority: 10, conditions: {path: /old}}
            """,
        PassingExample = """
            functions:
              update:
                events:
                  - alb: {listenerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/a/1/2, priority: 10, conditions: {path: /items}}
              remove:
                events:
                  - alb: {listenerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/a/1/2, priority: 11, conditions: {path: /old}}
            """,
        Anchors =
        [
            "Serverless ALB_PRIORITY_ALREADY_IN_USE",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        // By priority, each list in event order: an event is compared with those of its priority only.
        var seen = new Dictionary<int, List<(Function Function, AlbEvent Event, string? Listener)>>();
        foreach (var function in context.Service.Functions)
        {
            foreach (var alb in function.EventsOf<AlbEvent>())
            {
                if (alb.Priority.Value is not { } priority)
                {
                    continue;
                }

                var listener = Listener(alb);
                if (!seen.TryGetValue(priority, out var sharing))
                {
                    seen.Add(priority, sharing = []);
                }

                var taken = sharing.FirstOrDefault(s => s.Function == function || (listener is not null && s.Listener == listener));
                if (taken.Event is not null)
                {
                    var where = taken.Function == function ? $"another alb event of function '{function.Key}'" : $"function '{taken.Function.Key}' on the same listener";
                    context.Report(alb.Priority.Node, $"alb priority {alb.Priority.Node.Display} of function '{function.Key}' is already used by {where}",
                        related: [taken.Event.Priority.Node.Related($"priority {taken.Event.Priority.Node.Display} is used here")]);
                }

                sharing.Add((function, alb, listener));
            }
        }
    }

    /// <summary>The listener as written (an ARN or a Ref), or null when it cannot be compared offline.</summary>
    private static string? Listener(AlbEvent alb) =>
        alb.ListenerLiteral ?? (alb.ListenerRefName is { } name ? "Ref " + name : null);
}
