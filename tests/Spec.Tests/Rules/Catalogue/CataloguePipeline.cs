using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Rules.Checking;
using Spec.Rules.Engine;
using Spec.Rules.Suppression;

namespace Spec.Tests.Rules.Catalogue;

/// <summary>Load → Resolve → Bind → Check over one spec, as <c>spec check</c> runs it, for the catalogue tests.</summary>
internal static class CataloguePipeline
{
    /// <summary>The date the fixtures' lifecycle expectations are written for.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 23);

    public static IReadOnlyList<Finding> Check(string path, string text, DateOnly? asOf = null,
        IReadOnlyList<string>? args = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText(path, text, bag);
        return Check(loaded, bag, asOf ?? AsOf, args ?? [], environment ?? new Dictionary<string, string>());
    }

    /// <summary>A spec on disk, through <see cref="SpecChecker"/> (what <c>spec check</c> runs), without <c>.spec.yml</c>.</summary>
    public static IReadOnlyList<Finding> CheckFile(string path, DateOnly? asOf = null,
        IReadOnlyList<string>? args = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var checker = new SpecChecker(new SpecCheckOptions
        {
            Resolve = ResolveOptions.FromArguments(args ?? [], environment ?? new Dictionary<string, string>()),
            AsOf = asOf ?? AsOf,
            Config = SpecConfig.Empty,
            BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".",
            Planner = Spec.Backends.Plan.GeneratedForRules.Plan,
        });
        return checker.Check(path).Result.Findings;
    }

    private static IReadOnlyList<Finding> Check(LoadResult loaded, DiagnosticBag bag, DateOnly asOf,
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        if (loaded.Root is null)
        {
            return [.. bag.Items.Select(d => new Finding(d, string.Empty))];
        }

        var resolved = Resolve(loaded, args, environment, bag);
        var service = Binder.Bind(resolved, bag);
        if (service is null)
        {
            return [.. bag.Items.Select(d => new Finding(d, string.Empty))];
        }

        var input = new RuleInput([loaded], asOf)
        {
            Service = service,
            StageDiagnostics = [.. bag.Items],
            Planner = Spec.Backends.Plan.GeneratedForRules.Plan,
        };
        var options = new RuleRunOptions { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(loaded.Source.Path)) ?? "." };
        return RuleEngine.Run(input, options).Findings;
    }

    private static ResolvedSpec Resolve(LoadResult loaded, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment, DiagnosticBag bag) =>
        VariableResolver.Resolve(loaded, ResolveOptions.FromArguments(args, environment), bag);
}
