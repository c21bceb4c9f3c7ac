using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Cognito;

/// <summary>SLS-COGNITO-002: Two functions for the same trigger of one user pool.</summary>
public sealed class CognitoTriggerTakenTwice : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-COGNITO-002",
        Title = "Two functions for one Cognito trigger",
        DefaultSeverity = Severity.Warning,
        Category = "Cognito",
        Description = "Two `cognitoUserPool` events (on one function or on several) attach to the same `trigger` of the same `pool`.",
        Rationale = "A user pool's `LambdaConfig` holds one function per trigger source: the Framework merges the events into one configuration and the last function wins, so the others are never invoked although they get the permission.",
        HowToFix = "Keep one function per trigger and pool; call the other code from it.",
        FailingExample = """
            functions:
              audit:
                events:
                  - cognitoUserPool: {pool: users, trigger: PreSignUp}
              validate:
                events:
                  - cognitoUserPool: {pool: users, trigger: PreSignUp}
            """,
        PassingExample = """
            functions:
              validate:
                events:
                  - cognitoUserPool: {pool: users, trigger: PreSignUp}
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html",
            "Serverless events/cognito-user-pool.js (merges LambdaConfig per pool)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var first = new Dictionary<(string Pool, string Trigger), (string Function, CognitoUserPoolEvent Event)>();
        foreach (var function in context.Service.Functions)
        {
            foreach (var cognito in function.EventsOf<CognitoUserPoolEvent>())
            {
                if (cognito.Pool.Value is not { } pool || cognito.Trigger.Value is not { } trigger)
                {
                    continue;
                }

                if (first.TryGetValue((pool, trigger), out var earlier))
                {
                    context.Report(cognito.Trigger.Node,
                        $"trigger {cognito.Trigger.Node.Display} of user pool '{cognito.Pool.Node.Display}' is already attached to function '{earlier.Function}'; a pool has one function per trigger and only the last one is kept",
                        related: [earlier.Event.Trigger.Node.Related($"'{earlier.Function}' attaches to the same trigger here")]);
                }
                else
                {
                    first[(pool, trigger)] = (function.Key, cognito);
                }
            }
        }
    }
}
