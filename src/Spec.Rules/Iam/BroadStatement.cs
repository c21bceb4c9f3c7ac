using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Iam;

/// <summary>SLS-IAM-003: IAM statement too broad.</summary>
public sealed class BroadStatement : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-IAM-003",
        Title = "IAM statement too broad",
        DefaultSeverity = Severity.Warning,
        Category = "Iam",
        Description = "An `Allow` statement grants write or `iam:PassRole` actions on `Resource: \"*\"`, or uses `NotAction`/`NotResource`.",
        Rationale = "Write or PassRole on every resource allows privilege escalation and data loss; `NotAction`/`NotResource` allow everything not listed, including future actions.",
        HowToFix = "Name the resources; replace `NotAction`/`NotResource` with explicit lists.",
        FailingExample = """
            - Effect: Allow
              Action: iam:PassRole
              Resource: '*'
            """,
        PassingExample = """
            - Effect: Allow
              Action: iam:PassRole
              Resource: arn:aws:iam::123456789012:role/worker
            """,
        Tags = [RuleTags.Security],
        Anchors =
        [
            "cfn_nag W11",
            "cfn_nag F38",
            "cfn_nag W15",
            "cfn_nag W21",
            "checkov CKV_AWS_111",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var statement in IamStatements.All(context))
        {
            if (!statement.IsAllow)
            {
                continue;
            }

            var everything = statement.Resources.FirstOrDefault(r => r.Text() == "*");
            var writes = statement.Actions.Where(a => a.Text() is { } action && IsWriteAction(action)).Select(a => a.Display).ToList();
            if (everything is not null && writes.Count > 0)
            {
                context.Report(everything, $"a statement in {statement.Where} allows {string.Join(", ", writes)} on every resource (\"*\")");
            }

            foreach (var key in new[] { "NotAction", "NotResource" })
            {
                if (statement.Node.KeyOf(key) is { } negation)
                {
                    context.Report(negation, $"a statement in {statement.Where} combines Allow with {key}: it allows everything not listed");
                }
            }
        }
    }

    private static readonly string[] WriteVerbs =
    [
        "Put", "Delete", "Create", "Update", "Write", "Attach", "Detach", "Modify", "Remove", "Add", "Replace",
        "Restore", "Set", "PassRole",
    ];

    /// <summary>Actions AWS only grants on "*": no resource-level permissions exist for them.</summary>
    private static readonly string[] ResourceLess =
    [
        "xray:*", "cloudwatch:PutMetricData", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses", "ec2:DescribeNetworkInterfaces",
    ];

    /// <summary>True for <c>iam:PassRole</c>, service wildcards (<c>s3:*</c>) and write verbs (<c>s3:Put*</c>, <c>dynamodb:DeleteItem</c>).</summary>
    internal static bool IsWriteAction(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || ResourceLess.Any(r => IamStatements.Matches(r, action)))
        {
            return false;
        }

        var verb = action[(colon + 1)..];
        var star = verb.IndexOf('*', StringComparison.Ordinal);
        var literal = star < 0 ? verb : verb[..star];
        return WriteVerbs.Any(w => star < 0
            ? verb.StartsWith(w, StringComparison.OrdinalIgnoreCase)
            : w.StartsWith(literal, StringComparison.OrdinalIgnoreCase) || literal.StartsWith(w, StringComparison.OrdinalIgnoreCase));
    }
}
