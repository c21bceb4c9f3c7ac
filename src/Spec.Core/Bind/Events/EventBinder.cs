using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>Where an event sits: its function, list position and list item, and its path for messages.</summary>
internal sealed class EventSite(string functionKey, int index, Node item, string path)
{
    public string FunctionKey { get; } = functionKey;

    public int Index { get; } = index;

    public Node Item { get; } = item;

    public string Path { get; } = path;

    /// <summary>The required keys found missing while binding: the backends name them when they refuse the event.</summary>
    public List<string> MissingKeys { get; } = [];
}

/// <summary>
/// Binds one event type (a key of an item of a function's <c>events</c>) into its model record. One class per event
/// type, found by the event's name in <see cref="EventBinders"/>. Returns null when the event cannot be bound; the
/// reason is reported.
/// </summary>
internal abstract class EventBinder
{
    public abstract EventKind Kind { get; }

    /// <summary>The key as written in YAML (<c>httpApi</c>, <c>cloudwatchLog</c>…).</summary>
    public string Name => FunctionEvent.KeyName(Kind);

    public abstract FunctionEvent? Bind(BindContext ctx, Node value, EventSite site);

    /// <summary>The long form of an event: a mapping (not an intrinsic), with its keys checked.</summary>
    protected static MappingNode? LongForm(BindContext ctx, Node value, EventSite site, string[] known, string expected)
    {
        if (value is MappingNode m && !BindContext.IsIntrinsic(m))
        {
            ctx.CheckKeys(m, site.Path, known);
            return m;
        }

        ctx.WrongType(value, site.Path, expected);
        return null;
    }

    /// <summary>A reference-like value (ARN string or intrinsic) that is required.</summary>
    protected static Node? RequiredRef(BindContext ctx, MappingNode map, string key, EventSite site)
    {
        var node = BindContext.Get(map, key);
        if (node is null)
        {
            ctx.MissingKey(map, site.Path, key);
            site.MissingKeys.Add(key);
            return null;
        }

        return ctx.ScalarOrIntrinsic(node, $"{site.Path}.{key}");
    }

    protected static Spanned<string?>? RequiredString(BindContext ctx, MappingNode map, string key, EventSite site)
    {
        if (BindContext.Get(map, key) is null)
        {
            ctx.MissingKey(map, site.Path, key);
            site.MissingKeys.Add(key);
            return null;
        }

        return ctx.String(map, key, site.Path);
    }

    /// <summary>Reports a missing required key and remembers it for the backends.</summary>
    protected static void Missing(BindContext ctx, MappingNode map, EventSite site, string key, string? help = null)
    {
        ctx.MissingKey(map, site.Path, key, help);
        site.MissingKeys.Add(key);
    }

    /// <summary>Reports each missing required key; true when all are present.</summary>
    protected static bool RequireKeys(BindContext ctx, MappingNode map, EventSite site, params string[] keys)
    {
        var ok = true;
        foreach (var key in keys)
        {
            if (BindContext.Get(map, key) is null)
            {
                ctx.MissingKey(map, site.Path, key);
                site.MissingKeys.Add(key);
                ok = false;
            }
        }

        return ok;
    }

    protected static bool IsShorthand(Node value) => value is ScalarNode || BindContext.IsIntrinsic(value);

    /// <summary>The <c>METHOD /path</c> shorthand of <c>http</c> and <c>httpApi</c>.</summary>
    protected static (string Method, string Path)? SplitRoute(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }
}
