using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

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
                ctx.Add(logicalId(fn.Key, index), EventResources.WaitForAlias(fn, Object(("Type", "AWS::Lambda::Permission"), ("Properties", props))),
                    PlanResourceKind.Permission, span, fn.Key);
            }
        }
    }

    public static void WithoutAppId(PlanContext ctx, PlanFunction fn, string eventName, SourceSpan span) =>
        ctx.Diagnostics.Warning(CloudFormationDiagnosticIds.Unsupported,
            $"the {eventName} event of function '{fn.Key}' has no appId: like the Framework, no permission is created",
            span, $"write '- {eventName}: amzn1.ask.skill.…' to let the skill invoke the function");
}
