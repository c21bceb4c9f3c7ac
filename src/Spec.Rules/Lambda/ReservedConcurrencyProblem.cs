using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-015: Reserved concurrency disables a function or starves the account.</summary>
public sealed class ReservedConcurrencyProblem : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-015",
        Title = "Reserved concurrency disables a function or starves the account",
        DefaultSeverity = Severity.Warning,
        Category = "Lambda",
        Description = "`reservedConcurrency: 0` stops the function from running; the sum of reserved concurrency above the account limit minus 100 cannot be deployed.",
        Rationale = "A function with zero reserved concurrency is throttled on every invocation, and AWS keeps 100 units unreserved.",
        HowToFix = "Remove `reservedConcurrency: 0` unless the function is meant to be off; lower the reservations so at least 100 remain unreserved.",
        FailingExample = """
            functions:
              hello:
                reservedConcurrency: 0
            """,
        PassingExample = """
            functions:
              hello:
                reservedConcurrency: 5
            """,
        Tags = [RuleTags.CrossResource],
        Anchors =
        [
            "AWS Lambda concurrency documentation",
        ],
    };

    public override void Check(RuleContext context)
    {
        var account = context.Limits["lambda.accountConcurrency"];
        var unreserved = context.Limits["lambda.unreservedConcurrency"];
        var available = (account.Default ?? 1000) - (unreserved.Min ?? 100);
        long total = 0;
        Spanned<int?>? last = null;
        var anyHidden = false;
        foreach (var function in context.Service.Functions)
        {
            if (function.ReservedConcurrency is not { Value: { } reserved } setting)
            {
                continue;
            }

            if (reserved == 0)
            {
                context.Report(setting.Node, $"reservedConcurrency {setting.Node.Display} stops function '{function.Key}' from running at all");
            }

            total += reserved;
            last = setting;
            anyHidden |= ShownText.IsHidden(setting.Node);
        }

        if (total > available && last is not null)
        {
            context.Report(last.Node,
                // A total with a value from ${env:} or ${file()} in it is not shown: it would tell that value.
                $"the functions reserve {(anyHidden ? $"more than {available}" : total.ToString(System.Globalization.CultureInfo.InvariantCulture))} concurrent executions in total; with the default account limit of {account.Default} at most {available} can be reserved");
        }
    }
}
