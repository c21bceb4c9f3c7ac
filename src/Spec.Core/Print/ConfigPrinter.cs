using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Core.Print;

public enum PrintFormat
{
    Json,
    Yaml,
}

/// <summary>
/// <c>serverless print</c>: the resolved configuration after the Framework's service normalisation
/// (reference §3.5), as JSON (<c>JSON.stringify(conf, null, 2)</c>) or YAML.
/// </summary>
public static class ConfigPrinter
{
    /// <summary>
    /// The resolved, normalised config as <c>serverless print</c> shows it; <paramref name="path"/> is a dot path
    /// (<c>provider.stage</c>), null for all. Null (with a diagnostic) when there is nothing to print.
    /// </summary>
    /// <summary>
    /// A spec as it is written (variables unresolved, nothing normalised), in either format with its key order kept:
    /// <c>spec convert --to serverless</c> turns a <c>serverless.yml</c> into <c>serverless.json</c> and back.
    /// </summary>
    public static string Write(Node root, PrintFormat format)
    {
        ArgumentNullException.ThrowIfNull(root);
        var value = PrintValue.From(root);
        return format == PrintFormat.Json ? JsonPrintWriter.Write(value) + "\n" : YamlPrintWriter.Write(value);
    }

    public static string? Print(ResolvedSpec spec, PrintFormat format, string? path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (spec.Root is null)
        {
            diagnostics.Error(DiagnosticIds.Parse, "there is no configuration to print",
                SourceSpan.At(spec.Loaded.Source.Path, 1, 1));
            return null;
        }

        var config = PrintValue.From(spec.Root);
        if (config is PrintObject root)
        {
            PrintNormalizer.Normalize(root, spec.Stage, spec.Region);
        }

        if (!string.IsNullOrEmpty(path))
        {
            foreach (var step in path.Split('.'))
            {
                var next = config switch
                {
                    PrintObject o => o[step],
                    PrintArray a when int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                        && i < a.Items.Count => a.Items[i],
                    _ => null,
                };

                // The Framework stops on any falsy value (`if (!conf)`), so a path to 0, false or "" is not found too.
                if (next is null || !next.IsTruthy)
                {
                    diagnostics.Error(DiagnosticIds.Variable, $"Path \"{path}\" not found",
                        SourceSpan.At(spec.Loaded.Source.Path, 1, 1), "print without --path to see the whole configuration");
                    return null;
                }

                config = next;
            }
        }

        // The Framework writes the text and a line break; js-yaml's dump already ends with one.
        return format == PrintFormat.Json
            ? JsonPrintWriter.Write(config) + "\n"
            : YamlPrintWriter.Write(config) + "\n";
    }
}
