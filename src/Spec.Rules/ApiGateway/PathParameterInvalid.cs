using System.Buffers;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-010: A route path API Gateway refuses: malformed parameters, a greedy parameter before the end,
/// a repeated name, an empty segment, or (REST) two names for one variable path part.</summary>
public sealed class PathParameterInvalid : Rule
{
    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-010",
        Title = "Path parameters malformed",
        DefaultSeverity = Severity.Error,
        Category = "ApiGateway",
        Description = "An `http` or `httpApi` path has a segment that mixes text and a parameter or is not a well-formed `{name}`/`{name+}`, a greedy `{name+}` that is not the last segment (or two of them), a parameter name used twice, an empty segment; or two `http` routes give the same variable path part different names (`/users/{id}` and `/users/{userId}/orders`).",
        Rationale = "API Gateway creates one resource per path part: it rejects a part that is not literal text or one whole parameter, a greedy parameter with children, and a second variable child under one parent (`A sibling ({id}) of this resource already has a variable path part`); the deployment fails.",
        HowToFix = "Make each parameter a whole segment (`/files/{name}` instead of `/files/{name}.json`), put `{proxy+}` last, and use one name per variable path part across routes.",
        FailingExample = """
            - http: GET users/{id}
            - http: GET users/{userId}/orders
            """,
        PassingExample = """
            - http: GET users/{id}
            - http: GET users/{id}/orders
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html#setup-method-resources",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        var variableChildren = new Dictionary<string, (string Name, Node At)>(StringComparer.Ordinal);
        foreach (var function in context.Service.Functions)
        {
            foreach (var http in function.EventsOf<HttpEvent>())
            {
                if (http.Path.Value is not { } path)
                {
                    continue;
                }

                // A path from ${env:} is shown by its expression, and so are its segments and parameter names.
                var hidden = ShownText.IsHidden(http.Path.Node);
                var segments = Segments(path);
                if (Problem(path, segments, hidden) is { } problem)
                {
                    context.Report(http.Path.Node, $"path '{ShownText.Of(http.Path.Node, path)}' of the http event of function '{function.Key}': {problem}");
                }
                else if (SiblingConflict(segments, http.Path.Node, variableChildren) is { } conflict)
                {
                    context.Report(http.Path.Node, $"path '{ShownText.Of(http.Path.Node, path)}' of the http event of function '{function.Key}': {conflict.Message}",
                        related: [conflict.Other.Related("the other name is used here")]);
                }
            }

            foreach (var httpApi in function.EventsOf<HttpApiEvent>())
            {
                if (httpApi.Path.Value is { } path && !httpApi.IsDefaultRoute && Problem(path, Segments(path), ShownText.IsHidden(httpApi.Path.Node)) is { } problem)
                {
                    context.Report(httpApi.Path.Node, $"path '{ShownText.Of(httpApi.Path.Node, path)}' of the httpApi event of function '{function.Key}': {problem}");
                }
            }
        }
    }

    private static string[] Segments(string path) => path.Trim().Trim('/').Split('/');

    /// <summary>What is wrong with <paramref name="path"/> (split into <paramref name="segments"/>); <paramref name="hidden"/>: it came from <c>${env:}</c> or
    /// <c>${file()}</c>, so the problem names no segment of it.</summary>
    private static string? Problem(string path, string[] segments, bool hidden)
    {
        if (path.Trim().Trim('/').Length == 0)
        {
            return null;
        }

        HashSet<string>? names = null;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                return "it has an empty segment ('//')";
            }

            if (!segment.Contains('{', StringComparison.Ordinal) && !segment.Contains('}', StringComparison.Ordinal))
            {
                continue;
            }

            if (Parameter(segment) is not var (nameLength, greedy))
            {
                return $"{(hidden ? "a segment" : $"segment '{segment}'")} is not one whole parameter ('{{name}}' or '{{name+}}' with letters, digits, '.', '-', '_')";
            }

            var name = segment.Substring(1, nameLength);
            if (!(names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
            {
                return hidden ? "a parameter appears twice" : $"parameter '{name}' appears twice";
            }

            if (greedy && i != segments.Length - 1)
            {
                return hidden ? "a greedy parameter ('{name+}') must be the last segment" : $"the greedy parameter '{segment}' must be the last segment";
            }
        }

        return null;
    }

    private static (string Message, Node Other)? SiblingConflict(string[] segments, Node at, Dictionary<string, (string Name, Node At)> seen)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (Parameter(segment) is null)
            {
                continue;
            }

            // The segments before this one, each after a '/', made only for a variable part.
            var parent = i == 0 ? string.Empty : "/" + string.Join('/', segments, 0, i);
            var name = segment;
            if (seen.TryGetValue(parent, out var other) && other.Name != name)
            {
                if (ShownText.IsHidden(at) || ShownText.IsHidden(other.At))
                {
                    return ("a parent path of it already has another variable path part name from another route; API Gateway allows one variable part per parent, so both routes must call it the same", other.At);
                }

                return ($"'{parent}/' already has the variable path part '{other.Name}' from another route; API Gateway allows one variable part per parent, so both routes must call it the same", other.At);
            }

            seen.TryAdd(parent, (name, at));
        }

        return null;
    }

    /// <summary>
    /// A segment that is one whole parameter, <c>{name}</c> or <c>{name+}</c> (the name of letters, digits, '.', '-',
    /// '_'): the name's length (it starts after the '{') and whether it is greedy; null for any other segment. As the
    /// pattern <c>^\{(?&lt;name&gt;[A-Za-z0-9._-]+)(?&lt;greedy&gt;\+)?\}$</c> matches, whose <c>$</c> also matches
    /// before a final line feed, without a match object per segment.
    /// </summary>
    internal static (int NameLength, bool Greedy)? Parameter(string segment)
    {
        var text = segment.AsSpan();
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        if (text.Length < 3 || text[0] != '{' || text[^1] != '}')
        {
            return null;
        }

        var inner = text[1..^1];
        var greedy = inner.EndsWith('+');
        var name = greedy ? inner[..^1] : inner;
        return name.Length > 0 && !name.ContainsAnyExcept(NameCharacters) ? (name.Length, greedy) : null;
    }
}
