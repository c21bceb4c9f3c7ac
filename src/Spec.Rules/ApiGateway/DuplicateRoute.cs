using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-004: Duplicate API route.</summary>
public sealed class DuplicateRoute : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-004",
        Title = "Duplicate API route",
        DefaultSeverity = Severity.Error,
        Category = "ApiGateway",
        Description = "Two `httpApi` events declare the same `METHOD /path`, or two `http` events the same method and path.",
        Rationale = "The Framework throws DUPLICATE_HTTP_API_ROUTE; for REST the second method overwrites the first.",
        HowToFix = "Remove or rename one of the routes.",
        FailingExample = """
            list:
              events:
                - httpApi: GET /users
            listAgain:
              events:
                - httpApi: GET /users
            """,
        PassingExample = """
            list:
              events:
                - httpApi: GET /users
            create:
              events:
                - httpApi: POST /users
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "Serverless DUPLICATE_HTTP_API_ROUTE",
        ],
    };

    public override void Check(RuleContext context)
    {
        var httpApiRoutes = new Dictionary<string, (Function Function, Node Node)>(StringComparer.Ordinal);
        var restRoutes = new Dictionary<string, (Function Function, Node Node)>(StringComparer.Ordinal);
        foreach (var function in context.Service.Functions)
        {
            // By index: a foreach over the read-only list would allocate an enumerator per function.
            var events = function.Events;
            for (var i = 0; i < events.Count; i++)
            {
                var route = events[i];
                var (table, key, at) = route switch
                {
                    HttpApiEvent h when h.IsDefaultRoute => (httpApiRoutes, "$default", h.Path.Node),
                    HttpApiEvent h when h.Path.Value is { } path && h.Method.Value is { } method =>
                        (httpApiRoutes, (method == "*" ? "ANY" : method.ToUpperInvariant()) + " " + path, h.Path.Node),
                    HttpEvent h when h.NormalizedPath is { } path && h.NormalizedMethod is { } method =>
                        (restRoutes, method + " " + (path.Length > 1 ? path.TrimEnd('/') : path), (Node)h.Path.Node),
                    _ => (null, null, null),
                };
                if (table is null || key is null || at is null)
                {
                    continue;
                }

                if (table.TryGetValue(key, out var first))
                {
                    var shown = at.IsSensitive ? at.Display : key;
                    context.Report(at, $"route '{shown}' of function '{function.Key}' is already defined by function '{first.Function.Key}'",
                        related: [first.Node.Related("first defined here")]);
                }
                else
                {
                    table.Add(key, (function, at));
                }
            }
        }
    }
}
