using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-024: Provisioned concurrency above the function's reserved concurrency.</summary>
public sealed class ProvisionedAboveReserved : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-024",
        Title = "Provisioned concurrency above reserved concurrency",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "A function's `provisionedConcurrency` is greater than its `reservedConcurrency`.",
        Rationale = "Provisioned instances count against the function's reserved concurrency: `PutProvisionedConcurrencyConfig` rejects a request above it and the deployment fails.",
        HowToFix = "Lower `provisionedConcurrency` to at most `reservedConcurrency`, or raise (or drop) `reservedConcurrency`.",
        FailingExample = """
            functions:
              api:
                reservedConcurrency: 5
                provisionedConcurrency: 10
            """,
        PassingExample = """
            functions:
              api:
                reservedConcurrency: 10
                provisionedConcurrency: 5
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/lambda/latest/api/API_PutProvisionedConcurrencyConfig.html",
            "https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            if (function.ReservedConcurrency is { Value: { } reserved } reservedSetting && reserved >= 0
                && function.ProvisionedConcurrency is { Value: { } provisioned } provisionedSetting
                && provisioned > reserved)
            {
                context.Report(provisionedSetting.Node,
                    $"provisionedConcurrency {provisionedSetting.Node.Display} of function '{function.Key}' is above its reservedConcurrency {reservedSetting.Node.Display}; Lambda refuses more provisioned than reserved instances",
                    related: [reservedSetting.Node.Related("the reserved concurrency is set here")]);
            }
        }
    }
}
