using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Pipeline;
using Spec.Core.Syntax;
using Spec.Rules.Suppression;

namespace Spec.Rules.Engine;

/// <summary>
/// The Check stage: runs every enabled rule over one spec, then applies configured severities, suppressions
/// (inline comments, <c>.spec.yml</c> ignores) and the baseline, and sorts the result deterministically.
/// </summary>
public static class RuleEngine
{
    /// <summary>Checks one bound spec.</summary>
    public static RuleRunResult Run(Service service, IEnumerable<LoadResult> documents, RuleRunOptions options, DateOnly asOf) =>
        Run(RuleInput.For(service, documents, asOf), options);

    public static RuleRunResult Run(RuleInput input, RuleRunOptions? options = null)
    {
        options ??= RuleRunOptions.Default;
        var config = options.Config;
        var rules = options.Rules ?? RuleCatalog.All;
        var enabled = input.Service is null ? [] : rules.Where(r => !config.IsOff(r.Metadata.Id)).ToList();

        var raw = new List<Diagnostic>(OneCausePerFinding.Merge(input.StageDiagnostics));
        raw.AddRange(config.Diagnostics);
        raw.AddRange(RunAll(enabled, input));

        raw = Backstops.DropCovered(raw);

        var inlineAllowed = options.InlineSuppressions && config.InlineSuppressions;
        var inline = new List<InlineSuppression>();
        if (inlineAllowed)
        {
            foreach (var document in input.Documents)
            {
                inline.AddRange(InlineSuppressions.Parse(document, raw));
            }
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var d in raw)
        {
            if (Configured(d, config) is { } configured)
            {
                diagnostics.Add(configured);
            }
        }

        var suppressions = new Dictionary<Diagnostic, Suppression>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<InlineSuppression>(ReferenceEqualityComparer.Instance);
        var locator = new NodeLocator();
        foreach (var d in diagnostics)
        {
            if (!IsSuppressible(d))
            {
                continue;
            }

            if (Covering(inline, d) is { } comment)
            {
                used.Add(comment);
                suppressions[d] = new Suppression(SuppressionKind.InSource, comment.Reason);
            }
            else if (Ignored(d, config, input, locator) is { } entry)
            {
                suppressions[d] = new Suppression(SuppressionKind.External, entry.Reason);
            }
        }

        foreach (var unused in Unused(inline, used, rules, enabled))
        {
            if (Configured(unused, config) is { } configured)
            {
                diagnostics.Add(configured);
            }
        }

        diagnostics.Sort(DiagnosticOrder.Instance);
        var fingerprints = Fingerprints.Compute(diagnostics, input, options.BaseDirectory);
        var findings = new List<Finding>(diagnostics.Count);
        var baselineMatches = 0;
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var finding = new Finding(diagnostics[i], fingerprints[i], suppressions.GetValueOrDefault(diagnostics[i]));
            if (!finding.IsSuppressed && options.Baseline?.Contains(finding) == true)
            {
                baselineMatches++;
                continue;
            }

            findings.Add(finding);
        }

        return new RuleRunResult(findings, baselineMatches);
    }

    /// <summary>Every enabled rule's findings, in catalogue order.</summary>
    private static IEnumerable<Diagnostic> RunAll(List<Rule> enabled, RuleInput input) =>
        RuleSchedule.Run(enabled, input, RunOne).SelectMany(f => f);

    /// <summary>
    /// One rule's findings; a rule that throws yields one <c>SPEC-INTERNAL</c> error naming it instead. The exception
    /// message is left out: it may quote a value from the spec, and values from <c>${env:…}</c> must never be echoed.
    /// </summary>
    private static IReadOnlyList<Diagnostic> RunOne(Rule rule, RuleInput input)
    {
        var context = new RuleContext(rule.Metadata, input);
        try
        {
            rule.Check(context);
            return context.Findings;
        }
#pragma warning disable CA1031 // A broken rule must not take the other rules' findings down with it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var file = input.Documents.Count > 0 ? input.Documents[0].Source.Path : null;
            return
            [
                new Diagnostic(DiagnosticIds.Internal, Severity.Error,
                    $"rule {rule.Metadata.Id} failed on this spec ({e.GetType().Name}); its findings are missing",
                    file is null ? null : SourceSpan.At(file, 1, 1))
                {
                    Help = "this is a bug in Spec: please report it with the spec that triggers it",
                },
            ];
        }
    }

    /// <summary>The first inline suppression that covers the finding, or null (a loop: a lambda capturing the finding
    /// would allocate its closure for every finding, suppressed or not).</summary>
    private static InlineSuppression? Covering(List<InlineSuppression> inline, Diagnostic d)
    {
        foreach (var suppression in inline)
        {
            if (suppression.Covers(d))
            {
                return suppression;
            }
        }

        return null;
    }

    private static Diagnostic? Configured(Diagnostic d, SpecConfig config)
    {
        if (d.Id == DiagnosticIds.Internal)
        {
            return d;
        }

        return config.SeverityOf(d) switch
        {
            null => null,
            var s when s == d.Severity => d,
            { } s => d with { Severity = s },
        };
    }

    private static bool IsSuppressible(Diagnostic d) =>
        d.Id != DiagnosticIds.Internal && !d.Id.StartsWith("SPEC-", StringComparison.Ordinal);

    private static IgnoreEntry? Ignored(Diagnostic d, SpecConfig config, RuleInput input, NodeLocator locator)
    {
        foreach (var entry in config.Ignores)
        {
            if (!entry.MatchesRule(d.Id))
            {
                continue;
            }

            if (entry.Files is not null
                && (d.Span is null || !entry.Files.IsMatch(Fingerprints.RelativePath(d.Span.File, config.Directory))))
            {
                continue;
            }

            if (entry.Path is not null && !entry.Path.IsMatch(StructuralPath(d, input, locator)))
            {
                continue;
            }

            return entry;
        }

        return null;
    }

    /// <summary>The finding's structural path with indices as segments (<c>functions.worker.events.0.sqs</c>).</summary>
    private static string StructuralPath(Diagnostic d, RuleInput input, NodeLocator locator) =>
        d.Span is { } span && input.Document(span.File) is { } document
            ? (locator.PathAt(document.Root, span.Start) ?? string.Empty)
                .Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal)
            : string.Empty;

    private static IEnumerable<Diagnostic> Unused(
        List<InlineSuppression> inline, HashSet<InlineSuppression> used, IReadOnlyList<Rule> rules, List<Rule> enabled)
    {
        var known = RuleCatalog.Descriptors(rules).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var ran = enabled.Select(r => r.Metadata.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var s in inline)
        {
            if (s.RuleIds.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
            {
                yield return new Diagnostic(InlineSuppressions.UnusedId, Severity.Warning,
                    $"spec-ignore names unknown rule '{unknown}'", s.Comment)
                {
                    Help = "`spec rules` lists the rule ids",
                };
            }
            else if (!used.Contains(s) && s.RuleIds.All(ran.Contains))
            {
                yield return new Diagnostic(InlineSuppressions.UnusedId, Severity.Warning,
                    $"spec-ignore {string.Join(',', s.RuleIds)} suppresses nothing here", s.Comment)
                {
                    Help = "remove the comment: nothing in its scope is reported any more",
                };
            }
        }
    }
}
