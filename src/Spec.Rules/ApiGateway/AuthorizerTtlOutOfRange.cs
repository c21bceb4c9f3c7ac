using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-006: Authorizer cache TTL out of range.</summary>
public sealed class AuthorizerTtlOutOfRange : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-006",
        Title = "Authorizer cache TTL out of range",
        DefaultSeverity = Severity.Error,
        Category = "ApiGateway",
        Description = "An authorizer's `resultTtlInSeconds` must be between 0 and 3600.",
        Rationale = "API Gateway rejects the authorizer.",
        HowToFix = "Use a TTL between 0 and 3600 seconds.",
        FailingExample = """
            authorizer:
              name: auth
              resultTtlInSeconds: 7200
            """,
        PassingExample = """
            authorizer:
              name: auth
              resultTtlInSeconds: 3600
            """,
        Anchors =
        [
            "cfn-lint E3718",
            "Serverless provider.js resultTtlInSeconds",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["apiGateway.authorizerResultTtl"];
        foreach (var function in context.Service.Functions)
        {
            foreach (var http in function.EventsOf<HttpEvent>())
            {
                if (http.Authorizer?.ResultTtlInSeconds is { IsWritten: true, Value: { } ttl, Node: { } node } && !limit.Contains(ttl))
                {
                    context.Report(node, $"resultTtlInSeconds {node.Display} of the authorizer of function '{function.Key}' is outside {limit.RangeText}");
                }
            }
        }

        foreach (var authorizer in context.Service.Provider.HttpApi?.Authorizers ?? [])
        {
            if (authorizer.ResultTtlInSeconds is { Value: { } ttl } setting && !limit.Contains(ttl))
            {
                context.Report(setting.Node, $"resultTtlInSeconds {setting.Node.Display} of authorizer '{authorizer.Key}' is outside {limit.RangeText}");
            }
        }
    }
}
