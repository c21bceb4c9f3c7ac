using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Input;
using Spec.Rules.Beanstalk.Options;

namespace Spec.Rules.Beanstalk.Checking;

/// <summary>Runs the <c>SLS-EB-*</c> rules over a bundle and returns their findings sorted by file, line, column and id.</summary>
public static class EbChecker
{
    public static IReadOnlyList<Diagnostic> Check(EbBundle bundle, EbOptionCatalog? catalog = null, IEnumerable<EbRule>? rules = null)
    {
        var facts = new EbFacts(bundle);
        var findings = new List<Diagnostic>(bundle.Notices);
        foreach (var rule in rules ?? BeanstalkRules.All)
        {
            var context = new EbRuleContext(rule.Metadata, bundle, catalog ?? EbOptionCatalog.Default, facts);
            rule.Check(context);
            findings.AddRange(context.Findings);
        }

        return [.. findings
            .OrderBy(d => d.Span?.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span?.Line)
            .ThenBy(d => d.Span?.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
    }
}
