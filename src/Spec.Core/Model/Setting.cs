using System.Collections.Concurrent;
using Spec.Core.Schema;
using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>Where an effective value came from.</summary>
public enum SettingSource
{
    /// <summary>Written on the function itself.</summary>
    Function,

    /// <summary>Inherited from (or written on) <c>provider</c>.</summary>
    Provider,

    /// <summary>Not written anywhere: the Serverless Framework (or AWS) default.</summary>
    Default,

    /// <summary>Written on the element itself (an event, a resource, a layer…), where no inheritance applies.</summary>
    Explicit,
}

/// <summary>
/// An effective value and where it came from: function &gt; provider &gt; Framework default.
/// <see cref="Node"/> is the node the value was read from (null for defaults), so a diagnostic can point at it.
/// When <typeparamref name="T"/> is nullable, a null <see cref="Value"/> with a non-null <see cref="Node"/> means the
/// value is not a literal (a CloudFormation intrinsic such as <c>{Ref: X}</c>, or a deploy-time value): its raw node
/// is kept and the typed value is unknown.
/// </summary>
public sealed record Setting<T>(T Value, Node? Node, SettingSource Source)
{
    /// <summary>The value that applies when the setting is not written (the Framework's or AWS's default, or what is
    /// inherited).</summary>
    public T DefaultValue { get; init; } = Value;

    /// <summary>The literal value, or <see cref="DefaultValue"/> when the written value is not a literal (an intrinsic,
    /// a deploy-time value) and a name or text is needed all the same.</summary>
    public T LiteralOrDefault => Value is null ? DefaultValue : Value;

    /// <summary>True when the value was written in the spec (not a default).</summary>
    public bool IsWritten => Source != SettingSource.Default;

    /// <summary>True when a node exists but its typed value is unknown (an intrinsic or a deploy-time value).</summary>
    public bool IsUnknown => Value is null && Node is not null and not ScalarNode { IsNull: true };

    /// <summary>A default that has no node.</summary>
    public static Setting<T> Default(T value) => new(value, null, SettingSource.Default);

    /// <summary>The default the format's key catalogue gives the key at <paramref name="catalogPath"/>
    /// (<see cref="KeyCatalog.Serverless"/>), e.g. <c>provider.timeout</c>.</summary>
    public static Setting<T> CatalogDefault(string catalogPath) => CatalogDefaults<T>.Get(catalogPath);
}

/// <summary>One shared <see cref="Setting{T}"/> per catalogue default (a setting is immutable).</summary>
file static class CatalogDefaults<T>
{
    private static readonly ConcurrentDictionary<string, Setting<T>> Cache = new(StringComparer.Ordinal);

    public static Setting<T> Get(string catalogPath) =>
        Cache.GetOrAdd(catalogPath, static path => Setting<T>.Default(KeyCatalog.Serverless.Default<T>(path)));
}

/// <summary>
/// A value written in the spec, with the node it came from. When <typeparamref name="T"/> is nullable, a null
/// <see cref="Value"/> means the node is not a literal of the expected type (an intrinsic function, a deploy-time
/// value): the raw <see cref="Node"/> is kept.
/// </summary>
public sealed record Spanned<T>(T Value, Node Node)
{
    /// <summary>True when the typed value is unknown (an intrinsic or a deploy-time value).</summary>
    public bool IsUnknown => Value is null;

    /// <summary>How a message shows the value: its expression when it came from <c>${env:}</c> or <c>${file()}</c>.</summary>
    public string Shown => Node.Display;
}
