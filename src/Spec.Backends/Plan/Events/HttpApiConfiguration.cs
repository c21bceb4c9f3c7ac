using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Backends.Plan;

/// <summary>
/// What the Framework's HTTP API compiler refuses before it compiles anything (<c>http-api.js:resolveConfiguration</c>):
/// CORS or authorizers on an HTTP API the stack does not create, request authorizers that name no function or two, a
/// cache without an identity source, and route authorizers that cannot be resolved.
/// </summary>
internal static class HttpApiConfiguration
{
    /// <summary>Reports each refusal as an error; false when there was one (the HTTP API is then not compiled).</summary>
    public static bool Validate(PlanContext ctx, HttpApiConfig? settings, IReadOnlyList<PlanEvent<HttpApiEvent>> events)
    {
        var valid = true;
        void Refuse(string message, Node at, string help)
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, message, at.Span, help);
            valid = false;
        }

        var external = settings?.Id is not null;
        if (external && settings!.Cors is { Enabled: true } cors)
        {
            Refuse("cannot set up CORS rules for an externally configured HTTP API (provider.httpApi.id)", cors.Node,
                "configure CORS on the HTTP API where it is defined, or remove provider.httpApi.id");
        }

        if (external && settings!.Authorizers.Count > 0)
        {
            Refuse("cannot set up authorizers for an externally configured HTTP API (provider.httpApi.id)", settings.Authorizers[0].KeyNode,
                "define the authorizers where the HTTP API is defined and reference them with 'authorizer.id'");
        }

        foreach (var a in settings?.Authorizers ?? [])
        {
            if (a.Type.LiteralOrDefault != "request")
            {
                continue;
            }

            if (a.FunctionArn is not null && a.FunctionName is not null)
            {
                Refuse($"the HTTP API authorizer '{a.Key}' sets both 'functionArn' and 'functionName'", a.KeyNode,
                    "keep one of them: 'functionName' for a function of this service, 'functionArn' for any other");
            }

            if (a.ResultTtlInSeconds is { Value: not 0 } && a.IdentitySourceValue is null)
            {
                Refuse($"the HTTP API authorizer '{a.Key}' caches results ('resultTtlInSeconds') but has no 'identitySource'",
                    a.ResultTtlInSeconds.Node, "set 'identitySource' (the cache key) or set 'resultTtlInSeconds' to 0");
            }
        }

        foreach (var e in events)
        {
            if (e.Event.Authorizer is not { } authorizer)
            {
                continue;
            }

            var where = $"the httpApi authorizer of function '{e.Function.Key}'";
            if (authorizer.Type?.Value == "aws_iam")
            {
                if (authorizer.Name is not null || authorizer.Id is not null || authorizer.Scopes.Count > 0)
                {
                    Refuse($"{where} is of type 'aws_iam', which takes no other property", authorizer.Node,
                        "remove 'name', 'id' and 'scopes', or choose another type");
                }
            }
            else if (authorizer.Id is not null && !external)
            {
                Refuse($"{where} references an external authorizer ('id'), but the HTTP API is part of this stack",
                    authorizer.Id.Node, "name an authorizer of provider.httpApi.authorizers with 'name'");
            }
            else if (authorizer.Id is null && authorizer.Name is null)
            {
                Refuse($"{where} needs 'id' or 'name'", authorizer.Node, "name an authorizer of provider.httpApi.authorizers");
            }
        }

        return valid;
    }
}
