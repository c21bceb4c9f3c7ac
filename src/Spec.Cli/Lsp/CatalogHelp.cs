using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Schema;
using Spec.Core.Syntax;

namespace Spec.Cli.Lsp;

/// <summary>Hover and completion from the key catalogue: what the JSON Schema tells an editor, from the same source.</summary>
internal static class CatalogHelp
{
    private static KeyCatalog Catalog => KeyCatalog.Serverless;

    /// <summary>The hover of the key under the cursor (or of the key whose value it is), or null.</summary>
    public static JsonNode? Hover(string path, string text, int line, int character)
    {
        var loaded = new YamlLoader().LoadText(path, text, new DiagnosticBag());
        var keys = KeyPaths.AtPosition(loaded.Root, line, character);
        if (keys is null && !path.EndsWith(".json", StringComparison.Ordinal))
        {
            // The file does not parse (or the cursor is past the node): read the block structure of the text.
            keys = KeyPaths.InYamlText(text, line, character) is { } typed && typed.ValueOf is not null ? typed.Keys : null;
        }

        if (keys is null || KeyPaths.CatalogPath(Catalog, keys) is not { } catalogPath || Catalog.Find(catalogPath) is not { } key)
        {
            return null;
        }

        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = Describe(string.Join('.', keys), key) },
        };
    }

    /// <summary>The completion items at the cursor: the keys of the enclosing object, or the values of an enum or
    /// boolean key. YAML block style only (a JSON spec gets hover and diagnostics).</summary>
    public static JsonArray Complete(string path, string text, int line, int character)
    {
        var items = new JsonArray();
        if (path.EndsWith(".json", StringComparison.Ordinal)
            || KeyPaths.InYamlText(text, line, character) is not { } cursor
            || KeyPaths.CatalogPath(Catalog, cursor.Keys) is not { } catalogPath)
        {
            return items;
        }

        if (cursor.ValueOf is null)
        {
            foreach (var property in Catalog.ObjectAt(catalogPath)?.Properties ?? [])
            {
                if (property.MovedTo is not null)
                {
                    continue;
                }

                items.Add((JsonNode)new JsonObject
                {
                    ["label"] = property.Name,
                    ["kind"] = 10, // Property
                    ["detail"] = property.Shape.Describe(),
                    ["documentation"] = new JsonObject { ["kind"] = "markdown", ["value"] = Describe(property.Name, property) },
                    ["insertText"] = property.Name + ": ",
                    ["deprecated"] = property.Deprecated is not null,
                });
            }

            return items;
        }

        if (Catalog.Find(catalogPath) is not { } key)
        {
            return items;
        }

        foreach (var value in ValuesOf(key.Shape))
        {
            items.Add((JsonNode)new JsonObject
            {
                ["label"] = value,
                ["kind"] = 20, // EnumMember
                ["detail"] = key.Summary,
            });
        }

        return items;
    }

    private static IEnumerable<string> ValuesOf(Shape shape)
    {
        foreach (var value in shape.Enum ?? [])
        {
            yield return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        if (shape.Boolean)
        {
            yield return "true";
            yield return "false";
        }
    }

    private static string Describe(string shownPath, SpecProperty key)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{shownPath}** — {key.Shape.Describe()}\n\n");
        if (key.Summary.Length > 0)
        {
            text.Append(key.Summary).Append("\n\n");
        }

        if (key.Docs is { Length: > 0 } docs)
        {
            text.Append(CultureInfo.InvariantCulture, $"[Documentation]({docs})\n\n");
        }

        if (key.Default is { } value)
        {
            text.Append(CultureInfo.InvariantCulture, $"Default: `{Convert.ToString(value, CultureInfo.InvariantCulture)}`\n\n");
        }

        if (key.Deprecated is { } deprecated)
        {
            text.Append(CultureInfo.InvariantCulture, $"Deprecated: {deprecated}\n\n");
        }

        return text.ToString().TrimEnd();
    }
}
