using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>iotFleetProvisioning</c> event (<c>iot-fleet-provisioning.js</c>): an <c>AWS::IoT::ProvisioningTemplate</c>
/// whose pre-provisioning hook is the function, and the permission for IoT to invoke it. One per function.
/// </summary>
internal sealed class IotFleetProvisioningLowering : EventLowering<IotFleetProvisioningEvent>
{
    public override EventKind Kind => EventKind.IotFleetProvisioning;

    public override void Refuse(PlanContext ctx, PlanFunction fn, UnboundEvent unbound) =>
        NeedsTemplate(ctx, fn, unbound.Item.Span);

    protected override void Lower(PlanContext ctx, IReadOnlyList<PlanEvent<IotFleetProvisioningEvent>> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var fn = group.Key;
            if (group.Count() > 1)
            {
                ctx.Unsupported($"function '{fn.Key}' has more than one iotFleetProvisioning event; a function can be " +
                                "the hook of one provisioning template", group.ElementAt(1).Span);
                continue;
            }

            var e = group.First();
            var provisioning = e.Event;
            if (!provisioning.TemplateBodyIsMapping)
            {
                NeedsTemplate(ctx, fn, e.Span);
                continue;
            }

            var templateId = Naming.FunctionName(fn.Key) + "IotProvisioningTemplate";
            var permissionId = Naming.FunctionName(fn.Key) + "LambdaPermissionIotProvisioningTemplate";
            var props = Object(("Enabled", true), ("PreProvisioningHook", Object(("TargetArn", fn.Target()))),
                ("ProvisioningRoleArn", ctx.Json(provisioning.ProvisioningRoleArn)),
                ("TemplateBody", EventResources.Stringify(ctx.Json(provisioning.TemplateBody))));
            if (provisioning.Enabled is { IsWritten: true, IsUnknown: false })
            {
                props["Enabled"] = ctx.Json(provisioning.Enabled);
            }

            if (EventResources.IsTruthy(provisioning.TemplateName))
            {
                props["TemplateName"] = ctx.Json(provisioning.TemplateName);
            }

            var dependsOn = Strings([permissionId]);
            if (fn.AliasLogicalId is not null)
            {
                dependsOn.AddNode(fn.AliasLogicalId);
            }

            ctx.Add(templateId, Object(("Type", "AWS::IoT::ProvisioningTemplate"), ("Properties", props),
                ("DependsOn", dependsOn)), PlanResourceKind.Other, e.Span, fn.Key);

            var permission = Object(("Type", "AWS::Lambda::Permission"));
            EventResources.WaitForAlias(fn, permission);

            permission["Properties"] = Object(("FunctionName", fn.Target()), ("Action", "lambda:InvokeFunction"),
                ("Principal", "iot.amazonaws.com"));
            ctx.Add(permissionId, permission, PlanResourceKind.Permission, e.Span, fn.Key);
        }
    }

    private static void NeedsTemplate(PlanContext ctx, PlanFunction fn, Spec.Core.Diagnostics.SourceSpan span) =>
        ctx.Unsupported($"the iotFleetProvisioning event of function '{fn.Key}' needs 'templateBody' (a mapping) " +
                        "and 'provisioningRoleArn'", span);
}
