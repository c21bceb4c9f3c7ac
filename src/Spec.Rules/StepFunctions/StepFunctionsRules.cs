namespace Spec.Rules.Engine;

/// <summary>The StepFunctions rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddStepFunctionsRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.StepFunctions.ExpressMachineExceedsLimits());
        rules.Add(new Spec.Rules.StepFunctions.TaskTimeoutAboveFunctionTimeout());
        rules.Add(new Spec.Rules.StepFunctions.StateMachineDefinitionInvalid());
    }
}
