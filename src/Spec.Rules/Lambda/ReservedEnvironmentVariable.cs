using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-005: Reserved environment variable name.</summary>
public sealed class ReservedEnvironmentVariable : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-005",
        Title = "Reserved environment variable name",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "Lambda reserves names such as `AWS_REGION`, `_HANDLER` and `AWS_LAMBDA_*`; a function cannot set them.",
        Rationale = "Lambda rejects the function configuration with a reserved key.",
        HowToFix = "Rename the variable, e.g. `TABLE_REGION` instead of `AWS_REGION`.",
        FailingExample = """
            functions:
              hello:
                environment:
                  AWS_REGION: eu-west-1
            """,
        PassingExample = """
            functions:
              hello:
                environment:
                  TABLE_REGION: eu-west-1
            """,
        Anchors =
        [
            "cfn-lint E3663",
        ],
    };

    public override void Check(RuleContext context)
    {
        var reported = new HashSet<SourceSpan>();
        foreach (var variable in context.Service.Provider.Environment.Concat(context.Service.Functions.SelectMany(f => f.Environment)))
        {
            if (IsReserved(variable.Name) && reported.Add(variable.Key.Span))
            {
                context.Report(variable.Key, $"'{variable.Name}' is reserved by the Lambda runtime and cannot be set");
            }
        }
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    private static bool IsReserved(string name) =>
        Reserved.Contains(name) || name.StartsWith("AWS_LAMBDA_", StringComparison.Ordinal);
}
