using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-005: Reserved or invalid environment variable name.</summary>
public sealed partial class ReservedEnvironmentVariable : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-005",
        Title = "Reserved or invalid environment variable name",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "Lambda reserves names such as `AWS_REGION`, `_HANDLER` and `AWS_LAMBDA_FUNCTION_NAME`, and accepts only names that match `[a-zA-Z]([a-zA-Z0-9_])+` (a letter, then letters, digits and underscores).",
        Rationale = "Lambda rejects the function configuration with a reserved key or a name outside that pattern (`db-host`, `1PASSWORD`).",
        HowToFix = "Rename the variable, e.g. `TABLE_REGION` instead of `AWS_REGION`, `DB_HOST` instead of `db-host`.",
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
            if (!reported.Add(variable.Key.Span))
            {
                continue;
            }

            if (Reserved.Contains(variable.Name))
            {
                context.Report(variable.Key, $"'{variable.Name}' is reserved by the Lambda runtime and cannot be set");
            }
            else if (!ValidName().IsMatch(variable.Name))
            {
                context.Report(variable.Key, $"'{variable.Name}' is not a valid Lambda environment variable name: Lambda accepts a letter followed by letters, digits and underscores");
            }
        }
    }

    /// <summary>
    /// The reserved runtime variables of the Lambda developer guide ("Defined runtime environment variables", the ones
    /// marked reserved). Not every <c>AWS_LAMBDA_*</c> name: <c>AWS_LAMBDA_EXEC_WRAPPER</c> and
    /// <c>AWS_LAMBDA_NODEJS_*</c> are meant to be set by the function's configuration.
    /// </summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <summary>The key pattern of <c>Environment.Variables</c> in the Lambda API reference (API_Environment).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]+$")]
    private static partial System.Text.RegularExpressions.Regex ValidName();
}
