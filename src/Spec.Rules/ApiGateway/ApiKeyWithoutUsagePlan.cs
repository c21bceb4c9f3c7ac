using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.ApiGateway;

/// <summary>SLS-APIGW-009: API key without usage plan.</summary>
public sealed class ApiKeyWithoutUsagePlan : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-APIGW-009",
        Title = "API key without usage plan",
        DefaultSeverity = Severity.Error,
        Category = "ApiGateway",
        Description = "`provider.apiGateway.apiKeys` groups keys under a usage plan name that `provider.apiGateway.usagePlan` does not define.",
        Rationale = "The Framework throws API_GATEWAY_KEY_WITHOUT_USAGE_PLAN.",
        HowToFix = "Define the usage plan under `provider.apiGateway.usagePlan`, or list the keys without a plan name.",
        FailingExample = """
            apiGateway:
              apiKeys:
                - free:
                    - free-key
            """,
        PassingExample = """
            apiGateway:
              apiKeys:
                - free:
                    - free-key
              usagePlan:
                - free:
                    quota: {limit: 1000, period: MONTH}
            """,
        Anchors =
        [
            "Serverless API_GATEWAY_KEY_WITHOUT_USAGE_PLAN",
        ],
    };

    public override void Check(RuleContext context)
    {
        if (context.Service.Provider.ApiGateway is not { } apiGateway)
        {
            return;
        }

        var plans = apiGateway.UsagePlan is SequenceNode list
            ? list.Items.SelectMany(i => i.Entries()).Select(e => e.Key.Text).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var key in apiGateway.ApiKeys)
        {
            if (key is MappingNode { Entries.Count: 1 } group && group.Entries[0].Value is SequenceNode
                && group.Entries[0].Key.Text != "name" && !plans.Contains(group.Entries[0].Key.Text))
            {
                var plan = group.Entries[0].Key;
                context.Report(plan, $"API keys are grouped under usage plan '{plan.Text}', which provider.apiGateway.usagePlan does not define");
            }
        }
    }
}
