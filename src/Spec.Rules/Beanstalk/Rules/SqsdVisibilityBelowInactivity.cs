using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-016: The worker daemon's visibility timeout shorter than its connect and inactivity timeouts.</summary>
public sealed class SqsdVisibilityBelowInactivity : EbRule
{
    private const string Sqsd = "aws:elasticbeanstalk:sqsd";

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-016",
        Title = "Worker visibility timeout shorter than a request may take",
        DefaultSeverity = Severity.Warning,
        Category = "Beanstalk",
        Description = "The bundle sets aws:elasticbeanstalk:sqsd timeouts such that VisibilityTimeout < InactivityTimeout + ConnectTimeout (defaults 300, 299 and 5 for the ones not set).",
        Rationale = "The daemon's VisibilityTimeout overrides the queue's: a message becomes visible again while the application may still be processing it, so another instance processes it a second time.",
        HowToFix = "Set VisibilityTimeout to at least InactivityTimeout + ConnectTimeout.",
        FailingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                InactivityTimeout: 600
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:sqsd:
                InactivityTimeout: 600
                VisibilityTimeout: 605
            """,
        Tags = [RuleTags.CrossResource],
        Anchors = ["AWS Elastic Beanstalk Developer Guide: using-features-managing-env-tiers.html (worker settings)", "cfn-lint E3505 (SQS visibility vs Lambda timeout)"],
    };

    public override void Check(EbRuleContext context)
    {
        var visibility = Effective(context, "VisibilityTimeout");
        var inactivity = Effective(context, "InactivityTimeout");
        var connect = Effective(context, "ConnectTimeout");
        if (visibility.Setting is null && inactivity.Setting is null && connect.Setting is null)
        {
            return;
        }

        if (visibility.Value is not { } v || inactivity.Value is not { } i || connect.Value is not { } c || v >= i + c)
        {
            return;
        }

        var at = visibility.Setting ?? inactivity.Setting ?? connect.Setting!;
        context.Report(at.OptionNode,
            $"the worker daemon's VisibilityTimeout ({v} s) is shorter than InactivityTimeout + ConnectTimeout ({i} + {c} s): a slow message is delivered twice");
    }

    private static (EbSetting? Setting, long? Value) Effective(EbRuleContext context, string option)
    {
        var setting = context.Facts.Effective(Sqsd, option);
        if (setting is { IsDynamic: false, ValueText: { } text })
        {
            return long.TryParse(text, out var n) ? (setting, n) : (setting, null);
        }

        return setting is null ? (null, context.Catalog.Find(Sqsd, option)?.DefaultNumber) : (setting, null);
    }
}
