namespace Spec.Rules.Engine;

/// <summary>
/// One check. Each rule is one small sealed class in its area's folder, registered in <see cref="RuleCatalog"/>.
/// Rules are stateless: the engine may run one instance over many specs, in parallel.
/// </summary>
public abstract class Rule
{
    public abstract RuleMetadata Metadata { get; }

    /// <summary>Inspects <see cref="RuleContext.Service"/> and calls <c>context.Report(…)</c> once per finding.</summary>
    public abstract void Check(RuleContext context);

    /// <summary>True when the rule reads <see cref="RuleInput.GeneratedResources"/>: the engine then starts planning
    /// before the rules run, so the plan is built beside them.</summary>
    public virtual bool ReadsGeneratedResources => false;

    public override string ToString() => Metadata.Id;
}
