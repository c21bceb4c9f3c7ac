using System.Text;
using System.Text.Json;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Tests.Schema;

/// <summary>
/// Turns a loaded spec (YamlLoader nodes, CloudFormation short-form tags already in long form) into JSON text, the way a
/// schema validator sees the document.
/// </summary>
internal static class SpecJson
{
    public static string FromYaml(string yaml, string path = "serverless.yml")
    {
        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText(path, yaml, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items.Select(d => d.Message)));
        return FromNode(loaded.Root);
    }

    public static string FromFile(string path) => FromYaml(File.ReadAllText(path), path);

    public static string FromNode(Node? root)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, Node? node)
    {
        switch (node)
        {
            case null:
                w.WriteNullValue();
                break;
            case MappingNode m:
                w.WriteStartObject();
                foreach (var e in m.Entries)
                {
                    w.WritePropertyName(e.Key.Text);
                    Write(w, e.Value);
                }

                w.WriteEndObject();
                break;
            case SequenceNode s:
                w.WriteStartArray();
                foreach (var item in s.Items)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case ScalarNode { Kind: ScalarKind.Null }:
                w.WriteNullValue();
                break;
            case ScalarNode { Kind: ScalarKind.Bool } b:
                w.WriteBooleanValue(b.AsBool!.Value);
                break;
            case ScalarNode { Kind: ScalarKind.Int } i when i.AsLong is { } l:
                w.WriteNumberValue(l);
                break;
            case ScalarNode { Kind: ScalarKind.Int or ScalarKind.Float } f when f.AsDouble is { } d && double.IsFinite(d):
                w.WriteNumberValue(d);
                break;
            case ScalarNode s:
                w.WriteStringValue(s.Text);
                break;
            default:
                w.WriteStringValue(node.Display);
                break;
        }
    }
}
