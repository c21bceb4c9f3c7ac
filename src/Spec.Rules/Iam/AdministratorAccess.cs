using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Iam;

/// <summary>SLS-IAM-002: IAM statement grants administrator access.</summary>
public sealed class AdministratorAccess : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-IAM-002",
        Title = "IAM statement grants administrator access",
        DefaultSeverity = Severity.Error,
        Category = "Iam",
        Description = "An `Allow` statement has both `Action: \"*\"` and `Resource: \"*\"`.",
        Rationale = "The function gets full administrator rights over the account.",
        HowToFix = "List the actions and resources the function needs.",
        FailingExample = """
            - Effect: Allow
              Action: '*'
              Resource: '*'
            """,
        PassingExample = """
            - Effect: Allow
              Action: dynamodb:GetItem
              Resource: <table arn>
            """,
        Tags = [RuleTags.Security],
        Anchors =
        [
            "checkov CKV_AWS_1",
            "checkov CKV_AWS_62",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var statement in IamStatements.All(context))
        {
            if (!statement.IsAllow || !statement.Resources.Any(r => r.Text() == "*"))
            {
                continue;
            }

            foreach (var action in statement.Actions.Where(a => a.Text() == "*"))
            {
                context.Report(action, $"a statement in {statement.Where} allows every action on every resource: administrator access");
            }
        }
    }
}
