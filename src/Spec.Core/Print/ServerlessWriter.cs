using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Emit;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Print;

/// <summary>
/// A bound <see cref="Service"/> (read from a SAM template, or any spec) as a serverless.yml: the service, its provider,
/// <c>params</c>, functions with their events, layers and <c>resources:</c>, in that order, each as the model holds it.
/// Values the reader took from a parameter are written as <c>${param:Name}</c>; CloudFormation functions keep their
/// short tags; a key gets a comment where the reader left one (what came from <c>Globals</c>, a joined
/// <c>CodeUri</c>). Deterministic: the same model gives the same text.
/// </summary>
public static class ServerlessWriter
{
    private static readonly HashSet<string> ShortForms =
    [
        "Fn::Base64", "Fn::Cidr", "Fn::FindInMap", "Fn::GetAZs", "Fn::ImportValue", "Fn::Join", "Fn::Select",
        "Fn::Split", "Fn::Sub", "Fn::If", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not",
    ];

    public static string Write(Service service, IReadOnlyDictionary<SourceSpan, string> comments, bool json)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(comments);
        var top = new List<(string Key, ScalarNode? KeyNode, Node Value)>
        {
            ("service", null, ScalarNode.String(service.Name.Node.Span, service.Name.Value)),
            ("frameworkVersion", null, ScalarNode.String(service.Name.Node.Span, service.FrameworkVersion?.Value ?? "3")),
            ("provider", null, service.Provider.Node),
        };
        if (service.Root.Entry("params") is { } parameters)
        {
            top.Add(("params", parameters.Key, parameters.Value));
        }

        if (service.Root.Entry("custom") is { } custom)
        {
            top.Add(("custom", custom.Key, custom.Value));
        }

        if (service.Functions.Count > 0)
        {
            top.Add(("functions", null, Named(service.Root["functions"]!.Span, service.Functions.Select(f => (f.KeyNode, (Node)f.Node)))));
        }

        if (service.Layers.Count > 0)
        {
            top.Add(("layers", null, Named(service.Root["layers"]!.Span, service.Layers.Select(l => (l.KeyNode, (Node)l.Node)))));
        }

        if (service.Root["resources"] is { } resources)
        {
            top.Add(("resources", null, resources));
        }

        if (json)
        {
            var root = new MappingNode(service.Root.Span, [.. top.Select(t => new MappingEntry(t.KeyNode ?? ScalarNode.String(t.Value.Span, t.Key), Plain(t.Value)))]);
            return ConfigPrinter.Write(root, PrintFormat.Json);
        }

        var document = new YamlMapping();
        foreach (var (key, keyNode, value) in top)
        {
            document.Add(key, Yaml(value, comments), keyNode is null ? null : comments.GetValueOrDefault(keyNode.Span));
        }

        return YamlEmitter.Write(document, YamlPrintWriter.Style);
    }

    private static MappingNode Named(SourceSpan span, IEnumerable<(ScalarNode Key, Node Value)> entries) =>
        new(span, [.. entries.Select(e => new MappingEntry(e.Key, e.Value))]);

    private static YamlNode Yaml(Node node, IReadOnlyDictionary<SourceSpan, string> comments)
    {
        switch (node)
        {
            case ScalarNode s when ParamExpression(s) is { } expression:
                return YamlScalar.String(expression);
            case ScalarNode { Kind: ScalarKind.String } s:
                return YamlScalar.String(s.Text);
            case ScalarNode { Kind: ScalarKind.Null }:
                return YamlScalar.Null;
            case ScalarNode { Kind: ScalarKind.Bool } s:
                return YamlScalar.Bool(s.AsBool == true);
            case ScalarNode s:
                return YamlScalar.Verbatim(s.AsDouble is { } d && s.Kind == ScalarKind.Float
                    ? d.ToString("R", CultureInfo.InvariantCulture)
                    : s.Text);
            case MappingNode { Entries: [var only] } m when ShortForm(only, comments) is { } tagged:
                _ = m;
                return tagged;
            case MappingNode m:
                var mapping = new YamlMapping();
                foreach (var entry in m.Entries)
                {
                    mapping.Add(entry.Key.Text, Yaml(entry.Value, comments), comments.GetValueOrDefault(entry.Key.Span));
                }

                return mapping;
            case SequenceNode list:
                return new YamlSequence(list.Items.Select(i => Yaml(i, comments)));
            default:
                return YamlScalar.String(node.Display);
        }
    }

    private static YamlTagged? ShortForm(MappingEntry entry, IReadOnlyDictionary<SourceSpan, string> comments)
    {
        var key = entry.Key.Text;
        if (key == "Ref" && entry.Value is ScalarNode { Kind: ScalarKind.String } name)
        {
            return new YamlTagged("!Ref", YamlScalar.String(name.Text));
        }

        if (key == "Fn::GetAtt" && entry.Value is SequenceNode { Items: [ScalarNode id, ScalarNode attribute] } &&
            !id.Text.Contains('.', StringComparison.Ordinal))
        {
            return new YamlTagged("!GetAtt", YamlScalar.String(id.Text + "." + attribute.Text));
        }

        if (key == "Fn::GetAtt" && entry.Value is ScalarNode { Kind: ScalarKind.String } dotted)
        {
            return new YamlTagged("!GetAtt", YamlScalar.String(dotted.Text));
        }

        return ShortForms.Contains(key) ? new YamlTagged("!" + key["Fn::".Length..], Yaml(entry.Value, comments)) : null;
    }

    /// <summary>The <c>${param:Name}</c> a value was read from (the SAM reader's <c>!Ref</c> of a parameter).</summary>
    private static string? ParamExpression(ScalarNode s) =>
        s.Expression?.StartsWith("${param:", StringComparison.Ordinal) == true ? s.Expression : null;

    /// <summary>The tree with parameter values as their <c>${param:}</c> text, for the JSON printer.</summary>
    private static Node Plain(Node node) => node switch
    {
        ScalarNode s when ParamExpression(s) is { } expression => ScalarNode.String(s.Span, expression),
        MappingNode m => m with { Entries = [.. m.Entries.Select(e => e with { Value = Plain(e.Value) })] },
        SequenceNode l => l with { Items = [.. l.Items.Select(Plain)] },
        _ => node,
    };
}
