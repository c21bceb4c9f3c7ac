using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Schema;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// The diagnostics and typed readers shared by every part of the binder. Readers never throw: a value of the wrong
/// shape is reported (an error at the node) and read as absent, except a scalar of the wrong type (<c>"1536MB"</c> for
/// a number), which the Framework passes through: it is kept with its typed value unknown. CloudFormation intrinsics (<c>{Ref: X}</c>,
/// <c>Fn::*</c>) and deploy-time values are accepted wherever a scalar is expected: their typed value is unknown
/// (null) and the raw node is kept.
/// </summary>
internal sealed class BindContext(DiagnosticBag diagnostics, KeyCatalog catalog)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The keys the binder knows and the defaults it applies.</summary>
    public KeyCatalog Catalog { get; } = catalog;

    /// <summary><c>configValidationMode</c>: <c>warn</c> (default), <c>error</c> or <c>off</c>; governs unknown keys.</summary>
    public string ValidationMode { get; set; } = "warn";

    /// <summary>The plugins the spec lists (their configuration sections and keys are then known).</summary>
    public HashSet<string> Plugins { get; } = new(StringComparer.Ordinal);

    /// <summary>Values the Framework's coercion took out of a one-element list, with that list: the binder reads the
    /// value (as the Framework does) and still reports that a list was written where a value is expected.</summary>
    public IReadOnlyDictionary<Node, SequenceNode> Unwrapped { get; init; } = new Dictionary<Node, SequenceNode>();

    // ---------------------------------------------------------------- diagnostics

    public void Error(Node node, string message, string? help = null) =>
        Add(DiagnosticIds.Schema, Severity.Error, message, node, help);

    public void Warning(Node node, string message, string? help = null) =>
        Add(DiagnosticIds.Schema, Severity.Warning, message, node, help);

    public void Add(string id, Severity severity, string message, Node node, string? help = null, Fix? fix = null)
    {
        Diagnostics.Add(new Diagnostic(id, severity, message, node.EditSpan) { Help = help, Related = Provenance.RelatedOf(node), Fix = fix });
    }

    /// <summary>Reports an unknown key, with "did you mean" when a known key is close.</summary>
    private void UnknownKey(ScalarNode key, SpecPath path, IEnumerable<string> known, string? note)
    {
        if (ValidationMode == "off")
        {
            return;
        }

        var severity = ValidationMode == "error" ? Severity.Error : Severity.Warning;
        var written = path.ToString();
        var where = written.Length == 0 ? "at the top level" : $"in '{written}'";
        var suggestion = KeySuggester.Suggest(key.Text, known);
        string? help = note;
        Fix? fix = null;
        if (suggestion is not null)
        {
            help = $"did you mean '{suggestion}'?" + (note is null ? "" : " " + note);
            fix = new Fix($"rename '{key.Text}' to '{suggestion}'", [new TextEdit(key.EditSpan, suggestion)]);
        }

        Diagnostics.Add(new Diagnostic(DiagnosticIds.Schema, severity,
            $"unknown property '{key.Text}' {where}", key.EditSpan) { Help = help, Fix = fix });
    }

    /// <summary>Reports an unknown key, offering the keys the catalogue knows at <paramref name="catalogPath"/>.</summary>
    public void UnknownKey(ScalarNode key, SpecPath path, string catalogPath, string? note = null) =>
        UnknownKey(key, path, KeysOf(catalogPath).Suggestable, note);

    /// <summary>
    /// Checks every key of <paramref name="map"/> against the catalogue's object at <paramref name="catalogPath"/>:
    /// an unknown key is reported with "did you mean" (and <paramref name="note"/>'s word on it, if any), a plugin's key
    /// when <c>plugins</c> does not list the plugin, and a v2 location v3 ignores with where it belongs now.
    /// </summary>
    public void CheckKeys(MappingNode map, SpecPath path, string catalogPath, Func<string, string?>? note = null)
    {
        var keys = KeysOf(catalogPath);
        var entries = map.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var name = entry.Key.Text;
            switch (keys.Find(name))
            {
                case null:
                    UnknownKey(entry.Key, path, keys.Suggestable, note?.Invoke(name));
                    break;
                case { Plugin: { } plugin } when !Plugins.Contains(plugin):
                    UnknownKey(entry.Key, path, [], path.ToString().Length == 0
                        ? $"'{name}' is configuration of the {plugin} plugin, which 'plugins' does not list"
                        : $"'{name}' comes from the {plugin} plugin, which 'plugins' does not list");
                    break;
                case { MovedTo: { } movedTo }:
                    UnknownKey(entry.Key, path, keys.Suggestable, $"'{name}' is a v2 location that v3 ignores; it belongs under '{movedTo}'");
                    break;
            }
        }
    }

    /// <summary>Warns about the list a single value was written as, when the Framework's coercion unwrapped it. The
    /// Framework accepts it (Ajv <c>coerceTypes: 'array'</c> reads a one-item list as its item), so it is not an
    /// error: the spec deploys, but the list reads as if it could hold more.</summary>
    public void ReportUnwrappedList(Node? node, SpecPath path, string expected)
    {
        if (node is not null && Unwrapped.TryGetValue(node, out var list))
        {
            Warning(list, $"'{path}' must be {expected}, not {Describe(list)}",
                "The Framework reads a one-item list as its item; write the item itself.");
        }
    }

    /// <summary>Reports each key the catalogue's object at <paramref name="catalogPath"/> requires and
    /// <paramref name="map"/> lacks (a null value counts as absent), adding their names to <paramref name="missing"/>;
    /// true when none is missing.</summary>
    public bool RequireKeys(MappingNode map, SpecPath path, string catalogPath, ICollection<string>? missing = null)
    {
        var complete = true;
        var required = KeysOf(catalogPath).Required;
        for (var i = 0; i < required.Count; i++)
        {
            var key = required[i];
            if (Get(map, key.Name) is null)
            {
                MissingKey(map, path, key.Name, key.RequiredHint);
                missing?.Add(key.Name);
                complete = false;
            }
        }

        return complete;
    }

    /// <summary>The entries of <paramref name="map"/> that are v2 locations v3 ignores (the catalogue's moved keys).</summary>
    public IReadOnlyList<MappingEntry> MovedEntries(MappingNode map, string catalogPath)
    {
        var keys = KeysOf(catalogPath);
        return [.. map.Entries.Where(e => keys.Find(e.Key.Text)?.MovedTo is not null)];
    }

    /// <summary>The catalogue's object at <paramref name="catalogPath"/>; the binder asking for one the catalogue lacks
    /// is a defect, not bad input.</summary>
    private KeyObject KeysOf(string catalogPath) =>
        Catalog.ObjectAt(catalogPath) ?? throw new InvalidOperationException($"the key catalogue has no object at '{catalogPath}'");

    /// <summary>Reports a value of the wrong shape. A string that still holds a <c>${…}</c> variable is skipped: the
    /// resolver has already reported why it could not be resolved.</summary>
    public void WrongType(Node node, SpecPath path, string expected)
    {
        if (node is ScalarNode s && IsUnresolved(s))
        {
            return;
        }

        Error(node, $"'{path}' must be {expected}, not {Describe(node)}");
    }

    public void MissingKey(Node parent, SpecPath path, string key, string? help = null) =>
        Error(parent, $"'{path}' is missing the required property '{key}'", help);

    /// <summary>How a node is shown in a message: its kind, and the value unless it is sensitive.</summary>
    public static string Describe(Node node) => node switch
    {
        ScalarNode { IsNull: true } => "null",
        ScalarNode { IsSensitive: true } s => $"the value of {s.Expression ?? "a variable"}",
        ScalarNode { Kind: ScalarKind.String } s => $"the string '{Shorten(s.Text)}'",
        ScalarNode s => $"{KindName(s.Kind)} {s.Text}",
        MappingNode => "a mapping",
        SequenceNode => "a list",
        DeployTimeNode => "a deploy-time value",
        _ => "a value",
    };

    private static string KindName(ScalarKind kind) => kind switch
    {
        ScalarKind.Bool => "the boolean",
        ScalarKind.Int => "the integer",
        ScalarKind.Float => "the number",
        _ => "the value",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    // ---------------------------------------------------------------- shapes

    /// <summary>True for a CloudFormation intrinsic (<c>{Ref: X}</c>, <c>{Fn::…}</c>, <c>{Condition: X}</c>) or a
    /// deploy-time value.</summary>
    public static bool IsIntrinsic(Node node) => node switch
    {
        DeployTimeNode => true,
        MappingNode { Entries.Count: 1 } m => m.Entries[0].Key.Text is "Ref" or "Condition"
            || m.Entries[0].Key.Text.StartsWith("Fn::", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>True when a scalar still holds a variable the resolver could not resolve (it reported it).</summary>
    private static bool IsUnresolved(ScalarNode s) =>
        s.Kind == ScalarKind.String && s.Text.Contains("${", StringComparison.Ordinal);

    /// <summary>Told the path of every key a typed reader reads from a mapping and the type it reads it as, so a test
    /// can hold the binder's types to the catalogue's shapes.</summary>
    public Action<string, Type>? KeyRead { get; init; }

    /// <summary>The path of <paramref name="key"/> under <paramref name="path"/>, read as a <typeparamref name="T"/>.</summary>
    private SpecPath Read<T>(SpecPath path, string key)
    {
        var keyPath = path.Key(key);
        KeyRead?.Invoke(keyPath.ToString(), typeof(T));
        return keyPath;
    }

    /// <summary>The value of <paramref name="key"/>, or null when the key is absent or its value is null.</summary>
    public static Node? Get(MappingNode map, string key) => map[key] is { } v && v is not ScalarNode { IsNull: true } ? v : null;

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    // ---------------------------------------------------------------- typed readers

    /// <summary>A mapping (not an intrinsic); reports anything else.</summary>
    public MappingNode? Mapping(Node? node, SpecPath path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case MappingNode m when !IsIntrinsic(m):
                return m;
            default:
                WrongType(node, path, "a mapping");
                return null;
        }
    }

    public MappingNode? Mapping(MappingNode map, string key, SpecPath path) => Mapping(Get(map, key), Read<MappingNode>(path, key));

    /// <summary>A string (any scalar is read as its text, as the Framework coerces); intrinsics are unknown.</summary>
    public Spanned<string?>? String(Node? node, SpecPath path)
    {
        ReportUnwrappedList(node, path, "a string");
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode s:
                return new Spanned<string?>(s.Text, s);
            case var n when IsIntrinsic(n):
                return new Spanned<string?>(null, n);
            default:
                WrongType(node, path, "a string");
                return null;
        }
    }

    public Spanned<string?>? String(MappingNode map, string key, SpecPath path) => String(Get(map, key), Read<string>(path, key));

    /// <summary>An integer (numeric strings are coerced, as the Framework does); intrinsics are unknown.</summary>
    public Spanned<int?>? Int(Node? node, SpecPath path)
    {
        var l = Long(node, path, "an integer");
        if (l is null)
        {
            return null;
        }

        if (l.Value is { } v && (v > int.MaxValue || v < int.MinValue))
        {
            WrongType(l.Node, path, "an integer in range");
            return null;
        }

        return new Spanned<int?>((int?)l.Value, l.Node);
    }

    public Spanned<int?>? Int(MappingNode map, string key, SpecPath path) => Int(Get(map, key), Read<int>(path, key));

    public Spanned<long?>? Long(Node? node, SpecPath path, string expected = "an integer")
    {
        ReportUnwrappedList(node, path, expected);
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.Int } s when s.AsLong is { } v:
                return new Spanned<long?>(v, s);
            case ScalarNode { Kind: ScalarKind.Float } s when s.AsDouble is { } d && d == Math.Floor(d)
                && Math.Abs(d) < 9e18:
                return new Spanned<long?>((long)d, s);
            case ScalarNode { Kind: ScalarKind.String } s when long.TryParse(s.Text.Trim(), NumberStyles.Integer,
                CultureInfo.InvariantCulture, out var parsed):
                return new Spanned<long?>(parsed, s);
            case ScalarNode s when IsUnresolved(s):
                return new Spanned<long?>(null, s);
            case var n when IsIntrinsic(n):
                return new Spanned<long?>(null, n);
            case ScalarNode s:
                // The Framework only warns and passes the value through: keep it, with its typed value unknown.
                WrongType(s, path, expected);
                return new Spanned<long?>(null, s);
            default:
                WrongType(node, path, expected);
                return null;
        }
    }

    public Spanned<long?>? Long(MappingNode map, string key, SpecPath path) => Long(Get(map, key), Read<long>(path, key));

    /// <summary>A boolean (<c>"true"</c>/<c>"false"</c> strings are coerced); intrinsics are unknown.</summary>
    public Spanned<bool?>? Bool(Node? node, SpecPath path)
    {
        ReportUnwrappedList(node, path, "a boolean");
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.Bool } s:
                return new Spanned<bool?>(s.AsBool, s);
            case ScalarNode { Kind: ScalarKind.String } s when s.Text is "true" or "false":
                return new Spanned<bool?>(s.Text == "true", s);
            case ScalarNode s when IsUnresolved(s):
                return new Spanned<bool?>(null, s);
            case var n when IsIntrinsic(n):
                return new Spanned<bool?>(null, n);
            case ScalarNode s:
                // The Framework only warns and passes the value through: keep it, with its typed value unknown.
                WrongType(s, path, "a boolean");
                return new Spanned<bool?>(null, s);
            default:
                WrongType(node, path, "a boolean");
                return null;
        }
    }

    public Spanned<bool?>? Bool(MappingNode map, string key, SpecPath path) => Bool(Get(map, key), Read<bool>(path, key));

    /// <summary>A list of strings; a single scalar is read as a one-item list (the Framework coerces it).
    /// An intrinsic in place of the list gives an empty list (the raw node stays reachable through the parent).</summary>
    public IReadOnlyList<Spanned<string?>> StringList(Node? node, SpecPath path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return [];
            case ScalarNode s:
                return [new Spanned<string?>(s.Text, s)];
            case SequenceNode seq:
                {
                    var list = new List<Spanned<string?>>(seq.Items.Count);
                    for (var i = 0; i < seq.Items.Count; i++)
                    {
                        if (String(seq.Items[i], path.Item(i)) is { } item)
                        {
                            list.Add(item);
                        }
                    }

                    return list;
                }

            case var n when IsIntrinsic(n):
                return [];
            default:
                WrongType(node, path, "a list of strings");
                return [];
        }
    }

    public IReadOnlyList<Spanned<string?>> StringList(MappingNode map, string key, SpecPath path) =>
        StringList(Get(map, key), Read<IReadOnlyList<string>>(path, key));

    /// <summary>A list of any items; a single non-list value is read as a one-item list.</summary>
    public IReadOnlyList<Node> List(Node? node, SpecPath path)
    {
        _ = path;
        return node switch
        {
            null or ScalarNode { IsNull: true } => [],
            SequenceNode seq => seq.Items,
            _ => [node],
        };
    }

    /// <summary>An effective value written on the element itself or a default.</summary>
    public static Setting<T> Explicit<T>(Spanned<T>? written, T defaultValue) =>
        written is null
            ? Setting<T>.Default(defaultValue)
            : new Setting<T>(written.Value, written.Node, SettingSource.Explicit) { DefaultValue = defaultValue };

    /// <summary>An effective value written on the element itself or the catalogue's default for the key at
    /// <paramref name="catalogPath"/>.</summary>
    public Setting<T> OrDefault<T>(Spanned<T>? written, string catalogPath) => Explicit(written, Catalog.Default<T>(catalogPath));

    /// <summary>The catalogue's default for the key at <paramref name="catalogPath"/>.</summary>
    public T Default<T>(string catalogPath) => Catalog.Default<T>(catalogPath);
}
