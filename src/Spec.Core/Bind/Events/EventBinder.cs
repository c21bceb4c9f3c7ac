using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>Where an event sits: its function, list position and list item, and its path for messages (written out
/// when a message first needs it: <c>functions.hello.events[0].sqs</c>, the item's path and the event's key).</summary>
internal sealed class EventSite(string functionKey, int index, Node item, SpecPath itemPath, string eventKey)
{
    private string? _pathText;

    public string FunctionKey { get; } = functionKey;

    public int Index { get; } = index;

    public Node Item { get; } = item;

    public SpecPath Path => SpecPath.Of(this);

    public string PathText => _pathText ??= $"{itemPath}.{eventKey}";

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

    /// <summary>The long form of an event: a mapping (not an intrinsic), with its keys checked against the catalogue's
    /// object at <paramref name="catalogPath"/>: unknown keys, and the keys it requires (remembered for the backends).</summary>
    protected static MappingNode? LongForm(BindContext ctx, Node value, EventSite site, string catalogPath, string expected) =>
        LongForm(ctx, value, site, catalogPath, expected, out _);

    /// <summary>The long form, and whether it has every key it requires.</summary>
    protected static MappingNode? LongForm(BindContext ctx, Node value, EventSite site, string catalogPath, string expected,
        out bool complete)
    {
        if (value is MappingNode m && !BindContext.IsIntrinsic(m))
        {
            ctx.CheckKeys(m, site.Path, catalogPath);
            complete = ctx.RequireKeys(m, site.Path, catalogPath, site.MissingKeys);
            return m;
        }

        ctx.WrongType(value, site.Path, expected);
        complete = false;
        return null;
    }

    /// <summary>A reference-like value (ARN string or intrinsic) of the long form; null when absent (the long form has
    /// reported a required one) or of the wrong type.</summary>
    protected static Node? Ref(BindContext ctx, MappingNode map, string key, EventSite site) =>
        ctx.ScalarOrIntrinsic(BindContext.Get(map, key), site.Path.Key(key));

    /// <summary>Reports a missing key the catalogue cannot mark required (one of several alternatives) and remembers it
    /// for the backends.</summary>
    protected static void Missing(BindContext ctx, MappingNode map, EventSite site, string key, string? help = null)
    {
        ctx.MissingKey(map, site.Path, key, help);
        site.MissingKeys.Add(key);
    }

    protected static bool IsShorthand(Node value) => value is ScalarNode || BindContext.IsIntrinsic(value);

    /// <summary>The <c>METHOD /path</c> shorthand of <c>http</c> and <c>httpApi</c>.</summary>
    protected static (string Method, string Path)? SplitRoute(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }
}
