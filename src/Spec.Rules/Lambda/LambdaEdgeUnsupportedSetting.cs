using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-023: A setting Lambda@Edge does not support (VPC, layers, a dead-letter queue, arm64).</summary>
public sealed class LambdaEdgeUnsupportedSetting : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-023",
        Title = "Setting Lambda@Edge does not support",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "A function with a `cloudFront` event has layers, the `arm64` architecture or an `onError` dead-letter queue (errors), or a `vpc` (warning), its own or inherited from `provider`.",
        Rationale = "CloudFront refuses to associate a function version that uses layers, runs on arm64 or has a dead-letter queue, so the distribution's deployment fails; the Framework silently removes `VpcConfig` from edge functions, so the function runs outside the VPC.",
        HowToFix = "Bundle the layer's code into the package, use `architecture: x86_64`, drop `onError`; for a VPC, reach the resources through a public endpoint or move the work to a regional function.",
        FailingExample = """
            functions:
              edge:
                architecture: arm64
                layers: [arn:aws:lambda:us-east-1:123456789012:layer:shared:1]
                events:
                  - cloudFront:
                      eventType: origin-request
            """,
        PassingExample = """
            functions:
              edge:
                architecture: x86_64
                events:
                  - cloudFront:
                      eventType: origin-request
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html",
            "Serverless events/cloud-front.js (deletes Properties.VpcConfig)",
        ],
    };

    public override void Check(RuleContext context)
    {
        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            if (function.EventsOf<CloudFrontEvent>().FirstOrDefault() is not { } edge)
            {
                continue;
            }

            var related = new[] { edge.Node.Related("the function runs at the edge because of this event") };
            void Report(Node at, string what, Severity? severity = null)
            {
                if (reported.Add(at.EditSpan))
                {
                    context.Report(at, $"Lambda@Edge function '{function.Key}' {what}", related: related, severity: severity);
                }
            }

            if (function.Layers.Value.Count > 0)
            {
                var owner = function.Layers.Source == SettingSource.Provider ? context.Service.Provider.Node : function.Node;
                Report(owner.KeyOf("layers") ?? function.Layers.Anchor(function),
                    $"uses {function.Layers.Value.Count} layer(s){function.Layers.SourceNote()}; CloudFront does not associate functions that use layers");
            }

            if (function.Architecture is { Value: "arm64", Node: { } architecture })
            {
                Report(architecture, $"runs on arm64{function.Architecture.SourceNote()}; Lambda@Edge supports x86_64 only");
            }

            if (function.OnError is { } onError and not ScalarNode { IsNull: true })
            {
                Report(onError, "has an onError dead-letter queue; Lambda@Edge does not support dead-letter queues");
            }

            if (function.Vpc is { Value: not null, Node: { } vpc })
            {
                var owner = function.Vpc.Source == SettingSource.Provider ? context.Service.Provider.Node : function.Node;
                Report(owner.KeyOf("vpc") ?? vpc, $"has a vpc{function.Vpc.SourceNote()}; the Framework drops VpcConfig from edge functions, so it runs outside the VPC", Severity.Warning);
            }
        }
    }
}
