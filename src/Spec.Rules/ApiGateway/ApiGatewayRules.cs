namespace Spec.Rules.Engine;

/// <summary>The ApiGateway rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddApiGatewayRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.ApiGateway.RestTimeoutAboveIntegrationTimeout());
        rules.Add(new Spec.Rules.ApiGateway.HttpApiTimeoutAtLimit());
        rules.Add(new Spec.Rules.ApiGateway.WebsocketTimeoutAboveIntegrationTimeout());
        rules.Add(new Spec.Rules.ApiGateway.DuplicateRoute());
        rules.Add(new Spec.Rules.ApiGateway.AuthorizerReferenceInvalid());
        rules.Add(new Spec.Rules.ApiGateway.AuthorizerTtlOutOfRange());
        rules.Add(new Spec.Rules.ApiGateway.OpenApiEndpoint());
        rules.Add(new Spec.Rules.ApiGateway.TemplatesOnProxyIntegration());
        rules.Add(new Spec.Rules.ApiGateway.ApiKeyWithoutUsagePlan());
        rules.Add(new Spec.Rules.ApiGateway.PathParameterInvalid());
        rules.Add(new Spec.Rules.ApiGateway.CorsCredentialsWithAnyOrigin());
        rules.Add(new Spec.Rules.ApiGateway.WebsocketRouteInvalid());
        rules.Add(new Spec.Rules.ApiGateway.ApiKeyValueInvalid());
    }
}
