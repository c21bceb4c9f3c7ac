using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-004: Function name is invalid or too long.</summary>
public sealed partial class FunctionNameInvalid : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-004",
        Title = "Function name is invalid or too long",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "A function key must use only letters, digits, `-` and `_`, and the deployed name (`service-stage-function` or `name:`) must be at most 64 characters.",
        Rationale = "Lambda rejects names longer than 64 characters and the Framework rejects other characters in function keys.",
        HowToFix = "Shorten the function key or the service name, or set a shorter `name:` on the function.",
        FailingExample = """
            service: an-exceptionally-long-service-name-for-the-order-pipeline
            functions:
              processIncomingOrderNotifications:
                handler: handler.process
            """,
        PassingExample = """
            service: orders
            functions:
              processIncomingOrderNotifications:
                handler: handler.process
            """,
        Anchors =
        [
            "Serverless `name must be alphanumeric`",
            "Lambda 64-character name limit",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["lambda.functionName"];
        foreach (var function in context.Service.Functions)
        {
            if (!ValidKey().IsMatch(function.Key))
            {
                context.Report(function.KeyNode,
                    $"function key '{function.Key}' may only contain letters, digits, '-' and '_'");
                continue;
            }

            if (function.Name is { Value: { } name } setting && name.Length > limit.Max)
            {
                var written = setting.Source == SettingSource.Function && setting.Node is not null;
                // the deployed name holds the service name and the stage: either may come from ${env:} or ${file()}
                var shown = setting.Node is { IsSensitive: true } || context.Service.Name.Node.IsSensitive ||
                            context.Service.Provider.Stage?.Node.IsSensitive == true
                    ? string.Empty
                    : $" '{name}'";
                context.Report(written ? setting.Node! : function.KeyNode,
                    $"the deployed name{shown} of function '{function.Key}' is {name.Length} characters; Lambda allows {limit.RangeText}");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial System.Text.RegularExpressions.Regex ValidKey();
}
