namespace Spec.Rules.Engine;

/// <summary>
/// One check. Each rule is one small sealed class in its area's folder, registered in <see cref="RuleCatalog"/>.
/// Rules are stateless: the engine may run one instance over many specs, in parallel.
/// </summary>
public abstract class Rule
{
    public abstract RuleMetadata Metadata { get; }

    /// <summary>Inspect <see cref="RuleContext.Service"/> and call <see cref="RuleContext.Report(Spec.Core.Diagnostics.SourceSpan?, string, Spec.Core.Diagnostics.Fix?, IEnumerable{Spec.Core.Diagnostics.RelatedLocation}?, Spec.Core.Diagnostics.Severity?)"/> per finding.</summary>
    public abstract void Check(RuleContext context);

    public override string ToString() => Metadata.Id;
}
