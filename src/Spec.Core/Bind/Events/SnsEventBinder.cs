using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>sns</c>: a topic subscription (a topic name the Framework creates, an ARN, or the long form).</summary>
internal sealed class SnsEventBinder : EventBinder
{
    public override EventKind Kind => EventKind.Sns;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        switch (value)
        {
            case ScalarNode s when s.Text.StartsWith("arn:", StringComparison.Ordinal):
                return new SnsEvent { FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s, Arn = s };
            case ScalarNode s:
                return new SnsEvent
                {
                    FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                    TopicName = new Spanned<string?>(s.Text, s),
                };
            case var n when BindContext.IsIntrinsic(n):
                return new SnsEvent { FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = n, Arn = n };
        }

        if (LongForm(ctx, value, site, "functions.*.events.sns", "a topic name, a topic ARN or a mapping with 'arn' or 'topicName'") is not { } m)
        {
            return null;
        }

        var arn = ctx.ScalarOrIntrinsic(BindContext.Get(m, "arn"), site.Path.Key("arn"));
        var topicName = ctx.String(m, "topicName", site.Path);
        if (arn is null && topicName is null)
        {
            Missing(ctx, m, site, "arn", "an sns event needs 'arn' (an existing topic) or 'topicName' (a new one)");
            return null;
        }

        SnsRedrivePolicy? redrive = null;
        var rpath = site.Path.Key("redrivePolicy");
        if (ctx.Mapping(m, "redrivePolicy", site.Path) is { } r)
        {
            ctx.CheckKeys(r, rpath, "functions.*.events.sns.redrivePolicy");
            var import = ctx.Mapping(r, "deadLetterTargetImport", rpath);
            redrive = new SnsRedrivePolicy
            {
                Node = r,
                DeadLetterTargetArn = ctx.ScalarOrIntrinsic(BindContext.Get(r, "deadLetterTargetArn"), rpath + ".deadLetterTargetArn"),
                DeadLetterTargetRef = ctx.String(r, "deadLetterTargetRef", rpath),
                DeadLetterTargetImportArn = import is null ? null : BindContext.Get(import, "arn"),
                DeadLetterTargetImportUrl = import is null ? null : BindContext.Get(import, "url"),
            };
        }

        return new SnsEvent
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Arn = arn,
            TopicName = topicName,
            DisplayName = ctx.String(m, "displayName", site.Path),
            FilterPolicy = BindContext.Get(m, "filterPolicy"),
            FilterPolicyScope = ctx.String(m, "filterPolicyScope", site.Path),
            RedrivePolicy = redrive,
        };
    }
}
