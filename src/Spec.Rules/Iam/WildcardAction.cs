using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Iam;

/// <summary>SLS-IAM-001: IAM statement allows every action.</summary>
public sealed class WildcardAction : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-IAM-001",
        Title = "IAM statement allows every action",
        DefaultSeverity = Severity.Warning,
        Category = "Iam",
        Description = "An `Allow` statement of the function role has `Action: \"*\"`.",
        Rationale = "The function can call any AWS API on the resource, far beyond what it needs.",
        HowToFix = "List the actions the function needs.",
        FailingExample = """
            - Effect: Allow
              Action: '*'
              Resource: <table arn>
            """,
        PassingExample = """
            - Effect: Allow
              Action: dynamodb:GetItem
              Resource: <table arn>
            """,
        Tags = [RuleTags.Security],
        Anchors =
        [
            "checkov CKV_AWS_49",
            "cfn_nag F3",
            "serverless-rules WS1003",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var statement in IamStatements.All(context))
        {
            if (!statement.IsAllow || statement.Resources.Any(r => r.Text() == "*"))
            {
                continue;
            }

            foreach (var action in statement.Actions.Where(a => a.Text() == "*"))
            {
                context.Report(action, $"a statement in {statement.Where} allows every action (\"*\")");
            }
        }
    }
}
