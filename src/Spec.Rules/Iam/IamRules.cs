namespace Spec.Rules.Engine;

/// <summary>The Iam rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddIamRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.Iam.WildcardAction());
        rules.Add(new Spec.Rules.Iam.AdministratorAccess());
        rules.Add(new Spec.Rules.Iam.BroadStatement());
    }
}
