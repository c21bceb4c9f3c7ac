using System.Globalization;
using Spec.Core.Schema.Catalog;

namespace Spec.Core.Schema;

/// <summary>
/// The one description of every key of the format, indexed by path: the binder checks keys and takes defaults from
/// it, the JSON Schema is generated from it, and an editor completes and hovers from it. Built from a root
/// <see cref="SpecProperty"/> (the format's is <see cref="SpecCatalog"/>).
/// </summary>
/// <remarks>
/// A path is dotted keys from the root: <c>*</c> stands for any key of a map (a function name, a resource id) and
/// list items are transparent, so <c>functions.*.events.sqs.batchSize</c> is the batch size of any SQS event.
/// A <c>[]</c> after a segment (<c>functions.*.events[].sqs</c>) is accepted and means the same.
/// </remarks>
public sealed class KeyCatalog
{
    private static readonly Lazy<KeyCatalog> ServerlessCatalog = new(() => new KeyCatalog(SpecCatalog.Root));

    private readonly Dictionary<string, SpecProperty> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyObject> _objects = new(StringComparer.Ordinal);

    public KeyCatalog(SpecProperty root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
        Index("", root);
    }

    /// <summary>The catalogue of Serverless Framework v3 <c>serverless.yml</c> for AWS.</summary>
    public static KeyCatalog Serverless => ServerlessCatalog.Value;

    /// <summary>The root of the spec: a closed object of the top-level keys.</summary>
    public SpecProperty Root { get; }

