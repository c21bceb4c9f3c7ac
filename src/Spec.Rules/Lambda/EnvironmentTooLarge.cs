using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-004: Environment variables exceed 4 KB.</summary>
public sealed class EnvironmentTooLarge : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-004",
        Title = "Environment variables exceed 4 KB",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "The provider and function `environment` merged together must be at most 4096 bytes (keys plus values).",
        Rationale = "Lambda rejects a function whose environment variables total more than 4 KB.",
        HowToFix = "Move large values to SSM Parameter Store, Secrets Manager or S3 and read them at runtime.",
        FailingExample = """
            functions:
              hello:
                environment:
                  BLOB: <4100 characters>
            """,
        PassingExample = """
            functions:
              hello:
                environment:
                  BLOB_PARAMETER: /demo/blob
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "cfn-lint E3697",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["lambda.environmentBytes"];
        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            long bytes = 0;
            foreach (var variable in function.Environment)
            {
                bytes += System.Text.Encoding.UTF8.GetByteCount(variable.Name);
                if (variable.Value is ScalarNode { IsNull: false } scalar)
                {
                    bytes += System.Text.Encoding.UTF8.GetByteCount(scalar.Text);
                }
            }

            if (limit.Contains(bytes))
            {
                continue;
            }

            var key = function.Node.KeyOf("environment") ?? context.Service.Provider.Node.KeyOf("environment");
            if (key is not null && reported.Add(key.Span))
            {
                context.Report(key,
                    $"the environment of function '{function.Key}' (provider and function merged) is {bytes} bytes; Lambda allows {limit.RangeText}");
            }
        }
    }
}
