using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Core.Bind;

/// <summary><c>s3</c>: a bucket notification (a bucket name, or the long form with event, rules and existing).</summary>
internal sealed class S3EventBinder : EventBinder
{
    public override EventKind Kind => EventKind.S3;

    public override FunctionEvent? Bind(BindContext ctx, Node value, EventSite site)
    {
        if (value is ScalarNode s)
        {
            return new S3Event
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = s,
                Bucket = new Spanned<string?>(s.Text, s),
            };
        }

        if (BindContext.IsIntrinsic(value))
        {
            return new S3Event
            {
                FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = value,
                Bucket = new Spanned<string?>(null, value),
            };
        }

        if (LongForm(ctx, value, site, "functions.*.events.s3", "a bucket name or a mapping with 'bucket'") is not { } m
            || ctx.String(m, "bucket", site.Path) is not { } bucket)
        {
            return null;
        }

        var rules = new List<S3Rule>();
        var rulesNode = BindContext.Get(m, "rules");
        if (rulesNode is SequenceNode seq)
        {
            for (var i = 0; i < seq.Items.Count; i++)
            {
                var rp = $"{site.Path}.rules[{i}]";
                if (ctx.Mapping(seq.Items[i], rp) is { } rule)
                {
                    ctx.CheckKeys(rule, rp, "functions.*.events.s3.rules");
                    rules.Add(new S3Rule(ctx.String(rule, "prefix", rp), ctx.String(rule, "suffix", rp), rule));
                }
            }
        }
        else if (rulesNode is not null)
        {
            ctx.WrongType(rulesNode, site.Path.Key("rules"), "a list of {prefix} or {suffix} rules");
        }

        return new S3Event
        {
            FunctionKey = site.FunctionKey, Index = site.Index, Node = site.Item, Value = m,
            Bucket = bucket,
            Event = ctx.OrDefault(ctx.String(m, "event", site.Path), "functions.*.events.s3.event"),
            Rules = rules,
            Existing = ctx.Bool(m, "existing", site.Path),
            ForceDeploy = ctx.Bool(m, "forceDeploy", site.Path),
        };
    }
}
