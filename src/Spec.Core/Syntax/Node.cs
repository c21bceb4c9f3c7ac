using Spec.Core.Diagnostics;

namespace Spec.Core.Syntax;

/// <summary>
/// A node of a loaded (and later resolved) spec. Every node keeps the span it was written at.
/// Nodes are immutable; the resolver builds new nodes with <c>with</c>.
/// </summary>
public abstract record Node(SourceSpan Span)
{
    // Where a value came from is known only for the few values variables produced: kept in one shared object, null for
    // a value as written, so the ~200,000 nodes of a large spec do not each carry five empty fields.
    private NodeSources? _sources;

    /// <summary>
    /// Where the value was originally written, when it came whole from one variable
    /// (<c>${self:custom.timeout}</c> used at <see cref="Span"/>, written at <see cref="Origin"/>). Null for a value
    /// assembled from text and variables: the user edits it where it is assembled (see <see cref="Variables"/>).
    /// </summary>
    public SourceSpan? Origin
    {
        get => _sources?.Origin;
        init => _sources = NodeSources.Of((_sources ?? NodeSources.None) with { Origin = value });
    }

    /// <summary>
    /// For a value assembled from text and variables, each variable in order with where its value came from;
    /// empty for any other value.
    /// </summary>
    public IReadOnlyList<VariableSite> Variables
    {
        get => _sources?.Variables ?? [];
        init => _sources = NodeSources.Of((_sources ?? NodeSources.None) with { Variables = value });
    }

    /// <summary>
    /// The variable expression that produced this value, if any (e.g. <c>${env:TOKEN}</c>).
    /// Messages about sensitive values print this instead of the value.
    /// </summary>
    public string? Expression
    {
        get => _sources?.Expression;
        init => _sources = NodeSources.Of((_sources ?? NodeSources.None) with { Expression = value });
    }

    /// <summary>True when the value came from <c>env</c> or <c>file</c>: never echo it in a message.</summary>
    public bool IsSensitive
    {
        get => _sources?.IsSensitive ?? false;
        init => _sources = NodeSources.Of((_sources ?? NodeSources.None) with { IsSensitive = value });
    }

    /// <summary>
    /// For a string (never a sensitive one), the parts of its text that are the stage or region the deploy chooses
    /// (<see cref="OpenPart"/>), in text order; empty for any other value.
    /// </summary>
    public IReadOnlyList<OpenPart> OpenParts
    {
        get => _sources?.OpenParts ?? [];
        init => _sources = NodeSources.Of((_sources ?? NodeSources.None) with { OpenParts = value });
    }

    /// <summary>The span to point at when the user must edit this value: where it was written.</summary>
    public SourceSpan EditSpan => Origin ?? Span;

    /// <summary>What to show in a message for this value: the expression for sensitive values.</summary>
    public abstract string Display { get; }
}

/// <summary>The provenance fields of a <see cref="Node"/> that came from variables (see there).</summary>
internal sealed record NodeSources(
    SourceSpan? Origin, IReadOnlyList<VariableSite> Variables, string? Expression, bool IsSensitive, IReadOnlyList<OpenPart> OpenParts)
{
    public static readonly NodeSources None = new(null, [], null, false, []);

    /// <summary>Null for no provenance, so a node given empty provenance still equals one given none.</summary>
    public static NodeSources? Of(NodeSources sources) => sources == None ? null : sources;
}

public enum ScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}

/// <summary>A scalar with its YAML core-schema type (js-yaml semantics: <c>yes</c> is a string).</summary>
public sealed record ScalarNode(SourceSpan Span, string Text, ScalarKind Kind) : Node(Span)
{
    /// <summary>True for quoted or block scalars: their text is never re-typed.</summary>
    public bool IsQuoted { get; init; }

    public bool IsNull => Kind == ScalarKind.Null;

    public bool? AsBool => Kind == ScalarKind.Bool ? Text.Equals("true", StringComparison.OrdinalIgnoreCase) : null;

    public long? AsLong => Kind == ScalarKind.Int && long.TryParse(Text, System.Globalization.NumberStyles.Integer,
        System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The number, when it is finite: <c>1e400</c> overflows a double, and JSON has no infinity, so such a
    /// scalar stays text for every later stage (a diagnostic says the value is wrong, an emitter never sees infinity).</summary>
    public double? AsDouble => Kind is ScalarKind.Int or ScalarKind.Float && double.TryParse(Text,
        System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    public override string Display => IsSensitive ? Expression ?? "<hidden>" : Text;

    public static ScalarNode String(SourceSpan span, string text) => new(span, text, ScalarKind.String) { IsQuoted = true };
}

public sealed record MappingEntry(ScalarNode Key, Node Value);

/// <summary>A mapping in source order. Keys are unique (the loader reports duplicates).</summary>
public sealed record MappingNode(SourceSpan Span, IReadOnlyList<MappingEntry> Entries) : Node(Span)
{
    private static readonly FirstIndexByKey<MappingEntry> s_keyIndex = new(e => e.Key.Text);

    // Lookups run for every setting of every function while planning: an index loop, because a foreach over the
    // IReadOnlyList interface allocates an enumerator per lookup.
    public Node? this[string key] => Entry(key)?.Value;

    public MappingEntry? Entry(string key)
    {
        var entries = Entries;
        if (entries.Count >= FirstIndexByKey<MappingEntry>.From)
        {
            var at = s_keyIndex.IndexOf(entries, key);
            return at < 0 ? null : entries[at];
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Key.Text == key)
            {
                return e;
            }
        }

        return null;
    }

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Text);

    public override string Display => "a mapping";
}

public sealed record SequenceNode(SourceSpan Span, IReadOnlyList<Node> Items) : Node(Span)
{
    public override string Display => "a list";
}

/// <summary>
/// A value only AWS can give at deploy time (<c>${ssm:…}</c>, <c>${cf:…}</c>, <c>${s3:…}</c>, <c>${aws:accountId}</c>),
/// possibly embedded in a string: the parts alternate literal text and references.
/// Backends express it (<c>{{resolve:ssm:…}}</c>, <c>AWS::AccountId</c>) or report it.
/// </summary>
public sealed record DeployTimeNode(SourceSpan Span, IReadOnlyList<DeployTimePart> Parts) : Node(Span)
{
    public override string Display => Expression ?? string.Concat(Parts.Select(p => p.Display));

    /// <summary>True when the whole value is one reference (no literal text around it).</summary>
    public bool IsWholeValue => Parts.Count == 1 && Parts[0] is DeployTimeReference;
}

public abstract record DeployTimePart
{
    public abstract string Display { get; }
}

public sealed record DeployTimeLiteral(string Text) : DeployTimePart
{
    public override string Display => Text;
}

/// <summary>One deploy-time reference. <see cref="Source"/> is <c>ssm</c>, <c>cf</c>, <c>s3</c> or <c>aws</c>.</summary>
public sealed record DeployTimeReference(string Source, IReadOnlyList<string> Parameters, string Address, string Expression)
    : DeployTimePart
{
    public override string Display => Expression;
}
