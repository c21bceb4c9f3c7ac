using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>alexaSmartHome</c>: an Alexa smart home skill trigger.</summary>
internal sealed class AlexaSmartHomeEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.AlexaSmartHome;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new AlexaSmartHomeEvent
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                AppId = new Spanned<string?>(s.Text, s),
            };
        }

        if (LongForm(ctx, value, site, "functions.*.events.alexaSmartHome", "a skill id or a mapping with 'appId'") is not { } m
            || ctx.String(m, "appId", site.Path) is not { } appId)
        {
            return null;
        }

        return new AlexaSmartHomeEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            AppId = appId,
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.alexaSmartHome.enabled"),
        };
    }
}
