using System.Text.RegularExpressions;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>
/// The last pass of the SAM reader over the tree it built: <c>!Ref P</c> of a parameter with a default becomes the
/// default, remembered as <c>${param:P}</c> (the binder and the rules see the value; the writer writes the variable),
/// and references to logical ids the reader renamed (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>'s <c>${Id}</c>,
/// <c>DependsOn</c>) follow the rename.
/// </summary>
internal static partial class SamReferences
{
    public static Node Rewrite(SamReadContext ctx, Node node) => node switch
    {
        MappingNode { Entries: [{ Key.Text: "Ref" } entry] } m when entry.Value is ScalarNode r => Ref(ctx, m, r),
        MappingNode { Entries: [{ Key.Text: "Fn::GetAtt" } entry] } m => m with { Entries = [entry with { Value = GetAtt(ctx, entry.Value) }] },
        MappingNode { Entries: [{ Key.Text: "Fn::Sub" } entry] } m => m with { Entries = [entry with { Value = Sub(ctx, entry.Value) }] },
        MappingNode m => m with { Entries = [.. m.Entries.Select(e => e with { Value = e.Key.Text == "DependsOn" ? DependsOn(ctx, e.Value) : Rewrite(ctx, e.Value) })] },
        SequenceNode s => s with { Items = [.. s.Items.Select(i => Rewrite(ctx, i))] },
        _ => node,
    };

    private static Node Ref(SamReadContext ctx, MappingNode m, ScalarNode r)
    {
        if (ctx.ParameterDefaults.TryGetValue(r.Text, out var value))
        {
            return value is ScalarNode s
                ? s with { Span = m.Span, Origin = s.Span, Expression = "${param:" + r.Text + "}" }
                : m;
        }

        return ctx.Renames.TryGetValue(r.Text, out var renamed) ? m with { Entries = [m.Entries[0] with { Value = r with { Text = renamed } }] } : m;
    }

    private static Node GetAtt(SamReadContext ctx, Node value) => value switch
    {
        SequenceNode { Items: [ScalarNode id, ..] } s when ctx.Renames.TryGetValue(id.Text, out var renamed) =>
            s with { Items = [id with { Text = renamed }, .. s.Items.Skip(1)] },
        ScalarNode dotted when dotted.Text.Split('.', 2) is [var id, var attribute] && ctx.Renames.TryGetValue(id, out var renamed) =>
            dotted with { Text = renamed + "." + attribute },
        _ => value,
    };

    private static Node Sub(SamReadContext ctx, Node value) => value switch
    {
        ScalarNode text => text with { Text = SubText(ctx, text.Text) },
        SequenceNode { Items: [ScalarNode text, var variables] } s => s with { Items = [text with { Text = SubText(ctx, text.Text) }, Rewrite(ctx, variables)] },
        _ => value,
    };

    private static string SubText(SamReadContext ctx, string text) => SubVariable().Replace(text, match =>
    {
        var id = match.Groups["id"].Value;
        return ctx.Renames.TryGetValue(id, out var renamed) ? "${" + renamed + match.Groups["rest"].Value + "}" : match.Value;
    });

    private static Node DependsOn(SamReadContext ctx, Node value) => value switch
    {
        ScalarNode id when ctx.Renames.TryGetValue(id.Text, out var renamed) => id with { Text = renamed },
        SequenceNode s => s with { Items = [.. s.Items.Select(i => DependsOn(ctx, i))] },
        _ => value,
    };

    [GeneratedRegex(@"\$\{(?<id>[A-Za-z0-9]+)(?<rest>\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex SubVariable();
}
