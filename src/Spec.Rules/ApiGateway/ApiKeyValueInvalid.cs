using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-013: API key value of a length API Gateway rejects.</summary>
public sealed class ApiKeyValueInvalid : Rule
{
    private const int MinimumLength = 20;

    private const int MaximumLength = 128;

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-013",
        Title = "API key value too short or too long",
        DefaultSeverity = Severity.Error,
        Category = "ApiGateway",
        Description = "A `provider.apiGateway.apiKeys` entry sets a `value` shorter than 20 or longer than 128 characters.",
        Rationale = "`CreateApiKey` rejects the value (\"API Key value should be at least 20 characters\"), so the deployment fails; the Framework and the CloudFormation schema do not check its length.",
        HowToFix = "Use a value of 20 to 128 characters (a generated secret, e.g. from SSM: `${ssm:/partner/api-key}`), or leave `value` out and let API Gateway generate one.",
        FailingExample = """
            apiKeys:
              - name: partner
                value: short-key
            """,
        PassingExample = """
            apiKeys:
              - name: partner
                value: 9f2c1a7e5b3d4c6a8e0f1b2d3c4a5e6f
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-basic-concept.html#apigateway-definition-api-key",
            "https://docs.aws.amazon.com/apigateway/latest/api/API_CreateApiKey.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        if (context.Service.Provider.ApiGateway is not { } apiGateway)
        {
            return;
        }

        foreach (var key in apiGateway.ApiKeyDefinitions.SelectMany(k => k.GroupMembers.Prepend(k)))
        {
            if (key.Value is ScalarNode { IsNull: false, IsSensitive: false } value
                && value.Text.Length is < MinimumLength or > MaximumLength)
            {
                context.Report(value, $"API key value is {value.Text.Length} characters long; API Gateway accepts {MinimumLength} to {MaximumLength}");
            }
        }
    }
}
