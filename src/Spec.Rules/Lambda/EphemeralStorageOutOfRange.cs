using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-003: Ephemeral storage size out of range.</summary>
public sealed class EphemeralStorageOutOfRange : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-003",
        Title = "Ephemeral storage size out of range",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "`ephemeralStorageSize` must be between 512 and 10240 MB.",
        Rationale = "Lambda rejects other sizes for `/tmp`; the deployment fails.",
        HowToFix = "Set `ephemeralStorageSize` between 512 and 10240.",
        FailingExample = """
            functions:
              hello:
                ephemeralStorageSize: 256
            """,
        PassingExample = """
            functions:
              hello:
                ephemeralStorageSize: 512
            """,
        Anchors =
        [
            "Serverless provider.js ephemeralStorageSize",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["lambda.ephemeralStorageSize"];
        foreach (var function in context.Service.Functions)
        {
            if (function.EphemeralStorageSize is { Value: { } value } setting && !limit.Contains(value))
            {
                context.Report(setting.Node,
                    $"ephemeralStorageSize {setting.Node.Display} of function '{function.Key}' is outside {limit.RangeText}");
            }
        }
    }
}
