using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-006: Hard-coded AWS credentials in environment.</summary>
public sealed partial class HardCodedAwsCredentials : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-006",
        Title = "Hard-coded AWS credentials in environment",
        DefaultSeverity = Severity.Warning,
        Category = "General",
        Description = "An `environment` value of the provider or a function looks like an AWS access key id or secret access key.",
        Rationale = "Credentials in the spec end up in version control, in the CloudFormation template and in the Lambda console.",
        HowToFix = "Remove the key, rotate it, and give the function an IAM role or read the secret from SSM or Secrets Manager at runtime.",
        FailingExample = """
            provider:
              environment:
                UPLOAD_KEY_ID: AKIAZ7EXAMPLEKEY0042
            """,
        PassingExample = """
            provider:
              environment:
                UPLOAD_KEY_ID: ${ssm:/demo/upload-key-id}
            """,
        Tags = [RuleTags.Security, "secrets"],
        Anchors =
        [
            "checkov CKV_AWS_41",
            "checkov CKV_AWS_45",
        ],
    };

    public override void Check(RuleContext context)
    {
        var reported = new HashSet<SourceSpan>();
        var variables = context.Service.Provider.Environment
            .Concat(context.Service.Functions.SelectMany(f => f.Environment));
        foreach (var variable in variables)
        {
            if (variable.Value is not ScalarNode { IsNull: false, IsSensitive: false } value || value.Origin is not null)
            {
                continue;
            }

            var kind = AccessKeyId().IsMatch(value.Text) ? "an AWS access key id"
                : variable.Name.Contains("SECRET", StringComparison.OrdinalIgnoreCase) && SecretKey().IsMatch(value.Text) ? "an AWS secret access key"
                : null;
            if (kind is not null && reported.Add(value.Span))
            {
                context.Report(value, $"environment variable '{variable.Name}' holds what looks like {kind}");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])")]
    private static partial System.Text.RegularExpressions.Regex AccessKeyId();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9/+=]{40}$")]
    private static partial System.Text.RegularExpressions.Regex SecretKey();
}
