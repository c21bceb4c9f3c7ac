using Spec.Backends;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk;
using Spec.Rules.Engine;

namespace Spec.Cli;

/// <summary>
/// Every diagnostic id the tool can report, with its descriptor: the rules and the stage and engine ids of
/// <see cref="RuleCatalog.Descriptors"/> (what <c>spec check</c> reports), the Elastic Beanstalk input rules of
/// <see cref="BeanstalkRules"/>, plus the backends' and deployers' ids of
/// <see cref="BackendDiagnostics"/>. <c>spec explain</c>, <c>spec rules --all</c>, SARIF's <c>tool.driver.rules</c> and
/// <c>docs/rules.md</c> read it.
/// </summary>
internal static class DiagnosticCatalog
{
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> Descriptors = new(() => Combine(RuleCatalog.Descriptors(), BeanstalkRules.Descriptors, BackendDiagnostics.All));

    /// <summary>Sorted by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => Descriptors.Value;

    /// <summary>The descriptor of this id (case-insensitive), or null.</summary>
    public static DiagnosticDescriptor? Find(string id) =>
        All.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Both lists, sorted by id; an id described twice is a bug in the registrations and throws.</summary>
    internal static IReadOnlyList<DiagnosticDescriptor> Combine(params IEnumerable<DiagnosticDescriptor>[] lists)
    {
        var byId = new SortedDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in lists.SelectMany(l => l))
        {
            if (!byId.TryAdd(descriptor.Id, descriptor))
            {
                throw new InvalidOperationException($"diagnostic id {descriptor.Id} is described twice");
            }
        }

        return [.. byId.Values];
    }
}
