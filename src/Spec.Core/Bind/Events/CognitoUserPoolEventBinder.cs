using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>cognitoUserPool</c>: a user pool trigger.</summary>
internal sealed class CognitoUserPoolEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.CognitoUserPool;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (LongForm(ctx, value, site, "functions.*.events.cognitoUserPool", "a mapping with 'pool' and 'trigger'") is not { } m)
        {
            return null;
        }

        var pool = ctx.String(m, "pool", site.Path);
        var trigger = ctx.String(m, "trigger", site.Path);
        if (pool is null || trigger is null)
        {
            return null;
        }

        return new CognitoUserPoolEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Pool = pool,
            Trigger = trigger,
            Existing = ctx.Bool(m, "existing", site.Path),
            ForceDeploy = ctx.Bool(m, "forceDeploy", site.Path),
            KmsKeyId = BindContext.Get(m, "kmsKeyId"),
        };
    }
}
