using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Bind.Sam;

/// <summary>What the SAM reader collects while it walks a template: its parameters, the logical ids it renames to
/// the Framework's, the statements that go to the service's one role, the notes for the writer.</summary>
internal sealed class SamReadContext(MappingNode root, string file, DiagnosticBag notes)
{
    /// <summary>The logical id of the role the Framework generates (and <c>spec convert --to sam</c> writes).</summary>
    public const string FrameworkRole = "IamRoleLambdaExecution";

    public MappingNode Root { get; } = root;

    public string File { get; } = file;

    public DiagnosticBag Notes { get; } = notes;

    public MappingNode Resources { get; } = root["Resources"] as MappingNode ?? new MappingNode(root.Span, []);

    /// <summary>Parameters with a default: <c>!Ref P</c> becomes <c>${param:P}</c>.</summary>
    public Dictionary<string, Node> ParameterDefaults { get; } = new(StringComparer.Ordinal);

    /// <summary>SAM logical id → the Framework's (functions, layers, buckets, topics, pools, implicit APIs).</summary>
    public Dictionary<string, string> Renames { get; } = new(StringComparer.Ordinal);

    /// <summary>Resources the model now expresses itself (functions, layers, the generated role and log groups).</summary>
    public HashSet<string> Consumed { get; } = new(StringComparer.Ordinal);

    /// <summary>SAM logical id of each function → its serverless.yml key.</summary>
    public Dictionary<string, string> FunctionKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The explicit REST APIs the routes use, in the order they were met (the first gives the provider settings).</summary>
    public List<string> RestApis { get; } = [];

    /// <summary>The explicit HTTP APIs the routes use, in the order they were met.</summary>
    public List<string> HttpApis { get; } = [];

    /// <summary>The <c>Globals</c> keys of the implicit APIs routes use (<c>Api</c>, <c>HttpApi</c>): those globals are read.</summary>
    public HashSet<string> ImplicitApis { get; } = new(StringComparer.Ordinal);

    /// <summary>The explicit APIs of a kind (by its <c>Globals</c> key) the routes use.</summary>
    public List<string> ApisOf(string globalsKey) => globalsKey == "Api" ? RestApis : HttpApis;

    public List<Node> RoleStatements { get; } = [];

    public List<Node> ManagedPolicies { get; } = [];

    /// <summary>Comments for the serverless.yml writer, by the span of the key they explain.</summary>
    public Dictionary<SourceSpan, string> Comments { get; } = [];

    public MappingNode? Resource(string? logicalId) =>
        logicalId is null ? null : Resources[logicalId] as MappingNode;

    public string? TypeOf(string? logicalId) => SamNodes.Literal(Resource(logicalId)?["Type"]);

    public static MappingNode? Properties(MappingNode? resource) => resource?["Properties"] as MappingNode;

    public void Approximated(Node at, string message) => Notes.Warning(SamReadDiagnostics.Approximated, message, at.Span);

    public void LeftOut(Node at, string message) => Notes.Warning(SamReadDiagnostics.LeftOut, message, at.Span);

    public void Comment(ScalarNode key, string text) => Comments.TryAdd(key.Span, text);
}
