using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-005: Authorizer reference invalid.</summary>
public sealed class AuthorizerReferenceInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-005",
        Title = "Authorizer reference invalid",
        DefaultSeverity = Severity.Error,
        Category = "ApiGateway",
        Description = "An authorizer names a function that is not in the service, sets both `functionName` and `functionArn`, caches results without `identitySource`, or an `httpApi` event uses an authorizer not defined under `provider.httpApi.authorizers`.",
        Rationale = "The Framework rejects the configuration.",
        HowToFix = "Name a function of the service or give the authorizer's ARN; add `identitySource` when caching.",
        FailingExample = """
            - http:
                path: /report
                method: get
                authorizer: missingAuth
            """,
        PassingExample = """
            - http:
                path: /report
                method: get
                authorizer: auth   # a function of this service
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "Serverless HTTP_API_CUSTOM_AUTHORIZER_FUNCTION_NOT_FOUND_IN_SERVICE",
            "Serverless HTTP_API_CUSTOM_AUTHORIZER_BOTH_FUNCTION_ARN_AND_FUNCTION_NAME_DEFINED",
            "Serverless HTTP_API_CUSTOM_AUTHORIZER_IDENTITY_SOURCE_MISSING_WHEN_CACHING_ENABLED",
        ],
    };

    public override void Check(RuleContext context)
    {
        var service = context.Service;
        foreach (var function in service.Functions)
        {
            foreach (var http in function.EventsOf<HttpEvent>())
            {
                if (http.Authorizer is { Name: { Value: { } name } nameNode, Arn: null, AuthorizerId: null } authorizer
                    && !NonFunctionTypes.Contains(authorizer.Type?.Value ?? name, StringComparer.OrdinalIgnoreCase)
                    && !name.StartsWith("arn:", StringComparison.Ordinal)
                    && service.FindFunction(name) is null)
                {
                    context.Report(nameNode.Node, $"authorizer '{nameNode.Node.Display}' of function '{function.Key}' is not a function of this service and has no 'arn'");
                }
            }

            var defined = service.Provider.HttpApi?.Authorizers.Select(a => a.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var httpApi in function.EventsOf<HttpApiEvent>())
            {
                if (httpApi.Authorizer is { Name: { Value: { } name } nameNode, Id: null } authorizer
                    && !string.Equals(authorizer.Type?.Value, "aws_iam", StringComparison.OrdinalIgnoreCase)
                    && !defined.Contains(name))
                {
                    context.Report(nameNode.Node, $"authorizer '{nameNode.Node.Display}' of function '{function.Key}' is not defined under provider.httpApi.authorizers");
                }
            }
        }

        foreach (var authorizer in service.Provider.HttpApi?.Authorizers ?? [])
        {
            if (authorizer.FunctionName is { } functionName && authorizer.FunctionArn is { } functionArn)
            {
                context.Report(functionArn.Node, $"authorizer '{authorizer.Key}' sets both functionName and functionArn",
                    related: [functionName.Node.Related("functionName is set here")]);
            }
            else if (authorizer.FunctionName is { Value: { } name } fn && service.FindFunction(name) is null)
            {
                context.Report(fn.Node, $"authorizer '{authorizer.Key}' names function '{fn.Node.Display}', which is not in this service");
            }

            if (authorizer.ResultTtlInSeconds is { Value: > 0 } ttl && authorizer.IdentitySource.Count == 0
                && string.Equals(authorizer.Type.Value, "request", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(ttl.Node, $"authorizer '{authorizer.Key}' caches results (resultTtlInSeconds {ttl.Node.Display}) but sets no identitySource");
            }
        }
    }

    private static readonly string[] NonFunctionTypes = ["aws_iam", "cognito_user_pools", "AWS_IAM", "COGNITO_USER_POOLS"];
}
