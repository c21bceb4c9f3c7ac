using System.Collections.Concurrent;
using Spec.Core.Files;
using Spec.Core.Model;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;
using Spec.Rules.Files;
using Spec.Rules.Fixes;
using Spec.Rules.Suppression;

namespace Spec.Rules.Checking;

public sealed record SpecCheckOptions
{
    public ResolveOptions Resolve { get; init; } = ResolveOptions.Empty;

    /// <summary><c>--as-of</c>: the date runtime lifecycle findings are judged by (default: today, UTC).</summary>
    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The rules to run; null = the whole catalogue.</summary>
    public IReadOnlyList<Rule>? Rules { get; init; }

    /// <summary>A fixed configuration; null = the <c>.spec.yml</c> found upward from each spec (or none).</summary>
    public SpecConfig? Config { get; init; }

    /// <summary>False = <c>--no-inline-suppressions</c>.</summary>
    public bool InlineSuppressions { get; init; } = true;

    public Baseline? Baseline { get; init; }

    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The Plan stage, so rules can check the resources it generates (SLS-GEN-009); null = none.</summary>
    public ResourcePlanner? Planner { get; init; }
}

/// <summary>One spec checked: what Load → Resolve → Bind made of it, and the findings (stage diagnostics included).</summary>
public sealed record SpecCheckResult(string Path, PipelineResult Pipeline, RuleRunResult Result)
{
    public LoadResult? Loaded => Pipeline.Loaded;

    /// <summary>The <c>.spec.yml</c> that applied to this spec, or null when none did.</summary>
    public string? ConfigFile { get; init; }

    public Service? Service => Pipeline.Service;

    /// <summary>True when the spec could not be processed at all (missing, unreadable, not a mapping).</summary>
    public bool CouldNotLoad => Pipeline.CouldNotProcess;
}

/// <summary>
/// <c>spec check</c> as a library call: Load → Resolve → Bind → Check for one spec or many (in parallel, results in
/// input order), and <c>--fix</c>: apply the safe fixes, write the files, check again.
/// </summary>
public sealed class SpecChecker(SpecCheckOptions options)
{
    private readonly ConcurrentDictionary<string, SpecConfig> _configs = new(StringComparer.Ordinal);

    public SpecCheckResult Check(string path) =>
        EbInput.IsEbFile(path) ? CheckBeanstalkFile(path) : Check(new SpecPipeline().Run(path, options.Resolve));

    /// <summary>Checks <paramref name="text"/> as the spec at <paramref name="path"/> (an editor's unsaved buffer).</summary>
    public SpecCheckResult CheckText(string path, string text) => Check(new SpecPipeline().RunText(path, text, options.Resolve));

    private SpecCheckResult Check(PipelineResult pipeline)
    {
        var documents = pipeline.Loaded is { Root: not null } loaded ? new[] { loaded } : [];
        var input = new RuleInput(documents, options.AsOf)
        {
            Service = pipeline.Service,
            StageDiagnostics = pipeline.Diagnostics,
            Planner = options.Planner,
        };
        var config = ConfigFor(pipeline.ConfigPath);
        var result = RuleEngine.Run(input, new RuleRunOptions
        {
            Rules = options.Rules,
            Config = config,
            InlineSuppressions = options.InlineSuppressions,
            Baseline = options.Baseline,
            BaseDirectory = options.BaseDirectory,
        });
        return new SpecCheckResult(pipeline.ConfigPath, pipeline, result) { ConfigFile = config.FilePath };
    }

    /// <summary>Checks each path; a folder of Elastic Beanstalk bundles stands for their files (<see cref="EbInput.Expand"/>).</summary>
    public IReadOnlyList<SpecCheckResult> CheckAll(IReadOnlyList<string> paths, ProgressLine? progress = null) =>
        ParallelChecker.Run([.. paths.SelectMany(EbInput.Expand)], Check, progress);

    /// <summary>
    /// An Elastic Beanstalk file (<c>.ebextensions/*.config</c>, <c>Procfile</c>, <c>cron.yaml</c>, <c>env.yaml</c>):
    /// linted with its bundle by the <c>SLS-EB-*</c> rules; its findings go through the configuration and the baseline
    /// like a spec's.
    /// </summary>
    private SpecCheckResult CheckBeanstalkFile(string path)
    {
        var (loaded, findings) = EbInput.Check(path);
        var pipeline = new PipelineResult(path, loaded, null, DiagnosticOrder.Sort(findings));
        var result = RuleEngine.Run(new RuleInput([loaded], options.AsOf) { StageDiagnostics = findings }, new RuleRunOptions
        {
            Rules = options.Rules,
            Config = ConfigFor(path),
            InlineSuppressions = false,
            Baseline = options.Baseline,
            BaseDirectory = options.BaseDirectory,
        });
        return new SpecCheckResult(path, pipeline with { Diagnostics = result.Diagnostics }, result);
    }

    /// <summary>
    /// Applies the fixes of <paramref name="checkedSpec"/>'s reported findings to the files on disk (atomically), then
    /// checks the spec again. The fix results say which fixes were applied and which were skipped (overlapping).
    /// </summary>
    public (IReadOnlyList<FixResult> Fixes, SpecCheckResult After) FixAndRecheck(SpecCheckResult checkedSpec, bool includeUnsafe = false)
    {
        var fixes = FixApplier.Apply(checkedSpec.Result.Findings, ReadForFix, includeUnsafe);
        FixApplier.Write(fixes);
        return (fixes, Check(checkedSpec.Path));
    }

    private static string? ReadForFix(string file)
    {
        try
        {
            return UntrustedFile.ReadAllText(file, LoadLimits.Default.MaxFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private SpecConfig ConfigFor(string path)
    {
        if (options.Config is { } fixedConfig)
        {
            return fixedConfig;
        }

        var file = SpecConfigLoader.Find(path);
        return file is null
            ? SpecConfig.Empty
            : _configs.GetOrAdd(file, f => SpecConfigLoader.LoadFile(f,
                [.. RuleCatalog.Descriptors(options.Rules).Select(m => m.Id)]));
    }
}
