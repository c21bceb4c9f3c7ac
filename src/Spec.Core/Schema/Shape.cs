namespace Spec.Core.Schema;

/// <summary>
/// The value shape of one spec key: which JSON kinds it accepts and their constraints. A shape is a union of facets
/// (string, number, boolean, object, array, CloudFormation intrinsic), so "an ARN string or <c>Fn::GetAtt</c>" and
/// "<c>true</c> or a CORS object" are one shape. Every shape also accepts a <c>${…}</c> variable where it would
/// otherwise reject a string, because variables are resolved after the editor sees the file.
/// </summary>
public sealed record Shape
{
    public StringFacet? String { get; init; }

    public NumberFacet? Number { get; init; }

    public bool Boolean { get; init; }

    /// <summary>A closed set of values: strings or integers (booleans stay in <see cref="Boolean"/>).</summary>
    public IReadOnlyList<object>? Enum { get; init; }

    public ObjectFacet? Object { get; init; }

    /// <summary>The item shape when the value may be a list.</summary>
    public Shape? Items { get; init; }

    /// <summary>True when a CloudFormation intrinsic function (<c>Ref</c>, <c>Fn::GetAtt</c>, …) is accepted.</summary>
    public bool Intrinsic { get; init; }

    /// <summary>Any value at all (plugin sections, CloudFormation pass-through).</summary>
    public bool Anything { get; init; }

    /// <summary>The union of two shapes. Facets of the same kind must not both be set.</summary>
    public Shape Or(Shape other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Shape
        {
            String = Pick(String, other.String, "string"),
            Number = Pick(Number, other.Number, "number"),
            Boolean = Boolean || other.Boolean,
            Enum = Pick(Enum, other.Enum, "enum"),
            Object = Pick(Object, other.Object, "object"),
            Items = Pick(Items, other.Items, "list"),
            Intrinsic = Intrinsic || other.Intrinsic,
            Anything = Anything || other.Anything,
        };
    }

    /// <summary>This shape, also accepting a CloudFormation intrinsic function.</summary>
    public Shape OrIntrinsic() => this with { Intrinsic = true };

    /// <summary>A short human description of the accepted values, e.g. "integer 1-900".</summary>
    public string Describe()
    {
        if (Anything)
        {
            return "any value";
        }

        var parts = new List<string>();
        if (Enum is not null)
        {
            parts.Add("one of " + string.Join(", ", Enum.Select(v => "`" + Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) + "`")));
        }

        if (String is not null)
        {
            parts.Add("string");
        }

        if (Number is not null)
        {
            parts.Add(Number.Describe());
        }

        if (Boolean)
        {
            parts.Add("boolean");
        }

        if (Object is not null)
        {
            parts.Add(Object.IsMap ? "map" : "object");
        }

        if (Items is not null)
        {
            parts.Add("list of " + Items.Describe());
        }

        if (Intrinsic)
        {
            parts.Add("CloudFormation intrinsic function");
        }

        return string.Join(" | ", parts);
    }

    private static T? Pick<T>(T? a, T? b, string facet)
        where T : class =>
        a is not null && b is not null ? throw new InvalidOperationException($"both shapes have a {facet} facet") : a ?? b;

    private static bool Pick(bool a, bool b, string facet) => a || b;
}

/// <summary>String constraints. <see cref="Pattern"/> is unanchored in the catalog; the generator anchors it.</summary>
public sealed record StringFacet(string? Pattern = null, int? MaxLength = null, string? PatternHint = null);

public sealed record NumberFacet(bool Integer, long? Minimum, long? Maximum)
{
    public string Describe()
    {
        var kind = Integer ? "integer" : "number";
        return (Minimum, Maximum) switch
        {
            ({ } min, { } max) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind} {min}-{max}"),
            ({ } min, null) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind} >= {min}"),
            (null, { } max) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind} <= {max}"),
            _ => kind,
        };
    }
}

/// <summary>
/// An object: either a record with known <see cref="Properties"/> (closed when the Framework rejects unknown keys), or a
/// map whose values all have the shape <see cref="Values"/> and whose keys match <see cref="KeyPattern"/>.
/// </summary>
public sealed record ObjectFacet(IReadOnlyList<SpecProperty> Properties, bool Closed, Shape? Values = null, string? KeyPattern = null)
{
    /// <summary>For the event list item: exactly one key (the event type).</summary>
    public bool ExactlyOneKey { get; init; }

    public bool IsMap => Values is not null;

    public SpecProperty? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

/// <summary>
/// One key the spec accepts: its shape and its documentation. The binder and the JSON Schema read the same table, so
/// the keys the compiler accepts and the keys the editor offers cannot drift apart.
/// </summary>
public sealed record SpecProperty(string Name, Shape Shape, string Summary)
{
    public bool Required { get; init; }

    /// <summary>What to tell an author who left out a required key, when more than its name helps.</summary>
    public string? RequiredHint { get; init; }

    /// <summary>The effective default when the key is absent (a string, long, bool or null).</summary>
    public object? Default { get; init; }

    /// <summary>Documentation link (Serverless Framework or AWS).</summary>
    public string? Docs { get; init; }

    public IReadOnlyList<object>? Examples { get; init; }

    /// <summary>Set for keys the Framework still accepts but has deprecated: what to use instead.</summary>
    public string? Deprecated { get; init; }

    /// <summary>Set for keys a plugin adds (the npm package name): they are known only when <c>plugins</c> lists the
    /// plugin, as the Framework learns them from the plugin's schema extension.</summary>
    public string? Plugin { get; init; }

    /// <summary>Set for v2 locations v3 no longer reads (it warns and ignores them): the object the setting belongs in
    /// now, e.g. <c>provider.apiGateway</c>. Such keys are never offered as a "did you mean".</summary>
    public string? MovedTo { get; init; }

    /// <summary>True when <see cref="Default"/> describes a computed value (e.g. <c>&lt;service&gt;-&lt;stage&gt;</c>)
    /// rather than being the value itself.</summary>
    public bool HasComputedDefault => Default is string s && s.StartsWith('<');
}
