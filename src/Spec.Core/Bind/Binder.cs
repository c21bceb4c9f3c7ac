using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Schema;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary>
/// Bind stage: the resolved node tree becomes the typed <see cref="Service"/> model, with the Framework's defaults
/// applied once. Unknown keys are warnings with "did you mean"; wrong types and missing required keys are errors;
/// a non-AWS provider is one <see cref="DiagnosticIds.Unsupported"/> diagnostic. Never throws on bad input.
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

        return new ServiceBinder(new BindContext(diagnostics, catalog), resolved).Bind(root);
    }
}
