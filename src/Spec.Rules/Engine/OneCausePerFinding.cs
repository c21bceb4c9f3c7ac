using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>
/// Merges Bind-stage findings that share one cause: a key typed wrongly (<c>handlr</c>) is reported as an unknown key
/// ("did you mean 'handler'?") and again as the required key that is then missing. The user makes one edit, so the
/// report shows one finding: the unknown key, at the severity of the worse of the two, with the missing key named in
/// its message and the place that lacks it as a related location.
/// </summary>
/// <remarks>
/// The Bind stage says which key is missing only in its message; the unknown key's rename fix says which key it was
/// probably meant to be. The patterns below read the Bind stage's message format (<c>BindContext.MissingKey</c> and
/// <c>BindContext.UnknownKey</c>), pinned by a test, until the binder reports the pair as one finding itself.
/// </remarks>
public static partial class OneCausePerFinding
{
    public static IReadOnlyList<Diagnostic> Merge(IReadOnlyList<Diagnostic> stage)
    {
        var missing = new Dictionary<(string Path, string Key), Diagnostic>();
        foreach (var d in stage)
        {
            if (d.Id == DiagnosticIds.Schema && MissingPattern().Match(d.Message) is { Success: true } m)
            {
                missing.TryAdd((m.Groups["path"].Value, m.Groups["key"].Value), d);
            }
        }

        if (missing.Count == 0)
        {
            return stage;
        }

        var merged = new Dictionary<Diagnostic, Diagnostic>(ReferenceEqualityComparer.Instance);
        var absorbed = new HashSet<Diagnostic>(ReferenceEqualityComparer.Instance);
        foreach (var d in stage)
        {
            if (d.Id != DiagnosticIds.Schema || d.Fix is not { Edits: [{ } rename] }
                || UnknownPattern().Match(d.Message) is not { Success: true } u
                || !missing.TryGetValue((u.Groups["path"].Value, rename.NewText), out var lacking)
                || absorbed.Contains(lacking))
            {
                continue;
            }

            absorbed.Add(lacking);
            merged[d] = d with
            {
                Severity = lacking.Severity < d.Severity ? lacking.Severity : d.Severity,
                Message = $"{d.Message}, so '{u.Groups["path"].Value}' has no '{rename.NewText}'",
                Related = lacking.Span is null
                    ? d.Related
                    : [.. d.Related, new RelatedLocation(lacking.Span, $"'{rename.NewText}' is required here")],
            };
        }

        return [.. stage.Where(d => !absorbed.Contains(d)).Select(d => merged.GetValueOrDefault(d, d))];
    }

    [GeneratedRegex(@"^'(?<path>[^']+)' is missing the required property '(?<key>[^']+)'$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"^unknown property '[^']+' in '(?<path>[^']+)'$", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownPattern();
}
