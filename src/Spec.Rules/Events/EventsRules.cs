namespace Spec.Rules.Engine;

/// <summary>The Events rules of the catalogue.</summary>
public static partial class RuleCatalog
{
    static partial void AddEventsRules(List<Rule> rules)
    {
        rules.Add(new Spec.Rules.Events.ScheduleExpressionInvalid());
        rules.Add(new Spec.Rules.Events.ScheduleOptionNotSupported());
        rules.Add(new Spec.Rules.Events.EventBridgeEventInvalid());
        rules.Add(new Spec.Rules.Events.EventBridgeTargetWithoutDeadLetterQueue());
        rules.Add(new Spec.Rules.Events.AlbPriorityInUse());
        rules.Add(new Spec.Rules.Events.TooManySubscriptionFilters());
    }
}
