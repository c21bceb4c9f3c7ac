using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Backends.Plan;

/// <summary>One function of the bound service with what the lowering adds to it (its alias).</summary>
public sealed class PlanFunction(Function model)
{
    /// <summary>The bound function: effective settings, with where each came from.</summary>
    public Function Model { get; } = model;

    public string Key => Model.Key;

    public string DeployedName => Model.DeployedName;

    private string? _logicalId;
    private string? _normalizedName;
    private string? _logGroupLogicalId;

    public string LogicalId => _logicalId ??= Naming.LambdaOf(NormalizedName);

    /// <summary>The id of the function's log group, which the function waits for.</summary>
    public string LogGroupLogicalId => _logGroupLogicalId ??= Naming.LogGroup(this);

    /// <summary>The key as logical ids spell it (<see cref="Naming.FunctionName"/>), made once for the function's ids.</summary>
    public string NormalizedName => _normalizedName ??= Naming.FunctionName(Key);

    public SourceSpan Span => Model.Node.Span;

    /// <summary>Set when provisioned concurrency or SnapStart adds an alias: event sources then target it.</summary>
    public string? AliasLogicalId { get; set; }

    /// <summary>The alias name (<c>provisioned</c>, <c>snapstart</c>) when there is one.</summary>
    public string? AliasName { get; set; }

    /// <summary>
    /// What event sources invoke (<c>resolveLambdaTarget</c>): the function ARN, or that ARN qualified with the alias
    /// name when there is an alias.
    /// </summary>
    public JsonNode Target() => AliasName is null
        ? PlanJson.GetAtt(LogicalId, "Arn")
        : PlanJson.Join(":", PlanJson.GetAtt(LogicalId, "Arn"), AliasName);

    /// <summary>The name to use where a function name is expected (FunctionName of a Permission).</summary>
    public JsonNode PermissionTarget() => Target();
}

/// <summary>Shared state of one lowering run: the bound service, the plan being built and the diagnostics.</summary>
public sealed class PlanContext
{
    public PlanContext(Service service, ServicePlan plan, DiagnosticBag diagnostics)
    {
        Model = service;
        Plan = plan;
        Diagnostics = diagnostics;
        Values = new SpecValues(diagnostics) { Sources = plan.ValueSources };
    }

    /// <summary>The bound service the plan lowers.</summary>
    public Service Model { get; }

    public ServicePlan Plan { get; }

    public DiagnosticBag Diagnostics { get; }

    public SpecValues Values { get; }

    /// <summary>The plan is built for its resources only (<see cref="PlanOptions.ResourcesOnly"/>): what only the template's
    /// other sections hold (the outputs of each function) is left out.</summary>
    public bool ResourcesOnly { get; init; }

    public string Service => Plan.Service;

    public string Stage => Plan.Stage;

    /// <summary>The file name of the service's own artifact (<c>&lt;service&gt;.zip</c>).</summary>
    public string ServiceZip => _serviceZip ??= Service + ".zip";

    private string? _serviceZip;

    public List<PlanFunction> Functions { get; } = [];

    /// <summary>Statements appended to the shared execution role by events (the Framework's one inline policy).</summary>
    public List<JsonNode> EventStatements { get; } = [];

    /// <summary>Services that must also assume the execution role (scheduler, Lambda@Edge).</summary>
    public List<string> ExtraTrustedServices { get; } = [];

    public JsonNode? Json(Node? node) => Values.ToJson(node);

    /// <summary>A written value as written (intrinsics and deploy-time values included); null when not written.</summary>
    public JsonNode? Json<T>(Spanned<T>? value) => value is null ? null : Values.ToJson(value.Node);

    /// <summary>An effective value: as written when written, else its default.</summary>
    public JsonNode? Json<T>(Setting<T> setting) => setting.Node is null ? PlanJson.Value(setting.Value) : Values.ToJson(setting.Node);

    /// <summary>
    /// A value the plan reads as text from what the spec wrote at <paramref name="from"/> (a rule's name or description),
    /// recorded as coming from there like a value converted by <see cref="Json{T}(Spanned{T}?)"/>.
    /// </summary>
    public JsonNode Derived<T>(string value, Spanned<T>? from) => DerivedFrom(value, from?.Node);

    /// <summary>A value the plan computes from the spec node <paramref name="from"/> (null: from none).</summary>
    public JsonNode DerivedFrom(string value, Node? from)
    {
        var json = JsonValue.Create(value);
        if (from is not null && Plan.ValueSources is { } sources)
        {
            sources[json] = from;
        }

        return json;
    }

    /// <summary>A list of written values, each as written.</summary>
    public JsonArray Json<T>(IEnumerable<Spanned<T>> values) => new([.. values.Select(v => Values.ToJson(v.Node))]);

    public PlanResource Add(string logicalId, JsonObject body, PlanResourceKind kind, SourceSpan? origin,
        string? functionKey = null, Node? idSource = null) =>
        Plan.Add(new PlanResource(logicalId, body, kind, origin) { FunctionKey = functionKey, IdSource = idSource });

    /// <summary>
    /// lodash <c>_.merge</c> of a resource into the template: a new id is added, an existing body takes the new one
    /// merged over it (objects by key, arrays by index), as the Framework's compilers do when two events name one id.
    /// </summary>
    public PlanResource Merge(string logicalId, JsonObject body, PlanResourceKind kind, SourceSpan? origin,
        string? functionKey = null, Node? idSource = null)
    {
        if (Plan[logicalId] is { } existing)
        {
            PlanJson.Merge(existing.Body, body);
            return existing;
        }

        return Add(logicalId, body, kind, origin, functionKey, idSource);
    }

    public void Unsupported(string what, SourceSpan? span, string? help = null) =>
        Diagnostics.Error(CloudFormationDiagnosticIds.Unsupported, what, span, help);

    public JsonNode DeploymentBucketRef() =>
        Plan.DeploymentBucketName is { } name ? JsonValue.Create(name)! : PlanJson.Ref(Naming.DeploymentBucket);

    /// <summary>The function the spec names by key, or null.</summary>
    public PlanFunction? FunctionByKey(string key)
    {
        // Looked up per event (authorizers, destinations): indexed once the functions are all collected, the first
        // of a key kept as a search of the list finds it.
        if (_functionsByKey is null || _functionsIndexed != Functions.Count)
        {
            _functionsByKey = new Dictionary<string, PlanFunction>(Functions.Count, StringComparer.Ordinal);
            foreach (var fn in Functions)
            {
                _functionsByKey.TryAdd(fn.Key, fn);
            }

            _functionsIndexed = Functions.Count;
        }

        return _functionsByKey.GetValueOrDefault(key);
    }

    private Dictionary<string, PlanFunction>? _functionsByKey;
    private int _functionsIndexed;
}

/// <summary>Ids of the diagnostics Plan and the CloudFormation backend report.</summary>
public static class CloudFormationDiagnosticIds
{
    /// <summary>A value only known at deploy time that CloudFormation cannot resolve itself.</summary>
    public const string Unexpressible = SpecValues.UnexpressibleId;

    /// <summary>An event, setting or resource the backend cannot express; nothing is dropped silently.</summary>
    public const string Unsupported = "SPEC-CFN-002";

    /// <summary>The spec is not something the backend can compile (no service, not AWS…).</summary>
    public const string InvalidSpec = "SPEC-CFN-003";

    /// <summary>Writing the output failed.</summary>
    public const string Output = "SPEC-CFN-004";

    /// <summary><c>resources.extensions</c> names a resource that does not exist.</summary>
    public const string MissingExtensionTarget = "SPEC-CFN-005";
}
