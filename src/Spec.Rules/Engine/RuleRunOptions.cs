using Spec.Rules.Suppression;

namespace Spec.Rules.Engine;

public sealed record RuleRunOptions
{
    public static readonly RuleRunOptions Default = new();

    /// <summary>The rules to run; null = <see cref="RuleCatalog.All"/>.</summary>
    public IReadOnlyList<Rule>? Rules { get; init; }

    public SpecConfig Config { get; init; } = SpecConfig.Empty;

    /// <summary>False = <c>--no-inline-suppressions</c>: <c># spec-ignore</c> comments are not honoured.</summary>
    public bool InlineSuppressions { get; init; } = true;

    /// <summary>Findings whose fingerprint is in the baseline are dropped (only new ones are reported).</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Fingerprints and output paths are relative to this folder (default: the working directory).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;
}
