using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>SLS-LAMBDA-012: More than five layers.</summary>
public sealed class TooManyLayers : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-LAMBDA-012",
        Title = "More than five layers",
        DefaultSeverity = Severity.Error,
        Category = "Lambda",
        Description = "A function (or the provider default) lists more than 5 layers.",
        Rationale = "Lambda allows at most 5 layers per function; the deployment fails.",
        HowToFix = "Merge layers or bundle the dependencies into the package.",
        FailingExample = """
            functions:
              hello:
                layers: [6 layer ARNs]
            """,
        PassingExample = """
            functions:
              hello:
                layers: [at most 5 layer ARNs]
            """,
        Anchors =
        [
            "Lambda quota: 5 layers per function",
        ],
    };

    public override void Check(RuleContext context)
    {
        var limit = context.Limits["lambda.layers"];
        var reported = new HashSet<SourceSpan>();
        foreach (var function in context.Service.Functions)
        {
            var layers = function.Layers;
            if (limit.Contains(layers.Value.Count))
            {
                continue;
            }

            var owner = layers.Source == SettingSource.Provider ? context.Service.Provider.Node : function.Node;
            Node at = owner.KeyOf("layers") ?? (Node?)layers.Node ?? function.KeyNode;
            if (reported.Add(at.Span))
            {
                context.Report(at, $"function '{function.Key}' has {layers.Value.Count} layers{layers.SourceNote()}; Lambda allows {limit.RangeText}");
            }
        }
    }
}
