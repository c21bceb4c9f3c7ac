namespace Spec.Rules.Engine;

/// <summary>The Cognito rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddCognitoRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.Cognito.CognitoUserPoolEventInvalid());
        rules.Add(new Spec.Rules.Cognito.CognitoTriggerTakenTwice());
        rules.Add(new Spec.Rules.Cognito.UserPoolSettingOutOfRange());
    }
}
