using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// The Resolve stage: substitutes every Serverless Framework v3 variable (<c>${source:address, fallback}</c>) the
/// way <c>serverless</c> 3.40 does before it prints or packages a service. Sources that only AWS can answer
/// (<c>ssm</c>, <c>cf</c>, <c>s3</c>, <c>aws:accountId</c>) become <see cref="DeployTimeNode"/>s.
/// </summary>
/// <remarks>
/// Where Spec deliberately differs from the Framework:
/// <list type="bullet">
/// <item>A list inside a longer string is an error; the Framework would join its items with commas.</item>
/// <item>The fallbacks after a deploy-time source are not kept: the deploy-time reference is the value.</item>
/// <item><c>.js</c>/<c>.cjs</c> files are never executed (a diagnostic says so).</item>
/// <item><c>${file()}</c> stays inside the service directory unless <see cref="ResolveOptions.AllowOutsideFiles"/>.</item>
/// <item>A mapping copied through <c>${self:…}</c> is not scanned again for variables (the Framework re-scans it,
/// which only matters for escaped <c>\${…}</c> inside it); this keeps repeated references linear.</item>
/// <item><c>${sls:instanceId}</c> is derived from the config text and stage, not the clock.</item>
/// </list>
/// </remarks>
public static class VariableResolver
{
    public static ResolvedSpec Resolve(LoadResult loaded, ResolveOptions options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var environment = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        if (loaded.Root is null)
        {
            return new ResolvedSpec(loaded, null, options.Stage ?? Model.Defaults.Stage, options.Region ?? Model.Defaults.Region);
        }

        // Phase 1 of the Framework: read useDotenv and the stage first, then load .env files into the environment.
        var probe = new ResolutionRun(loaded, options, environment, new DiagnosticBag());
        if (probe.TryLookup(["useDotenv"]) is ScalarNode { AsBool: true })
        {
            Dotenv.LoadInto(environment, ServiceDirectory(loaded), probe.EffectiveStage(), diagnostics, loaded.Root.Span);
        }

        var run = new ResolutionRun(loaded, options, environment, diagnostics);
        var root = run.ResolveRoot();
        return new ResolvedSpec(loaded, root, run.EffectiveStage(), run.EffectiveRegion());
    }

    internal static string ServiceDirectory(LoadResult loaded) =>
        Path.GetDirectoryName(Path.GetFullPath(loaded.Source.Path)) ?? ".";
}
