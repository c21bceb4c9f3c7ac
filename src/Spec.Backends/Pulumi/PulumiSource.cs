using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;

namespace Spec.Backends.Pulumi;

/// <summary>A code package of the plan: which S3 key the template names and where the zip is on disk.</summary>
public sealed record PulumiArtifact(string S3Key, string ArtifactName, string? ExistingArtifactPath);

/// <summary>
/// What the Pulumi backend reads: the plan's resources (CloudFormation-typed bodies with <c>Ref</c>/<c>Fn::GetAtt</c>
/// between logical ids), outputs, extra template sections and code artifacts. Built from the service plan, or from a
/// CloudFormation template (which is what a plan serialises to).
/// </summary>
public sealed class PulumiSource
{
    public required string Service { get; init; }

    public required string Stage { get; init; }

    public required string Region { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>The plan's resources in plan order: logical id and body (<c>Type</c>, <c>Properties</c>, <c>DependsOn</c>…).</summary>
    public required IReadOnlyList<KeyValuePair<string, JsonObject>> Resources { get; init; }

    public JsonObject Outputs { get; init; } = [];

    /// <summary>Conditions, Parameters, Mappings… written by the user under <c>resources:</c>.</summary>
    public JsonObject ExtraSections { get; init; } = [];

    public IReadOnlyList<PulumiArtifact> Artifacts { get; init; } = [];

    /// <summary>The spec node each resource was lowered from, for diagnostics.</summary>
    public IReadOnlyDictionary<string, SourceSpan> Origins { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>The spec file, for diagnostics about resources without an origin.</summary>
    public string SpecPath { get; init; } = "serverless.yml";

    /// <summary>The folder the function code paths are relative to in the generated program (default: the service folder as seen from the output).</summary>
    public string CodeRoot { get; init; } = ".";

    /// <summary>The backend's input from the service plan. <paramref name="codeRoot"/>: the service folder as the generated program sees it.</summary>
    public static PulumiSource FromPlan(ServicePlan plan, string codeRoot = ".", string specPath = "serverless.yml")
    {
        var origins = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var r in plan.Resources)
        {
            if (r.Origin is { } origin)
            {
                origins[r.LogicalId] = origin;
            }
        }

        return new PulumiSource
        {
            Service = plan.Service,
            Stage = plan.Stage,
            Region = plan.Region,
            Description = plan.Description,
            Resources = [.. plan.Resources.Select(r => new KeyValuePair<string, JsonObject>(r.LogicalId, r.Body))],
            Outputs = plan.Outputs,
            ExtraSections = plan.ExtraSections,
            Artifacts = [.. plan.Artifacts.Select(a => new PulumiArtifact(a.S3Key, a.ArtifactName, a.ExistingArtifactPath))],
            Origins = origins,
            SpecPath = specPath,
            CodeRoot = codeRoot,
        };
    }

    /// <summary>A copy whose function code comes from <paramref name="directory"/>/&lt;artifact name&gt; (packaged zips).</summary>
    public PulumiSource WithArtifactsIn(string directory) => new()
    {
        Service = Service,
        Stage = Stage,
        Region = Region,
        Description = Description,
        Resources = Resources,
        Outputs = Outputs,
        ExtraSections = ExtraSections,
        Artifacts = [.. Artifacts.Select(a => a with { ExistingArtifactPath = $"{directory.TrimEnd('/')}/{a.ArtifactName}" })],
        Origins = Origins,
        SpecPath = SpecPath,
        CodeRoot = CodeRoot,
    };

    /// <summary>Reads a CloudFormation template (a serialised plan).</summary>
    public static PulumiSource FromTemplate(JsonObject template, string service, string stage, string region)
    {
        var resources = new List<KeyValuePair<string, JsonObject>>();
        if (template["Resources"] is JsonObject rs)
        {
            foreach (var (id, body) in rs)
            {
                if (body is JsonObject o)
                {
                    resources.Add(new(id, o));
                }
            }
        }

        var extra = new JsonObject();
        foreach (var section in new[] { "Conditions", "Parameters", "Mappings" })
        {
            if (template[section] is JsonObject s)
            {
                extra[section] = s.DeepClone();
            }
        }

        return new PulumiSource
        {
            Service = service,
            Stage = stage,
            Region = region,
            Description = (string?)template["Description"] ?? string.Empty,
            Resources = resources,
            Outputs = template["Outputs"] is JsonObject outs ? (JsonObject)outs.DeepClone() : [],
            ExtraSections = extra,
        };
    }
}
