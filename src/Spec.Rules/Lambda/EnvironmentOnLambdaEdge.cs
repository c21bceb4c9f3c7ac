using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-022: Environment variables on a Lambda@Edge function.</summary>
public sealed class EnvironmentOnLambdaEdge : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-022",
        Title = "Environment variables on a Lambda@Edge function",
        DefaultSeverity = Severity.Warning,
        Category = "Lambda",
        Description = "A function with a `cloudFront` event has environment variables, its own or inherited from `provider.environment`.",
        Rationale = "Lambda@Edge does not support environment variables: the Framework silently removes them from the function, so code that reads them gets nothing at run time.",
        HowToFix = "Build the values into the code (or read them from SSM at run time); move shared variables from `provider.environment` to the functions that are not at the edge.",
        FailingExample = """
            functions:
              edge:
                environment:
                  ORIGIN: example.com
                events:
                  - cloudFront:
                      eventType: origin-request
            """,
        PassingExample = """
            functions:
              edge:
                events:
                  - cloudFront:
                      eventType: origin-request
            """,
        Anchors =
        [
            "Serverless events/cloud-front.js (deletes Properties.Environment)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        foreach (var function in context.Service.Functions)
        {
            if (function.EventsOf<CloudFrontEvent>().FirstOrDefault() is not { } edge || function.Environment.Count == 0)
            {
                continue;
            }

            var names = string.Join(", ", function.Environment.Select(e => e.Name));
            var own = function.Environment.FirstOrDefault(e => e.Source == SettingSource.Function);
            var related = new List<RelatedLocation> { edge.Node.Related("the function runs at the edge because of this event") };
            if (own is not null)
            {
                context.Report(own.Key, $"Lambda@Edge function '{function.Key}' has environment variables ({names}); the Framework drops them, Lambda@Edge supports none", related: related);
            }
            else
            {
                related.Add(function.Environment[0].Key.Related("inherited from provider.environment"));
                context.Report(function.KeyNode, $"Lambda@Edge function '{function.Key}' inherits environment variables ({names}) from provider.environment; the Framework drops them, Lambda@Edge supports none", related: related);
            }
        }
    }
}
