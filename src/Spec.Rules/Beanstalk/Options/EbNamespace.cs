namespace Spec.Rules.Beanstalk.Options;

/// <summary>
/// A namespace of configuration options. A name with a placeholder (<c>aws:elbv2:listener:{port}</c>,
/// <c>aws:elasticbeanstalk:environment:process:{name}</c>) stands for every name with a value in its place.
/// </summary>
public sealed record EbNamespace(string Name, IReadOnlyDictionary<string, EbOption> Options)
{
    /// <summary>Any option name is allowed (environment properties, static file paths, custom options).</summary>
    public bool Open { get; init; }

    /// <summary>A pattern option names of an open namespace must match (static file paths start with <c>/</c>).</summary>
    public string? OpenKeyPattern { get; init; }

    /// <summary>A pattern the values of an open namespace must match.</summary>
    public string? ValuePattern { get; init; }

    public EbTier? Tier { get; init; }

    /// <summary>Only for the retired Amazon Linux AMI platforms (before Amazon Linux 2).</summary>
    public bool Legacy { get; init; }

    /// <summary>What replaces a legacy namespace on current platforms.</summary>
    public string? Replacement { get; init; }

    /// <summary>The platforms a platform-specific namespace belongs to (empty for general namespaces).</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];

    public string? Source { get; init; }

    public bool IsPattern => Name.Contains('{', StringComparison.Ordinal);

    /// <summary>The tier <paramref name="option"/> is limited to: its own, else its namespace's.</summary>
    public EbTier? TierOf(EbOption option) => option.Tier ?? Tier;

    public EbOption? Option(string name) => Options.GetValueOrDefault(name);

    /// <summary>True when <paramref name="name"/> is this namespace or fills its placeholder.</summary>
    public bool Matches(string name)
    {
        var open = Name.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return string.Equals(Name, name, StringComparison.Ordinal);
        }

        var prefix = Name[..open];
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length)
        {
            return false;
        }

        var value = name[prefix.Length..];
        return Name.EndsWith("{port}", StringComparison.Ordinal)
            ? value.All(char.IsAsciiDigit)
            : !value.Contains(':', StringComparison.Ordinal);
    }
}