    /// <summary>The key at <paramref name="path"/>, or null when the catalogue has none. For a <c>*</c> segment the
    /// answer is the map's value shape, named <c>*</c> and documented as the map.</summary>
    public SpecProperty? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _keys.GetValueOrDefault(Normalize(path));
    }

    /// <summary>The object whose keys are at <paramref name="path"/> (for a list, its items' object), or null when the
    /// value there is not an object with named keys (a map, a scalar, free-form) or the path is unknown.</summary>
    public KeyObject? ObjectAt(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _objects.GetValueOrDefault(Normalize(path));
    }

    /// <summary>The default of the key at <paramref name="path"/> as a <typeparamref name="T"/> (<c>int?</c>,
    /// <c>long?</c>, <c>string?</c> or <c>bool?</c>). Throws when the key has no literal default: a default the
    /// binder applies must be written in the catalogue.</summary>
    public T Default<T>(string path)
    {
        var key = Find(path) ?? throw new InvalidOperationException($"the key catalogue has no key '{path}'");
        if (key.Default is null || key.HasComputedDefault)
        {
            throw new InvalidOperationException($"the key catalogue gives '{path}' no literal default");
        }

        if (key.Default is T written)
        {
            return written;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object value = key.Default is long l && target == typeof(int)
            ? checked((int)l)
            : key.Default;
        return value is T typed
            ? typed
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the default of '{path}' is {key.Default.GetType().Name} {key.Default}, not {target.Name}"));
    }

    /// <summary>A catalogue with <paramref name="property"/> added to (or replacing the key of the same name in) the
    /// object at <paramref name="objectPath"/>, the way a plugin extends the Framework's schema.</summary>
    public KeyCatalog WithKey(string objectPath, SpecProperty property)
    {
        ArgumentNullException.ThrowIfNull(objectPath);
        ArgumentNullException.ThrowIfNull(property);
        return new KeyCatalog(Edit(Root, Segments(objectPath), 0, path: objectPath, o => o with
        {
            Properties = o.Find(property.Name) is null
                ? [.. o.Properties, property]
                : [.. o.Properties.Select(p => p.Name == property.Name ? property : p)],
        }));
    }

    /// <summary>A catalogue with the key at <paramref name="path"/> changed by <paramref name="change"/>.</summary>
    public KeyCatalog WithChanged(string path, Func<SpecProperty, SpecProperty> change)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(change);
        var segments = Segments(path);
        if (segments.Length == 0)
        {
            return new KeyCatalog(change(Root));
        }

        var name = segments[^1];
        return new KeyCatalog(Edit(Root, segments[..^1], 0, path, o => o with
        {
            Properties = o.Find(name) is null
                ? throw new InvalidOperationException($"the key catalogue has no key '{path}'")
                : [.. o.Properties.Select(p => p.Name == name ? change(p) : p)],
        }));
    }

    private static string Normalize(string path) =>
        path.Contains('[', StringComparison.Ordinal) ? path.Replace("[]", "", StringComparison.Ordinal) : path;

    private static string[] Segments(string path) => Normalize(path).Split('.', StringSplitOptions.RemoveEmptyEntries);

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private void Index(string path, SpecProperty owner)
    {
        Index(path, owner, owner.Shape);
    }

    private void Index(string path, SpecProperty owner, Shape shape)
    {
        if (shape.Object is { } o)
        {
            if (o.Properties.Count > 0 || !o.IsMap)
            {
                _objects.TryAdd(path, new KeyObject(path, o));
            }

            foreach (var p in o.Properties)
            {
                var child = Join(path, p.Name);
                if (_keys.TryAdd(child, p))
                {
                    Index(child, p);
                }
            }

            if (o.Values is { } values)
            {
                var child = Join(path, "*");
                var entry = new SpecProperty("*", values, owner.Summary) { Docs = owner.Docs };
                if (_keys.TryAdd(child, entry))
                {
                    Index(child, entry);
                }
            }
        }

        // List items are transparent: `functions.*.events.sqs` is the `sqs` key of an item of `events`.
        if (shape.Items is { } items)
        {
            Index(path, owner, items);
        }
    }

    /// <summary>Rebuilds <paramref name="property"/> with the object at <paramref name="segments"/>[i..] edited.</summary>
    private static SpecProperty Edit(SpecProperty property, string[] segments, int i, string path, Func<ObjectFacet, ObjectFacet> edit) =>
        property with { Shape = Edit(property.Shape, segments, i, path, edit) };

    private static Shape Edit(Shape shape, string[] segments, int i, string path, Func<ObjectFacet, ObjectFacet> edit)
    {
        if (i == segments.Length)
        {
            if (shape.Object is { } target && (target.Properties.Count > 0 || !target.IsMap))
            {
                return shape with { Object = edit(target) };
            }

            return shape.Items is { } listed
                ? shape with { Items = Edit(listed, segments, i, path, edit) }
                : throw new InvalidOperationException($"the key catalogue has no object at '{path}'");
        }

        var segment = segments[i];
        if (shape.Object is { } o)
        {
            if (segment == "*" && o.Values is { } values)
            {
                return shape with { Object = o with { Values = Edit(values, segments, i + 1, path, edit) } };
            }

            if (o.Find(segment) is { } child)
            {
                return shape with
                {
                    Object = o with
                    {
                        Properties = [.. o.Properties.Select(p => p == child ? Edit(p, segments, i + 1, path, edit) : p)],
                    },
                };
            }
        }

        return shape.Items is { } items
            ? shape with { Items = Edit(items, segments, i, path, edit) }
            : throw new InvalidOperationException($"the key catalogue has no object at '{path}'");
    }
}

/// <summary>An object of the catalogue with named keys (a record, not a map), with lookup by name.</summary>
public sealed class KeyObject
{
    private readonly Dictionary<string, SpecProperty> _byName;

    internal KeyObject(string path, ObjectFacet facet)
    {
        Path = path;
        Properties = facet.Properties;
        _byName = new Dictionary<string, SpecProperty>(facet.Properties.Count, StringComparer.Ordinal);
        foreach (var p in facet.Properties)
        {
            _byName.TryAdd(p.Name, p);
        }

        Suggestable = [.. facet.Properties.Where(p => p.MovedTo is null).Select(p => p.Name)];
        Required = [.. facet.Properties.Where(p => p.Required)];
    }

    /// <summary>The catalogue path of the object (<c>""</c> for the root).</summary>
    public string Path { get; }

    public IReadOnlyList<SpecProperty> Properties { get; }

    /// <summary>The keys worth offering for a misspelt one, in catalogue order: all but the v2 locations v3 ignores.</summary>
    public IReadOnlyList<string> Suggestable { get; }

    /// <summary>The keys the object requires, in catalogue order.</summary>
    public IReadOnlyList<SpecProperty> Required { get; }

    public SpecProperty? Find(string name) => _byName.GetValueOrDefault(name);
}
