using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Cognito;

/// <summary>SLS-COGNITO-001: Cognito user pool event invalid.</summary>
public sealed partial class CognitoUserPoolEventInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-COGNITO-001",
        Title = "Cognito user pool event invalid",
        DefaultSeverity = Severity.Error,
        Category = "Cognito",
        Description = "A function uses more than one existing user pool in `cognitoUserPool` events, or a pool name does not match `^[\\w\\s+=,.@-]+$` (at most 128 characters).",
        Rationale = "The Framework rejects the event.",
        HowToFix = "Use one existing pool per function and a valid pool name.",
        FailingExample = """
            - cognitoUserPool:
                pool: users/main
                trigger: PreSignUp
            """,
        PassingExample = """
            - cognitoUserPool:
                pool: users-main
                trigger: PreSignUp
            """,
        Anchors =
        [
            "Serverless COGNITO_MULTIPLE_USER_POOLS_PER_FUNCTION",
            "Serverless cognito-user-pool.js schema",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["cognito.userPoolName"];
        foreach (var function in context.Service.Functions)
        {
            Spanned<string?>? firstExisting = null;
            foreach (var cognito in function.EventsOf<CognitoUserPoolEvent>())
            {
                var pool = cognito.Pool;
                if (pool.Value is { } name && !pool.Node.IsIntrinsic() && (!PoolName().IsMatch(name) || !limit.Contains(name.Length)))
                {
                    context.Report(pool.Node, $"user pool name '{pool.Node.Display}' must match ^[\\w\\s+=,.@-]+$ and be {limit.RangeText} long");
                }

                if (cognito.Existing?.Value != true)
                {
                    continue;
                }

                if (firstExisting is null)
                {
                    firstExisting = pool;
                }
                else if ((pool.Value ?? pool.Node.Display) != (firstExisting.Value ?? firstExisting.Node.Display))
                {
                    context.Report(pool.Node, $"function '{function.Key}' already uses existing user pool '{firstExisting.Node.Display}'; only one existing pool per function is supported",
                        related: [firstExisting.Node.Related("the first existing pool is here")]);
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\w\s+=,.@-]+$")]
    private static partial System.Text.RegularExpressions.Regex PoolName();
}
