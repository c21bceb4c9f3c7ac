using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>alexaSkill</c> event (<c>compile/events/alexa-skill.js</c>): a permission for the Alexa Skills Kit to invoke
/// the function, restricted to the skill's id.
/// </summary>
internal sealed class AlexaSkillLowering : EventLowering<AlexaSkillEvent>
{
    public override EventKind Kind => EventKind.AlexaSkill;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        AlexaPermissions.WithoutAppId(ctx, fn, Name, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<AlexaSkillEvent>> events) =>
        AlexaPermissions.Add(ctx, Name, "alexa-appkit.amazon.com", Naming.AlexaSkillPermission,
            [.. events.Select(e => (e.Function, e.Event.AppId, e.Event.Enabled, e.Span))]);
}
