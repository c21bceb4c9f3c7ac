using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Plan;

/// <summary>
/// The <c>iotFleetProvisioning</c> event (<c>iot-fleet-provisioning.js</c>): an <c>AWS::IoT::ProvisioningTemplate</c>
/// whose pre-provisioning hook is the function, and the permission for IoT to invoke it. One per function.
/// </summary>
internal static class IotFleetProvisioningLowering
{
    public static void Compile(PlanContext ctx, List<PlanEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.Function))
        {
            var fn = group.Key;
            if (group.Count() > 1)
            {
                ctx.Unsupported($"function '{fn.Key}' has more than one iotFleetProvisioning event; a function can be " +
                                "the hook of one provisioning template", group.ElementAt(1).Node.Span);
                continue;
            }

            var e = group.First();
            var roleArn = Get(e.Value, "provisioningRoleArn");
            if (Get(e.Value, "templateBody") is not MappingNode body || IsNullOrMissing(roleArn))
            {
                ctx.Unsupported($"the iotFleetProvisioning event of function '{fn.Key}' needs 'templateBody' (a mapping) " +
                                "and 'provisioningRoleArn'", e.Node.Span);
                continue;
            }

            var templateId = Naming.FunctionName(fn.Key) + "IotProvisioningTemplate";
            var permissionId = Naming.FunctionName(fn.Key) + "LambdaPermissionIotProvisioningTemplate";
            var props = Object(("Enabled", true), ("PreProvisioningHook", Object(("TargetArn", fn.Target()))),
                ("ProvisioningRoleArn", ctx.Json(roleArn)), ("TemplateBody", EventLowering.Stringify(ctx.Json(body))));
            if (Get(e.Value, "enabled") is ScalarNode { IsNull: false } enabled)
            {
                props["Enabled"] = ctx.Json(enabled);
            }

            if (IsTruthy(Get(e.Value, "templateName")))
            {
                props["TemplateName"] = ctx.Json(Get(e.Value, "templateName"));
            }

            var dependsOn = Strings([permissionId]);
            if (fn.AliasLogicalId is not null)
            {
                dependsOn.AddNode(fn.AliasLogicalId);
            }

            ctx.Add(templateId, Object(("Type", "AWS::IoT::ProvisioningTemplate"), ("Properties", props),
                ("DependsOn", dependsOn)), PlanResourceKind.Other, e.Node.Span, fn.Key);

            var permission = Object(("Type", "AWS::Lambda::Permission"));
            if (fn.AliasLogicalId is not null)
            {
                permission["DependsOn"] = fn.AliasLogicalId;
            }

            permission["Properties"] = Object(("FunctionName", fn.Target()), ("Action", "lambda:InvokeFunction"),
                ("Principal", "iot.amazonaws.com"));
            ctx.Add(permissionId, permission, PlanResourceKind.Permission, e.Node.Span, fn.Key);
        }
    }
}
