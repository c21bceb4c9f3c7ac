using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Input;
using Spec.Rules.Beanstalk.Options;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Checking;

/// <summary>What an <see cref="EbRule"/> sees: the bundle, the option catalogue, the shared facts, and Report helpers.</summary>
public sealed class EbRuleContext
{
    private readonly List<Diagnostic> _findings = [];

    public EbRuleContext(RuleMetadata rule, EbBundle bundle, EbOptionCatalog catalog, EbFacts facts)
    {
        Rule = rule;
        Bundle = bundle;
        Catalog = catalog;
        Facts = facts;
    }

    public RuleMetadata Rule { get; }

    public EbBundle Bundle { get; }

    public EbOptionCatalog Catalog { get; }

    public EbFacts Facts { get; }

    public IReadOnlyList<Diagnostic> Findings => _findings;

    public Diagnostic Report(SourceSpan span, string message, Severity? severity = null, IEnumerable<RelatedLocation>? related = null)
    {
        var diagnostic = new Diagnostic(Rule.Id, severity ?? Rule.DefaultSeverity, message, span)
        {
            Related = related is null ? [] : [.. related],
            Help = Rule.HowToFix,
            HelpUri = Rule.HelpUri,
        };
        _findings.Add(diagnostic);
        return diagnostic;
    }

    public Diagnostic Report(Node node, string message, Severity? severity = null, IEnumerable<RelatedLocation>? related = null) =>
        Report(node.Span, message, severity, related);
}
