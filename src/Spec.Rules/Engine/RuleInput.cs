using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Rules.Engine;

/// <summary>
/// What one rule run looks at: the bound <see cref="Spec.Core.Model.Service"/>, the loaded documents of the spec (the main file
/// and any file its <c>${file(…)}</c> variables pulled in: their text, comments and unresolved trees, for suppressions,
/// fingerprints and fixes), the date lifecycle rules judge by, and the data tables.
/// </summary>
public sealed class RuleInput
{
    private readonly Dictionary<string, LoadResult> _byPath;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Lazy<object>> _shared = new();
    private readonly Lazy<IReadOnlyList<GeneratedResource>> _generated;
    private readonly Lazy<IReadOnlySet<string>> _writtenToo;

    public RuleInput(IEnumerable<LoadResult> documents, DateOnly asOf, RuleData? data = null)
    {
        Documents = [.. documents];
        _byPath = new Dictionary<string, LoadResult>(StringComparer.Ordinal);
        foreach (var document in Documents)
        {
            _byPath.TryAdd(document.Source.Path, document);
        }

        AsOf = asOf;
        Data = data ?? RuleData.Default;
        _generated = new(Plan, LazyThreadSafetyMode.ExecutionAndPublication);
        _writtenToo = new(() => GeneratedResource.WrittenToo(GeneratedResources(), Service?.Resources.Resources ?? []));
    }

    /// <summary>
    /// The bound model; null when the spec could not be loaded or bound, in which case no rule runs and only
    /// <see cref="StageDiagnostics"/> are reported.
    /// </summary>
    public Service? Service { get; init; }

    /// <summary>The main spec first, then included files.</summary>
    public IReadOnlyList<LoadResult> Documents { get; }

    /// <summary>Runtime lifecycle findings fire as of this date (<c>--as-of</c>, default today).</summary>
    public DateOnly AsOf { get; }

    /// <summary>The input for a bound spec.</summary>
    public static RuleInput For(Service service, IEnumerable<LoadResult> documents, DateOnly asOf, IEnumerable<Diagnostic>? stageDiagnostics = null) =>
        new(documents, asOf) { Service = service, StageDiagnostics = stageDiagnostics is null ? [] : [.. stageDiagnostics] };

    public RuleData Data { get; }

    /// <summary>Lowers the spec to the resources its plan generates; null when the caller has no Plan stage (then the
    /// rules that check generated resources see none).</summary>
    public ResourcePlanner? Planner { get; init; }

    /// <summary>The resources the plan generates for <see cref="Service"/>, planned once per run (none without a
    /// <see cref="Planner"/> or when planning fails: the compile reports why).</summary>
    public IReadOnlyList<GeneratedResource> GeneratedResources() => _generated.Value;

    /// <summary>The logical ids of the resources written in <c>resources:</c> that the plan generates too
    /// (<see cref="GeneratedResource.WrittenToo"/>), found once per run for the rules that read both.</summary>
    public IReadOnlySet<string> GeneratedWrittenToo() => _writtenToo.Value;

    private IReadOnlyList<GeneratedResource> Plan()
    {
        try
        {
            return Planner is not null && Service is not null ? Planner(Service) : [];
        }
#pragma warning disable CA1031 // A spec the plan cannot lower is `spec compile`'s to report; the check goes on without it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }

    /// <summary>
    /// What the Load, Resolve and Bind stages reported: they go through the same severity config, suppressions,
    /// baseline and ordering as rule findings.
    /// </summary>
    public IReadOnlyList<Diagnostic> StageDiagnostics { get; init; } = [];

    /// <summary>
    /// A value derived from the spec once per run and shared by every rule that asks for the same type (an index of
    /// resources, the consumers of each queue…). The factory must be pure: it sees only <see cref="Service"/>.
    /// </summary>
    public T Shared<T>(Func<Service, T> factory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        var service = Service ?? throw new InvalidOperationException("shared values need a bound spec; RuleInput.Service is null");
        // Rules run on two threads: the Lazy makes the second rule that asks wait for the first one's value instead of
        // deriving it again.
        return (T)_shared.GetOrAdd(typeof(T), _ => new Lazy<object>(() => factory(service))).Value;
    }

    /// <summary>The loaded document with this path (as in <see cref="Spec.Core.Diagnostics.SourceSpan.File"/>), or null.</summary>
    public LoadResult? Document(string path) => _byPath.GetValueOrDefault(path);
}
