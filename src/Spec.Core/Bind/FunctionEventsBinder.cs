using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// A function's <c>events</c>: each item is a one-key mapping (or a bare event name) whose key picks the event's
/// binder (<see cref="EventBinders"/>). Items that cannot be bound are kept as <see cref="UnboundEvent"/>s.
/// </summary>
internal static class FunctionEventsBinder
{
    public static (IReadOnlyList<FunctionEvent> Events, IReadOnlyList<UnboundEvent> Unbound) Bind(BindContext ctx,
        string functionKey, Node? node, SpecPath path)
    {
        if (node is null)
        {
            return ([], []);
        }

        if (node is not SequenceNode seq)
        {
            ctx.WrongType(node, path, "a list of events");
            return ([], []);
        }

        var events = new List<FunctionEvent>(seq.Items.Count);
        var unbound = new List<UnboundEvent>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            var itemPath = path.Item(i);
            switch (item)
            {
                case ScalarNode { IsNull: true }:
                    ctx.Error(item, $"'{itemPath}' is empty", "write an event such as '- httpApi: GET /path'");
                    unbound.Add(new UnboundEvent(functionKey, i, item, null, []));
                    break;
                case ScalarNode s:
                    // A bare string such as '- alexaSkill' (deprecated, but compiled by the Framework).
                    if (EventBinders.Find(s.Text) is { } bare)
                    {
                        Add(ctx, events, unbound, bare, new ScalarNode(s.Span, "", ScalarKind.Null),
                            new EventSite(functionKey, i, s, itemPath, s.Text));
                    }
                    else
                    {
                        ctx.UnknownKey(s, path, "functions.*.events", "events are one-key mappings such as '- http: GET /path'");
                        unbound.Add(new UnboundEvent(functionKey, i, item, s.Text, []));
                    }

                    break;
                case MappingNode m when !BindContext.IsIntrinsic(m):
                    if (m.Entries.Count != 1)
                    {
                        // The Framework reads one event per item; the keys are still bound so rules see each.
                        unbound.Add(new UnboundEvent(functionKey, i, item, null, []));
                    }

                    // An index loop: a foreach over the entries' interface allocates an enumerator per event.
                    for (var e = 0; e < m.Entries.Count; e++)
                    {
                        var entry = m.Entries[e];
                        if (EventBinders.Find(entry.Key.Text) is { } binder)
                        {
                            Add(ctx, events, unbound, binder, entry.Value, new EventSite(functionKey, i, m, itemPath, entry.Key.Text));
                        }
                        else
                        {
                            ctx.UnknownKey(entry.Key, itemPath, "functions.*.events");
                            unbound.Add(new UnboundEvent(functionKey, i, item, entry.Key.Text, []));
                        }
                    }

                    break;
                default:
                    ctx.WrongType(item, itemPath, "an event (a one-key mapping such as 'http: GET /path')");
                    unbound.Add(new UnboundEvent(functionKey, i, item, null, []));
                    break;
            }
        }

        return (events, unbound);
    }

    private static void Add(BindContext ctx, List<FunctionEvent> events, List<UnboundEvent> unbound, EventBinder binder,
        Node value, EventSite site)
    {
        // The bare/null form is only meaningful for alexaSkill.
        FunctionEvent? bound = null;
        if (value is ScalarNode { IsNull: true } && binder.Kind != EventKind.AlexaSkill)
        {
            ctx.Error(value is ScalarNode { Text: "" } ? site.Item : value,
                $"the '{binder.Name}' event at '{site.Path}' has no configuration");
        }
        else
        {
            bound = binder.Bind(ctx, value, site);
        }

        if (bound is not null)
        {
            events.Add(bound);
        }
        else
        {
            unbound.Add(new UnboundEvent(site.FunctionKey, site.Index, site.Item, binder.Name, site.MissingKeys));
        }
    }
}
