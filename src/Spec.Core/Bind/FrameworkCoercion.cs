using System.Globalization;
using Spec.Core.Print;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// The Framework validates the configuration with Ajv (<c>coerceTypes: 'array'</c>) before compiling, and Ajv rewrites
/// values to the types its schema asks for: <c>4096</c> becomes <c>"4096"</c> under <c>environment</c>, a lone
/// <c>DependsOn: X</c> becomes <c>[X]</c>, a one-element IAM <c>Resource</c> list of an ARN becomes the ARN. Templates
/// carry those rewritten values, so the binder binds the configuration after the same coercion, once: the rules and the
/// plan read the same values. The coercion itself is the printer's exact Ajv port (<c>Spec.Core.Print</c>); this class
/// carries its results back onto the spanned nodes (spans are kept, so diagnostics point where the value was written).
/// </summary>
internal sealed class FrameworkCoercion
{
    /// <summary>One-element lists the coercion unwrapped (the value it put in their place → the list as written).</summary>
    private readonly Dictionary<Node, SequenceNode> _unwrapped = new(ReferenceEqualityComparer.Instance);

    private FrameworkCoercion()
    {
    }

    /// <summary>Coerces <paramref name="root"/> as the Framework does; <paramref name="unwrapped"/> maps each value that
    /// replaced a one-element list to that list, so the binder still reports where a list was written.</summary>
    public static MappingNode Apply(MappingNode root, string stage, string region,
        out IReadOnlyDictionary<Node, SequenceNode> unwrapped)
    {
        var coercion = new FrameworkCoercion();
        unwrapped = coercion._unwrapped;
        if (PrintValue.From(root) is not PrintObject config)
        {
            return root;
        }

        PrintNormalizer.Normalize(config, stage, region);
        return coercion.Reconcile(root, config) as MappingNode ?? root;
    }

    private Node Reconcile(Node original, PrintValue? coerced)
    {
        switch (original, coerced)
        {
            case (_, null):
            case (DeployTimeNode, _):
                return original;
            case (MappingNode m, PrintObject o):
                return ReconcileMapping(m, o);
            case (SequenceNode s, PrintArray a) when s.Items.Count == a.Items.Count:
                return ReconcileSequence(s, a);
            case (SequenceNode s, PrintObject merged):
                return ReconcileLegacyList(s, merged);
            case (SequenceNode { Items.Count: 1 } s, PrintString or PrintNumber or PrintBool):
                var item = Reconcile(s.Items[0], coerced);
                _unwrapped[item] = s;
                return item;
            case (ScalarNode scalar, PrintArray { Items.Count: 1 } a):
                return new SequenceNode(scalar.Span, [Reconcile(scalar, a.Items[0])]) { Origin = scalar.Origin };
            case (ScalarNode { Kind: not ScalarKind.String } scalar, PrintString str):
                return scalar with { Text = str.Value, Kind = ScalarKind.String, IsQuoted = true };
            case (ScalarNode { Kind: ScalarKind.String } scalar, PrintNumber number):
                return scalar with
                {
                    Text = number.Value.ToString("R", CultureInfo.InvariantCulture),
                    Kind = number.Value == Math.Floor(number.Value) && Math.Abs(number.Value) < 1e15 ? ScalarKind.Int : ScalarKind.Float,
                };
            case (ScalarNode { Kind: ScalarKind.String } scalar, PrintBool b):
                return scalar with { Text = b.Value ? "true" : "false", Kind = ScalarKind.Bool };
            default:
                return original;
        }
    }

    // Coercion changes few values: a mapping or list is copied only when something under it changed, so the plan
    // reads the spec's own nodes everywhere else instead of a copy of the whole tree.
    private MappingNode ReconcileMapping(MappingNode m, PrintObject o)
    {
        var entries = m.Entries;
        MappingEntry[]? changed = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var value = Reconcile(entry.Value, o[entry.Key.Text]);
            if (changed is null && ReferenceEquals(value, entry.Value))
            {
                continue;
            }

            if (changed is null)
            {
                changed = new MappingEntry[entries.Count];
                for (var j = 0; j < i; j++)
                {
                    changed[j] = entries[j];
                }
            }

            changed[i] = ReferenceEquals(value, entry.Value) ? entry : entry with { Value = value };
        }

        return changed is null ? m : m with { Entries = changed };
    }

    /// <summary>
    /// The legacy list form of <c>resources</c> and <c>functions</c>: the Framework merges the items (lodash
    /// <c>merge</c>) before Ajv coerces them, so each item takes the coerced values of what it wrote (a value a later
    /// item overrides is replaced by the merge anyway).
    /// </summary>
    private SequenceNode ReconcileLegacyList(SequenceNode s, PrintObject merged)
    {
        var items = s.Items;
        Node[]? changed = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is MappingNode m && ReconcileMapping(m, merged) is var item && !ReferenceEquals(item, m))
            {
                changed ??= [.. items];
                changed[i] = item;
            }
        }

        return changed is null ? s : s with { Items = changed };
    }

    private SequenceNode ReconcileSequence(SequenceNode s, PrintArray a)
    {
        var items = s.Items;
        Node[]? changed = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = Reconcile(items[i], a.Items[i]);
            if (changed is null && ReferenceEquals(item, items[i]))
            {
                continue;
            }

            if (changed is null)
            {
                changed = new Node[items.Count];
                for (var j = 0; j < i; j++)
                {
                    changed[j] = items[j];
                }
            }

            changed[i] = item;
        }

        return changed is null ? s : s with { Items = changed };
    }
}
