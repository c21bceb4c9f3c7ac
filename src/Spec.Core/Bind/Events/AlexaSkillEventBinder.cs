using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>alexaSkill</c>: an Alexa skill trigger (the skill id, the long form, or a bare <c>- alexaSkill</c>).</summary>
internal sealed class AlexaSkillEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.AlexaSkill;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        switch (value)
        {
            case ScalarNode { IsNull: true }:
                return new AlexaSkillEvent { FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = value };
            case ScalarNode s:
                return new AlexaSkillEvent
                {
                    FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                    AppId = new Spanned<string?>(s.Text, s),
                };
        }

        if (LongForm(ctx, value, site, "functions.*.events.alexaSkill", "a skill id or a mapping with 'appId'") is not { } m
            || ctx.String(m, "appId", site.Path) is not { } appId)
        {
            return null;
        }

        return new AlexaSkillEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            AppId = appId,
            Enabled = ctx.OrDefault(ctx.Bool(m, "enabled", site.Path), "functions.*.events.alexaSkill.enabled"),
        };
    }
}
