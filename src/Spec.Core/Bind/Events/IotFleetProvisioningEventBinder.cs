using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>iotFleetProvisioning</c>: a provisioning template whose pre-provisioning hook is the function.</summary>
internal sealed class IotFleetProvisioningEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.IotFleetProvisioning;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.iotFleetProvisioning", "a mapping with 'templateBody' and 'provisioningRoleArn'")
            is not { } m)
        {
            return null;
        }

        var body = BindContext.Get(m, "templateBody");

        var role = Ref(ctx, m, "provisioningRoleArn", site);
        if (body is null || role is null)
        {
            return null;
        }

        return new IotFleetProvisioningEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            TemplateBody = body,
            ProvisioningRoleArn = role,
            TemplateName = ctx.String(m, "templateName", site.Path),
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.iotFleetProvisioning.enabled"),
        };
    }
}
