using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>The <c>alexaSmartHome</c> event (<c>compile/events/alexa-smart-home.js</c>): as <c>alexaSkill</c>, for the
/// Smart Home Skill API.</summary>
internal sealed class AlexaSmartHomeLowering : EventLowering<AlexaSmartHomeEvent>
{
    public override EventKind Kind => EventKind.AlexaSmartHome;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        AlexaPermissions.WithoutAppId(ctx, fn, Name, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<AlexaSmartHomeEvent>> events) =>
        AlexaPermissions.Add(ctx, Name, "alexa-connectedhome.amazon.com", Naming.AlexaSmartHomePermission,
            [.. events.Select(e => (e.Function, (Spanned<string?>?)e.Event.AppId, e.Event.Enabled, e.Span))]);
}
