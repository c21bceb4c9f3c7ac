using Spec.Core.Diagnostics;

namespace Spec.Rules.Suppression;

/// <summary>A configured level for a rule: off, or a severity replacing its default.</summary>
public enum RuleLevel
{
    Off,
    Info,
    Warning,
    Error,
}

/// <summary>
/// One <c>ignore:</c> entry of <c>.spec.yml</c>: findings of <see cref="Rules"/> (ids, or <c>*</c> / <c>SLS-SQS-*</c>
/// globs) in files matching <see cref="Files"/> and at structural paths matching <see cref="Path"/>; a missing
/// filter matches everything.
/// </summary>
public sealed record IgnoreEntry(IReadOnlyList<Glob> Rules, Glob? Files, Glob? Path, string Reason)
{
    public bool MatchesRule(string id) => Rules.Any(r => r.IsMatch(id));
}

/// <summary>The project configuration (<c>.spec.yml</c>, found upward from the spec).</summary>
public sealed record SpecConfig
{
    public static readonly SpecConfig Empty = new();

    /// <summary>The config file, or null for the empty configuration.</summary>
    public string? FilePath { get; init; }

    /// <summary><c>files:</c> globs are relative to this folder (the config file's).</summary>
    public string Directory => FilePath is null ? Environment.CurrentDirectory : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(FilePath))!;

    /// <summary><c>rules: {ID: off|info|warning|error}</c>, ids upper-case.</summary>
    public IReadOnlyDictionary<string, RuleLevel> RuleLevels { get; init; } = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);

    public IReadOnlyList<IgnoreEntry> Ignores { get; init; } = [];

    /// <summary>False forbids <c># spec-ignore</c> comments (they are then ignored): CI governance.</summary>
    public bool InlineSuppressions { get; init; } = true;

    /// <summary>The baseline file named in the config (relative to <see cref="Directory"/>), if any.</summary>
    public string? Baseline { get; init; }

    /// <summary>Problems found reading the config file itself (<see cref="SpecConfigLoader.ConfigId"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public bool IsOff(string id) => RuleLevels.TryGetValue(id, out var level) && level == RuleLevel.Off;

    /// <summary>The severity a diagnostic gets under this config; null when its rule is off.</summary>
    public Severity? SeverityOf(Diagnostic diagnostic) =>
        RuleLevels.TryGetValue(diagnostic.Id, out var level)
            ? level switch
            {
                RuleLevel.Off => null,
                RuleLevel.Info => Severity.Info,
                RuleLevel.Warning => Severity.Warning,
                _ => Severity.Error,
            }
            : diagnostic.Severity;
}
