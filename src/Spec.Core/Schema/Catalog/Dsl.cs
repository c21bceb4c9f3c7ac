namespace Spec.Core.Schema.Catalog;

/// <summary>Short constructors that keep the catalog readable as a table.</summary>
internal static class Dsl
{
    public const string Guide = "https://www.serverless.com/framework/docs/providers/aws/guide/";
    public const string Events = "https://www.serverless.com/framework/docs/providers/aws/events/";
    public const string Reference = Guide + "serverless.yml";

    public static Shape Str { get; } = new() { String = new StringFacet() };

    public static Shape Bool { get; } = new() { Boolean = true };

    public static Shape Any { get; } = new() { Anything = true };

    /// <summary>A string that may also be a CloudFormation intrinsic (ARNs, names, ids).</summary>
    public static Shape Arn { get; } = Str.OrIntrinsic();

    public static Shape StrList { get; } = List(Str);

    public static Shape ArnList { get; } = List(Arn).OrIntrinsic();

    public static Shape Pattern(string pattern, string hint, int? maxLength = null) =>
        new() { String = new StringFacet(pattern, maxLength, hint) };

    public static Shape MaxLen(int maxLength) => new() { String = new StringFacet(MaxLength: maxLength) };

    public static Shape Int(long? min = null, long? max = null) => new() { Number = new NumberFacet(true, min, max) };

    public static Shape Num(long? min = null, long? max = null) => new() { Number = new NumberFacet(false, min, max) };

    public static Shape OneOf(params object[] values) => new() { Enum = values };

    /// <summary>A closed object: the Framework rejects keys not listed.</summary>
    public static Shape Obj(params SpecProperty[] props) => new() { Object = new ObjectFacet(props, Closed: true) };

    /// <summary>An object whose listed keys are documented but which accepts others (plugins, pass-through).</summary>
    public static Shape Open(params SpecProperty[] props) => new() { Object = new ObjectFacet(props, Closed: false) };

    public static Shape Map(Shape values, string? keyPattern = null) =>
        new() { Object = new ObjectFacet([], Closed: true, values, keyPattern) };

    public static Shape List(Shape items) => new() { Items = items };

    public static SpecProperty P(string name, Shape shape, string summary, object? @default = null) =>
        new(name, shape, summary) { Default = @default };

    public static SpecProperty Req(this SpecProperty p) => p with { Required = true };

    /// <summary>A required key, with what to tell an author who left it out.</summary>
    public static SpecProperty Req(this SpecProperty p, string hint) => p with { Required = true, RequiredHint = hint };

    public static SpecProperty Ex(this SpecProperty p, params object[] examples) => p with { Examples = examples };

    public static SpecProperty Doc(this SpecProperty p, string url) => p with { Docs = url };

    public static SpecProperty Dep(this SpecProperty p, string useInstead) => p with { Deprecated = useInstead };

    /// <summary>A key the plugin <paramref name="package"/> adds; known only when <c>plugins</c> lists it.</summary>
    public static SpecProperty FromPlugin(this SpecProperty p, string package) => p with { Plugin = package };

    /// <summary>A v2 location v3 ignores; the setting belongs in the object <paramref name="objectPath"/> now.</summary>
    public static SpecProperty Moved(this SpecProperty p, string objectPath) => p with { MovedTo = objectPath };

    /// <summary>Gives every property without a link (and, recursively, its children) the link <paramref name="url"/>.</summary>
    public static SpecProperty[] Docs(string url, params SpecProperty[] props) => [.. props.Select(p => WithDocs(p, url))];

    private static SpecProperty WithDocs(SpecProperty p, string url)
    {
        var own = p.Docs ?? url;
        return p with { Docs = own, Shape = WithDocs(p.Shape, own) };
    }

    private static Shape WithDocs(Shape s, string url) => s with
    {
        Object = s.Object is null ? null : s.Object with
        {
            Properties = [.. s.Object.Properties.Select(c => WithDocs(c, url))],
            Values = s.Object.Values is null ? null : WithDocs(s.Object.Values, url),
        },
        Items = s.Items is null ? null : WithDocs(s.Items, url),
    };
}
