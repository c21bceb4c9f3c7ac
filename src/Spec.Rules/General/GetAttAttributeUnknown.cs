using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-012: <c>Fn::GetAtt</c> asks a resource for an attribute its type does not have.</summary>
public sealed class GetAttAttributeUnknown : Rule
{
    /// <summary>The sections whose values reach the template (as SLS-GEN-008 reads them).</summary>
    private static readonly string[] CheckedSections = ["provider", "functions", "layers", "resources"];

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-012",
        Title = "Fn::GetAtt attribute the resource type does not have",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "An `Fn::GetAtt` (`!GetAtt Id.Attribute`, `Fn::GetAtt: [Id, Attribute]`, or `${Id.Attribute}` in a `Fn::Sub`; in `resources` or in the spec's own values) names a resource — " +
                      "one in `resources`, or one the Framework-compatible plan generates (`HelloLambdaFunction`, `IamRoleLambdaExecution`, …) — whose CloudFormation registry schema " +
                      "does not list the attribute (its read-only properties, nested ones as `A.B`, and for the legacy types that also return writable properties, those). " +
                      "Custom resources (`Custom::*`, `AWS::CloudFormation::CustomResource`), types without a registry schema and an attribute built by a function are not judged.",
        Rationale = "CloudFormation rejects the template (\"Template error: resource … does not support attribute type … in Fn::GetAtt\") and the deployment fails before any resource changes.",
        HowToFix = "Use one of the attributes the message lists (the resource type's \"Return values\" in the CloudFormation reference); to get a writable property such as a table's name, use `!Ref` when it returns it, or the value itself.",
        FailingExample = """
            environment:
              TABLE_NAME: !GetAtt Orders.TableName   # AWS::DynamoDB::Table returns Arn and StreamArn
            """,
        PassingExample = """
            environment:
              TABLE_NAME: !Ref Orders
              TABLE_ARN: !GetAtt Orders.Arn
            """,
        Anchors =
        [
            "cfn-lint E1010",
            "cfn-lint E1019",
            "AWS resource provider schemas, readOnlyProperties (tools/cfn-schemas/generate.py)",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html",
        ],
    };

    public override bool ReadsGeneratedResources => true;

    public override void Check(RuleContext context)
    {
        var service = context.Service;
        var sections = new List<List<GetAttTarget>>();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in service.Root.Entries)
        {
            if (!CheckedSections.Contains(entry.Key.Text, StringComparer.Ordinal))
            {
                continue;
            }

            var found = new List<GetAttTarget>();
            GetAtts(entry.Value, found);
            sections.Add(found);
            foreach (var target in found)
            {
                referenced.Add(target.Id);
            }
        }

        // The type of each referenced resource, and its expression when it came from ${env:} or ${file()} (never shown,
        // nor its attributes): only the few ids a GetAtt names, not the tens of thousands the plan generates.
        var types = new Dictionary<string, (string Type, string? Expression)>(StringComparer.Ordinal);
        if (referenced.Count > 0)
        {
            foreach (var generated in context.Input.GeneratedResources())
            {
                if (referenced.Contains(generated.LogicalId))
                {
                    types[generated.LogicalId] = (generated.Type, null);
                }
            }
        }

        // A resources: entry with a generated id overrides it; its own Type wins when it has one.
        foreach (var resource in service.Resources.Resources)
        {
            if (resource.Type?.Value is { } type)
            {
                types[resource.LogicalId] = (type, resource.Type.Node.IsSensitive ? resource.Type.Node.Display : null);
            }
        }

        foreach (var found in sections)
        {
            foreach (var (node, id, attribute, shown) in found)
            {
                if (!types.TryGetValue(id, out var typed) || IsCustom(typed.Type) || CfnConstraints.Default.AttributesOf(typed.Type) is not { } attributes
                    || attributes.Accepts(attribute))
                {
                    continue;
                }

                context.Report(node, (shown.IdExpression, typed.Expression) switch
                {
                    ({ } idExpression, _) => $"{idExpression} names a resource that has no attribute {shown.Attribute(attribute)}",
                    (null, { } typeExpression) => $"'{id}' is a resource of type {typeExpression}, which has no attribute {shown.Attribute(attribute)}",
                    _ => Message(id, typed.Type, attribute, shown.AttributeExpression, attributes.Names),
                });
            }
        }
    }

    private static bool IsCustom(string type) =>
        type.StartsWith("Custom::", StringComparison.Ordinal) || type == "AWS::CloudFormation::CustomResource"
        || type.StartsWith("AWS::Serverless::", StringComparison.Ordinal);

    private static string Message(string id, string type, string attribute, string? attributeExpression, IReadOnlyList<string> names)
    {
        var shownAttribute = attributeExpression ?? $"'{attribute}'";
        if (names.Count == 0)
        {
            return $"'{id}' is an {type}, which has no Fn::GetAtt attributes; {shownAttribute} cannot be read from it";
        }

        // A sensitive attribute gets no spelling hint: the hint would spell it.
        var closest = attributeExpression is not null ? null : names.Select(n => (Name: n, Distance: KeySuggester.Distance(n.ToUpperInvariant(), attribute.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Max(2, attribute.Length / 4)).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).FirstOrDefault();
        var shown = names.Count <= 12 ? string.Join(", ", names) : string.Join(", ", names.Take(12)) + ", …";
        return $"'{id}' is an {type}, which has no attribute {shownAttribute} (Fn::GetAtt accepts: {shown})"
               + (closest is null ? string.Empty : $"; did you mean '{closest}'?");
    }

    /// <summary>Every <c>Fn::GetAtt</c> under a node whose logical id and attribute are literal text, and every
    /// <c>${Id.Attribute}</c> of a <c>Fn::Sub</c> (a GetAtt too) that is not one of its own variables.</summary>
    private static void GetAtts(Node node, List<GetAttTarget> found)
    {
        if (node is MappingNode { Entries.Count: 1 } m && m.Entries[0].Key.Text == "Fn::GetAtt"
            && Target(m.Entries[0].Value) is { } target)
        {
            found.Add(new GetAttTarget(m, target.Id, target.Attribute, Shown(m.Entries[0].Value)));
        }

        if (node is MappingNode { Entries.Count: 1 } sub && sub.Entries[0].Key.Text == "Fn::Sub")
        {
            // A template from ${env:} or ${file()} is shown whole by its expression: its parts spell the value.
            var template = sub.Entries[0].Value is SequenceNode { Items.Count: >= 1 } q ? q.Items[0] : sub.Entries[0].Value;
            var shown = template.IsSensitive ? new SensitiveParts(template.Display, template.Display) : SensitiveParts.None;
            foreach (var (id, attribute) in SubTargets(sub.Entries[0].Value))
            {
                found.Add(new GetAttTarget(sub, id, attribute, shown));
            }
        }

        NodeChildren.Visit(node, found, GetAtts);
    }

    /// <summary>The <c>${Id.Attribute}</c> references of a <c>Fn::Sub</c> template (<c>${!…}</c> is literal text; a name
    /// of the variable map is not a resource).</summary>
    private static IEnumerable<(string Id, string Attribute)> SubTargets(Node argument)
    {
        var (template, variables) = argument switch
        {
            ScalarNode { IsNull: false } s => (s.Text, null),
            SequenceNode { Items.Count: >= 1 } q when q.Items[0] is ScalarNode { IsNull: false } t => (t.Text, q.Items.Count > 1 ? q.Items[1] as MappingNode : null),
            _ => ((string?)null, (MappingNode?)null),
        };
        if (template is null)
        {
            yield break;
        }

        for (var i = template.IndexOf("${", StringComparison.Ordinal); i >= 0; i = template.IndexOf("${", i + 2, StringComparison.Ordinal))
        {
            var end = template.IndexOf('}', i);
            if (end < 0)
            {
                yield break;
            }

            var name = template[(i + 2)..end].Trim();
            if (!name.StartsWith('!') && name.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && variables?[name] is null
                && dot < name.Length - 1)
            {
                yield return (name[..dot], name[(dot + 1)..]);
            }
        }
    }

    /// <summary>A <c>Fn::GetAtt</c> (or <c>${Id.Attribute}</c>) found, and how a message shows its parts.</summary>
    private sealed record GetAttTarget(Node Node, string Id, string Attribute, SensitiveParts Shown);

    /// <summary>The expressions of a reference's id and attribute that came from <c>${env:}</c> or <c>${file()}</c>
    /// (null: written, shown as is).</summary>
    private sealed record SensitiveParts(string? IdExpression, string? AttributeExpression)
    {
        public static readonly SensitiveParts None = new(null, null);

        public string Attribute(string attribute) => AttributeExpression ?? $"'{attribute}'";
    }

    /// <summary><c>Id.A.B</c> from one value spells both parts; <c>[Id, A.B]</c> each its own.</summary>
    private static SensitiveParts Shown(Node argument) => argument switch
    {
        ScalarNode { IsSensitive: true } s => new SensitiveParts(s.Display, s.Display),
        SequenceNode { Items.Count: 2 } q => new SensitiveParts(q.Items[0].IsSensitive ? q.Items[0].Display : null,
            q.Items[1].IsSensitive ? q.Items[1].Display : null),
        _ => SensitiveParts.None,
    };

    /// <summary><c>Id.A.B</c> → (Id, A.B); <c>[Id, A.B]</c> likewise; null when either part is not literal (a function,
    /// an unresolved variable).</summary>
    private static (string Id, string Attribute)? Target(Node argument)
    {
        var (id, attribute) = argument switch
        {
            ScalarNode { IsNull: false, Kind: ScalarKind.String } s when s.Text.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot
                => (s.Text[..dot], s.Text[(dot + 1)..]),
            SequenceNode { Items.Count: 2 } q when q.Items[0] is ScalarNode { IsNull: false } first && q.Items[1] is ScalarNode { IsNull: false } second
                => (first.Text, second.Text),
            _ => (null, null),
        };
        return id is null || attribute is null || attribute.Length == 0 || (id + attribute).Contains("${", StringComparison.Ordinal)
            ? null
            : (id, attribute);
    }
}
