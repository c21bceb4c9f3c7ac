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

/// <summary>The permission both Alexa events compile to, numbered per function.</summary>
internal static class AlexaPermissions
{
    public static void Add(PlanContext ctx, string eventName, string principal, Func<string, int, string> logicalId,
        IReadOnlyList<(PlanFunction Function, Spanned<string?>? AppId, Setting<bool?> Enabled, SourceSpan Span)> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var index = 0;
            foreach (var (fn, appId, enabled, span) in group)
            {
                if (appId is null)
                {
                    WithoutAppId(ctx, fn, eventName, span);
                    continue;
                }

                index++;
                var props = Object(("FunctionName", fn.PermissionTarget()),
                    ("Action", enabled.LiteralOrDefault != false ? "lambda:InvokeFunction" : "lambda:DisableInvokeFunction"),
                    ("Principal", principal), ("EventSourceToken", ctx.Json(appId)));
                ctx.Add(logicalId(fn.Key, index), Object(("Type", "AWS::Lambda::Permission"), ("Properties", props)),
                    PlanResourceKind.Permission, span, fn.Key);
            }
        }
    }

    public static void WithoutAppId(PlanContext ctx, PlanFunction fn, string eventName, SourceSpan span) =>
        ctx.Diagnostics.Warning(CloudFormationDiagnosticIds.Unsupported,
            $"the {eventName} event of function '{fn.Key}' has no appId: like the Framework, no permission is created",
            span, $"write '- {eventName}: amzn1.ask.skill.…' to let the skill invoke the function");
}
