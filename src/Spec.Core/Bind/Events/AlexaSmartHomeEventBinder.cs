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

        if (LongForm(ctx, value, site, KnownKeys.Alexa, "a skill id or a mapping with 'appId'") is not { } m
            || RequiredString(ctx, m, "appId", site) is not { } appId)
        {
            return null;
        }

        return new AlexaSmartHomeEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            AppId = appId,
            Enabled = BindContext.Explicit<bool?>(ctx.Bool(m, "enabled", site.Path), true),
        };
    }
}
