namespace Spec.Rules.Engine;

/// <summary>The Lambda rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddLambdaRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.Lambda.FunctionTimeoutOutOfRange());
        rules.Add(new Spec.Rules.Lambda.FunctionMemorySizeOutOfRange());
        rules.Add(new Spec.Rules.Lambda.EphemeralStorageOutOfRange());
        rules.Add(new Spec.Rules.Lambda.EnvironmentTooLarge());
        rules.Add(new Spec.Rules.Lambda.ReservedEnvironmentVariable());
        rules.Add(new Spec.Rules.Lambda.RuntimeBlocked());
        rules.Add(new Spec.Rules.Lambda.RuntimeDeprecated());
        rules.Add(new Spec.Rules.Lambda.RuntimeUnknown());
        rules.Add(new Spec.Rules.Lambda.HandlerXorImage());
        rules.Add(new Spec.Rules.Lambda.SnapStartNotAllowed());
        rules.Add(new Spec.Rules.Lambda.FileSystemWithoutVpc());
        rules.Add(new Spec.Rules.Lambda.TooManyLayers());
        rules.Add(new Spec.Rules.Lambda.AsyncConfigOutOfRange());
        rules.Add(new Spec.Rules.Lambda.UnsupportedDestination());
        rules.Add(new Spec.Rules.Lambda.ReservedConcurrencyProblem());
        rules.Add(new Spec.Rules.Lambda.AsyncFunctionWithoutFailureDestination());
        rules.Add(new Spec.Rules.Lambda.ConcurrencyOutOfRange());
        rules.Add(new Spec.Rules.Lambda.EnvironmentOnLambdaEdge());
        rules.Add(new Spec.Rules.Lambda.LambdaEdgeLimits());
        rules.Add(new Spec.Rules.Lambda.LambdaEdgeUnsupportedSetting());
        rules.Add(new Spec.Rules.Lambda.ProvisionedAboveReserved());
        rules.Add(new Spec.Rules.Lambda.FilterCriteriaInvalid());
    }
}
