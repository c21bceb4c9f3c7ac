namespace Spec.Rules.Engine;

/// <summary>The General rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddGeneralRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.General.FunctionNameInvalid());
        rules.Add(new Spec.Rules.General.StageNameInvalid());
        rules.Add(new Spec.Rules.General.HardCodedAwsCredentials());
        rules.Add(new Spec.Rules.General.YamlSyntaxError());
        rules.Add(new Spec.Rules.General.SchemaViolation());
        rules.Add(new Spec.Rules.General.MissingLogicalId());
        rules.Add(new Spec.Rules.General.ResourcePropertyOutOfSchema());
        rules.Add(new Spec.Rules.General.ValueOutsideFrameworkSchema());
        rules.Add(new Spec.Rules.General.UnresolvedVariable());
        rules.Add(new Spec.Rules.General.TemplateTooLarge());
        rules.Add(new Spec.Rules.General.GetAttAttributeUnknown());
        rules.Add(new Spec.Rules.General.ReservedTagKey());
        rules.Add(new Spec.Rules.General.AlarmPeriodInvalid());
    }
}
