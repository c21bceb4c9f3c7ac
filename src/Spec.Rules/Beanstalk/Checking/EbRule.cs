using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Checking;

/// <summary>
/// One check of Elastic Beanstalk input (<c>.ebextensions/*.config</c>, <c>Procfile</c>, <c>cron.yaml</c>,
/// <c>env.yaml</c>). Like <see cref="Rule"/>, its metadata is data on the class; it runs over an
/// <see cref="Input.EbBundle"/> instead of a bound spec. Rules are stateless.
/// </summary>
public abstract class EbRule
{
    public abstract RuleMetadata Metadata { get; }

    public abstract void Check(EbRuleContext context);

    public override string ToString() => Metadata.Id;
}
