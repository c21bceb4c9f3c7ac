using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Cognito;

/// <summary>SLS-COGNITO-003: Cognito user pool or app client setting outside what Cognito accepts.</summary>
public sealed class UserPoolSettingOutOfRange : Rule
{
    /// <summary>A token's validity limits in minutes, and the unit Cognito reads a bare number in.</summary>
    private sealed record TokenLimit(string Property, string UnitKey, string DefaultUnit, long MinMinutes, long MaxMinutes, string RangeText);

    private static readonly TokenLimit[] Tokens =
    [
        new("RefreshTokenValidity", "RefreshToken", "days", 60, 3650L * 24 * 60, "60 minutes to 3650 days"),
        new("AccessTokenValidity", "AccessToken", "hours", 5, 24 * 60, "5 minutes to 1 day"),
        new("IdTokenValidity", "IdToken", "hours", 5, 24 * 60, "5 minutes to 1 day"),
    ];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-COGNITO-003",
        Title = "Cognito user pool or app client setting out of range",
        DefaultSeverity = Severity.Error,
        Category = "Cognito",
        Description = "An `AWS::Cognito::UserPool`'s `Policies.PasswordPolicy.MinimumLength` is outside 6-99 or `TemporaryPasswordValidityDays` outside 0-365, " +
                      "or an `AWS::Cognito::UserPoolClient`'s token validity, in its `TokenValidityUnits` (days for the refresh token, hours for the others when not set), " +
                      "is outside 60 minutes-3650 days (refresh) or 5 minutes-1 day (access, ID).",
        Rationale = "`CreateUserPool` and `CreateUserPoolClient` reject the values, so the deployment fails; the CloudFormation schema does not bound them (the token limits depend on the unit).",
        HowToFix = "Keep the password length within 6-99, and the token validity within its range in the unit `TokenValidityUnits` gives it.",
        FailingExample = """
            Type: AWS::Cognito::UserPoolClient
            Properties:
              RefreshTokenValidity: 4000
            """,
        PassingExample = """
            Type: AWS::Cognito::UserPoolClient
            Properties:
              RefreshTokenValidity: 3650
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html",
            "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var resource in context.Service.Resources.Resources)
        {
            if (resource.IsType("AWS::Cognito::UserPool"))
            {
                var policy = resource.Property("Policies").At("PasswordPolicy");
                ReportOutside(context, policy.At("MinimumLength"), 6, 99, $"PasswordPolicy.MinimumLength of user pool '{resource.LogicalId}'", "6-99");
                ReportOutside(context, policy.At("TemporaryPasswordValidityDays"), 0, 365, $"PasswordPolicy.TemporaryPasswordValidityDays of user pool '{resource.LogicalId}'", "0-365");
            }
            else if (resource.IsType("AWS::Cognito::UserPoolClient"))
            {
                foreach (var token in Tokens)
                {
                    if (resource.Property(token.Property) is not ScalarNode value || value.Integer() is not { } amount)
                    {
                        continue;
                    }

                    var written = resource.Property("TokenValidityUnits").At(token.UnitKey);
                    if (written is not null && written.Text() is null)
                    {
                        continue;
                    }

                    var unit = written.Text() ?? token.DefaultUnit;
                    if (MinutesPer(unit) is { } perUnit && (amount * perUnit < token.MinMinutes || amount * perUnit > token.MaxMinutes))
                    {
                        context.Report(value, $"{token.Property} {value.Display} {written?.Display ?? unit} of app client '{resource.LogicalId}' is outside {token.RangeText}");
                    }
                }
            }
        }
    }

    private static void ReportOutside(RuleContext context, Node? node, long min, long max, string what, string range)
    {
        if (node is ScalarNode value && value.Integer() is { } number && (number < min || number > max))
        {
            context.Report(value, $"{what} is {value.Display}, outside {range}");
        }
    }

    private static long? MinutesPer(string unit) => unit switch
    {
        "seconds" => null,
        "minutes" => 1,
        "hours" => 60,
        "days" => 24 * 60,
        _ => null,
    };
}
