using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Backends.Conversion;

/// <summary>
/// What the SAM writer shares while it turns one <see cref="Service"/> into a template: the resources written so far
/// (in the order they are added), the values' conversion (deploy-time values become what CloudFormation resolves
/// itself) and the warnings, each said once per place.
/// </summary>
internal sealed partial class SamContext
{
    private readonly HashSet<string> _said = new(StringComparer.Ordinal);
    private readonly SpecValues _values;
    private ServicePlan? _frameworkPlan;

    public SamContext(Service service, DiagnosticBag diagnostics)
    {
        Service = service;
        Diagnostics = diagnostics;
        _values = new SpecValues(diagnostics) { Substitute = Substitute };
    }

    public Service Service { get; }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>The spec's parameters the template refers to (<c>${param:Name}</c> as a whole value), each with the value
    /// it has for this stage: the template's <c>Parameters</c>, that value as the default (<see cref="UsesStage"/> adds
    /// <c>Stage</c>).</summary>
    public SortedDictionary<string, JsonNode> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>The template's <c>Resources</c>, functions first, in source order.</summary>
    public JsonObject Resources { get; } = [];

    /// <summary>What the REST routes collected for their API (CORS, authorizers).</summary>
    public RestApiState Rest { get; } = new();

    /// <summary>What the HTTP API routes collected for their API.</summary>
    public HttpApiState Http { get; } = new();

    /// <summary>IAM statements the shared execution role needs for the event sources and destinations.</summary>
    public List<JsonNode> RoleStatements { get; } = [];

    /// <summary>Managed policies the shared role needs besides the basic execution role (VPC access, X-Ray).</summary>
    public SortedSet<string> RoleManagedPolicies { get; } = new(StringComparer.Ordinal);

    /// <summary>The plan of the same model, for the few resources SAM has nothing for (<see cref="SamFrameworkResources"/>).
    /// Built on first use, with where each value from the spec came from (<see cref="FrameworkResource"/>); its
    /// diagnostics are the compiler's, not the conversion's, so they are not reported.</summary>
    public ServicePlan FrameworkPlan => _frameworkPlan ??=
        PlanBuilder.Build(Service, new DiagnosticBag(), new PlanOptions { RecordValueSources = true });

    public JsonNode? Json(Node? node) => _values.ToJson(node);

    /// <summary>A typed setting as JSON: its literal value, else its node (an intrinsic), else null.</summary>
    public JsonNode? Json<T>(Setting<T> setting) =>
        setting.Node is { } written && Substitute(written) is { } reference ? reference
            : setting.Value is { } value ? PlanJson.Value(value) : setting.Node is { } node ? Json(node) : null;

    /// <summary>A written value as JSON: its node (an intrinsic or a literal of any type).</summary>
    public JsonNode? Json<T>(Spanned<T>? spanned) => spanned is null ? null : Json(spanned.Node);

    /// <summary>A list of written values, each as written; null when the list is empty.</summary>
    public JsonArray? Json<T>(IReadOnlyList<Spanned<T>> values) =>
        values.Count == 0 ? null : new JsonArray([.. values.Select(v => Json(v.Node))]);

    /// <summary>Adds a resource; when the id is taken the later one is merged over it, as <c>resources:</c> is.</summary>
    public void AddResource(string logicalId, JsonObject resource)
    {
        if (Resources[logicalId] is JsonObject existing)
        {
            PlanJson.Merge(existing, resource);
        }
        else
        {
            Resources[logicalId] = resource;
        }
    }

    /// <summary>Adds a statement to the shared role unless an equal one is there.</summary>
    public void AddRoleStatement(IEnumerable<string> actions, IEnumerable<JsonNode?> resources)
    {
        var resourceList = new JsonArray([.. resources.Where(r => r is not null).Select(r => r!.DeepClone())]);
        if (resourceList.Count == 0)
        {
            return;
        }

        var statement = PlanJson.Object(("Effect", "Allow"), ("Action", PlanJson.Strings(actions)), ("Resource", resourceList));
        if (!RoleStatements.Exists(s => JsonNode.DeepEquals(s, statement)))
        {
            RoleStatements.Add(statement);
        }
    }

    public void PlainCloudFormation(FunctionEvent e, string written) =>
        Warn(ConvertDiagnostics.PlainCloudFormation, e.Node,
            $"SAM has no '{e.KindName}' event: written as plain CloudFormation ({written})");

    public void Approximated(Node node, string message) => Warn(ConvertDiagnostics.Approximated, node, message);

    public void LeftOut(Node node, string message) => Warn(ConvertDiagnostics.LeftOut, node, message);

    public void Warn(string id, Node node, string message)
    {
        if (_said.Add($"{id}|{node.Span}|{message}"))
        {
            Diagnostics.Warning(id, message, node.Span);
        }
    }
}
