using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Schema;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// Bind stage: the resolved node tree becomes the typed <see cref="Service"/> model, with the Framework's value
/// coercion and defaults applied once. Unknown keys are warnings with "did you mean"; wrong types and missing required
/// keys are errors; a non-AWS provider is one <see cref="DiagnosticIds.Unsupported"/> diagnostic. Never throws on bad
/// input.
/// </summary>
public static class Binder
{
    /// <summary>Binds a resolved spec. Returns null when there is no model to build (no mapping at the root, a
    /// non-AWS provider); the reason is then in <paramref name="diagnostics"/>.</summary>
    public static Service? Bind(ResolvedSpec resolved, DiagnosticBag diagnostics) =>
        Bind(resolved, diagnostics, KeyCatalog.Serverless);

    /// <summary>Binds a resolved spec with the keys and defaults of <paramref name="catalog"/> (the format's own, or
    /// one a plugin extended).</summary>
    public static Service? Bind(ResolvedSpec resolved, DiagnosticBag diagnostics, KeyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(catalog);
        if (resolved.Root is not MappingNode root)
        {
            if (resolved.Root is { } other)
            {
                diagnostics.Error(DiagnosticIds.Schema, $"the spec must be a mapping at the top level, not {BindContext.Describe(other)}",
                    other.Span);
            }

            return null;
        }

        var stage = string.IsNullOrEmpty(resolved.Stage) ? catalog.Default<string>("provider.stage") : resolved.Stage;
        var region = string.IsNullOrEmpty(resolved.Region) ? catalog.Default<string>("provider.region") : resolved.Region;
        var coerced = FrameworkCoercion.Apply(root, stage, region, out var unwrapped);
        return new ServiceBinder(new BindContext(diagnostics, catalog) { Unwrapped = unwrapped }, stage, region).Bind(coerced);
    }

    /// <summary>
    /// Binds for the backends (<c>spec compile</c>, <c>package</c>, <c>deploy</c>), which compile a spec with schema
    /// problems as the Framework's <c>package</c> does: the binder's findings are not reported (<c>spec check</c> reports
    /// them) — except under <c>configValidationMode: error</c>, where the Framework refuses a configuration that breaks
    /// its schema, so the binder's errors are reported and stop the backend. When no model can be built, the binder's
    /// errors say why and null is returned.
    /// </summary>
    public static Service? BindForBackends(ResolvedSpec resolved, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var findings = new DiagnosticBag();
        var service = Bind(resolved, findings);
        if (service is null || service.ConfigValidationMode.Value == "error")
        {
            foreach (var error in findings.Items.Where(d => d.Severity == Severity.Error))
            {
                diagnostics.Add(error);
            }
        }

        return service;
    }
}
