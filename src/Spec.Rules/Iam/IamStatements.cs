using System.Text.RegularExpressions;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Iam;

/// <summary>
/// One IAM policy statement of the spec: from <c>provider.iam.role.statements</c>, the deprecated
/// <c>provider.iamRoleStatements</c>, a function's <c>iamRoleStatements</c> (per-function plugin), or an IAM
/// role/policy in <c>resources</c>. <see cref="Function"/> is set for per-function statements.
/// </summary>
public sealed record PolicyStatement(MappingNode Node, Function? Function, string Where)
{
    public bool IsAllow => Node["Effect"].Text() == "Allow";

    public IReadOnlyList<Node> Actions => [.. Node["Action"].Items()];

    public IReadOnlyList<Node> Resources => [.. Node["Resource"].Items()];
}

public static class IamStatements
{
    private static readonly string[] PolicyResourceTypes = ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"];

    /// <summary>Every statement of the spec: the IAM settings' (the provider's, then each function's), then those of
    /// the IAM roles and policies in <c>resources</c>. Made once per run and shared by the rules that read them (each of
    /// them walked every function's settings again).</summary>
    public static IReadOnlyList<PolicyStatement> All(RuleContext context) => Shared(context).Statements;

    /// <summary>The statements of the spec's own IAM settings, without those in <c>resources</c>; shared like
    /// <see cref="All(RuleContext)"/>.</summary>
    public static IEnumerable<PolicyStatement> OfSettings(RuleContext context)
    {
        var shared = Shared(context);
        return shared.Statements.Take(shared.OfSettings);
    }

    private static SharedStatements Shared(RuleContext context)
    {
        var resources = context.Shared(static s => new ResourceIndex(s));
        return context.Shared(service =>
        {
            var statements = OfSettings(service).ToList();
            var ofSettings = statements.Count;
            statements.AddRange(OfResources(resources));
            return new SharedStatements(statements, ofSettings);
        });
    }

    /// <summary>The statements in <see cref="All(RuleContext)"/>'s order, the first <paramref name="OfSettings"/> of
    /// them from the IAM settings.</summary>
    private sealed record SharedStatements(IReadOnlyList<PolicyStatement> Statements, int OfSettings);

    private static IEnumerable<PolicyStatement> OfSettings(Service service)
    {
        var provider = service.Root["provider"];
        foreach (var statement in Statements(provider.At("iam", "role", "statements")))
        {
            yield return new PolicyStatement(statement, null, "provider.iam.role.statements");
        }

        foreach (var statement in Statements(provider.At("iamRoleStatements")))
        {
            yield return new PolicyStatement(statement, null, "provider.iamRoleStatements");
        }

        foreach (var function in service.Functions)
        {
            foreach (var statement in Statements(function.Node["iamRoleStatements"]))
            {
                yield return new PolicyStatement(statement, function, $"functions.{function.Key}.iamRoleStatements");
            }
        }
    }

    private static IEnumerable<PolicyStatement> OfResources(ResourceIndex resources)
    {
        foreach (var resource in resources.All)
        {
            IEnumerable<Node?> documents = resource.Type?.Value switch
            {
                "AWS::IAM::Role" => resource.Property("Policies").Items().Select(p => p.At("PolicyDocument")),
                _ when PolicyResourceTypes.Contains(resource.Type?.Value, StringComparer.Ordinal) => [resource.Property("PolicyDocument")],
                _ => [],
            };
            foreach (var statement in documents.SelectMany(d => Statements(d.At("Statement"))))
            {
                yield return new PolicyStatement(statement, null, $"resources.{resource.LogicalId}");
            }
        }
    }

    /// <summary>
    /// IAM wildcard matching (<c>*</c>, <c>?</c>), case-insensitive, of a pattern written in a policy against a concrete
    /// action or ARN. A null pattern (an intrinsic) matches nothing; NUL placeholders of intrinsic parts match anything.
    /// </summary>
    public static bool Matches(string? pattern, string value)
    {
        if (pattern is null)
        {
            return false;
        }

        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal)
            .Replace("\\?", ".", StringComparison.Ordinal).Replace("\0", ".*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static IEnumerable<MappingNode> Statements(Node? node) => node.Items().OfType<MappingNode>();
}
