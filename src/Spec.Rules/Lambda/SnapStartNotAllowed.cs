using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-010: SnapStart cannot be used here.</summary>
public sealed class SnapStartNotAllowed : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-010",
        Title = "SnapStart cannot be used here",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "`snapStart` is combined with `provisionedConcurrency`, or the runtime does not support SnapStart (Java 11+, Python 3.12+, .NET 8+).",
        Rationale = "Lambda rejects the configuration and the deployment fails.",
        HowToFix = "Remove `provisionedConcurrency` or `snapStart`, or move to a runtime that supports SnapStart.",
        FailingExample = """
            functions:
              hello:
                snapStart: true
                provisionedConcurrency: 2
            """,
        PassingExample = """
            functions:
              hello:
                snapStart: true
            """,
        Anchors =
        [
            "Serverless FUNCTION_BOTH_PROVISIONED_CONCURRENCY_AND_SNAPSTART_ENABLED_ERROR",
            "cfn-lint E2530",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            if (function.SnapStart is not { Value: true } snapStart)
            {
                continue;
            }

            if (function.ProvisionedConcurrency is { Value: > 0 } provisioned)
            {
                context.Report(snapStart.Node,
                    $"function '{function.Key}' enables SnapStart together with provisionedConcurrency",
                    related: [provisioned.Node.Related("provisioned concurrency is set here")]);
            }
            else if (function.Runtime is { Value: { } runtime } && !SupportsSnapStart(runtime))
            {
                context.Report(snapStart.Node, $"SnapStart does not support runtime '{runtime}' of function '{function.Key}'",
                    related: function.Runtime.Node is { } node ? [node.Related("the runtime is set here")] : null);
            }
        }
    }

    /// <summary>Java 11 and later, Python 3.12 and later, .NET 8 and later.</summary>
    internal static bool SupportsSnapStart(string runtime)
    {
        static int? Number(string text) =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

        if (runtime.StartsWith("java", StringComparison.Ordinal))
        {
            return Number(runtime[4..]) is >= 11;
        }

        if (runtime.StartsWith("python3.", StringComparison.Ordinal))
        {
            return Number(runtime[8..]) is >= 12;
        }

        if (runtime.StartsWith("dotnet", StringComparison.Ordinal))
        {
            return Number(runtime[6..]) is >= 8;
        }

        return false;
    }
}
