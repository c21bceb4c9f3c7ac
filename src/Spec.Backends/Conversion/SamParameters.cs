using System.Text;
using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Syntax;

namespace Spec.Backends.Conversion;

/// <summary>
/// What the spec leaves open becomes what a SAM template leaves open: a value that came whole from <c>${param:Name}</c>
/// refers to the parameter <c>Name</c>; the parts of a string that are the deploy's stage (<c>${sls:stage}</c>,
/// <c>${opt:stage, 'dev'}</c>, a <c>${self:…}</c> of such a value) refer to the parameter <c>Stage</c>, and the parts
/// that are its region (<c>${aws:region}</c>, <c>${opt:region}</c>) to <c>AWS::Region</c>, the region the stack is
/// deployed in. Each parameter's default is the value the spec gives it here; a sensitive value is never one.
/// </summary>
internal sealed partial class SamContext
{
    public const string StageParameter = "Stage";

    /// <summary>Nodes CloudFormation takes as text (a <c>Fn::Sub</c> string, a <c>Ref</c>'s name): converted as written.</summary>
    private readonly HashSet<Node> _text = new(ReferenceEqualityComparer.Instance);

    private HashSet<string>? _declared;

    /// <summary>True once a value refers to the <c>Stage</c> parameter: the template declares it.</summary>
    public bool UsesStage { get; private set; }

    /// <summary>True when the spec leaves the stage open somewhere (<c>provider.stage: ${opt:stage, 'dev'}</c>, a value
    /// with <c>${sls:stage}</c>): the names the Framework derives from the stage (function names, the API's stage and
    /// name) refer to the <c>Stage</c> parameter too, so two stacks of the template for two stages do not collide.</summary>
    public bool StageIsOpen => _stageIsOpen ??= MayUseStage() && SpecValues.RefersToOpenStage(Service.Root, Service.Stage);

    private bool? _stageIsOpen;

    /// <summary>True when the spec leaves the region open somewhere (<c>provider.region: ${opt:region, 'eu-west-1'}</c>):
    /// the stack's region is the one it is deployed in.</summary>
    public bool RegionIsOpen => SpecValues.RefersToOpenRegion(Service.Root, Service.Region);

    /// <summary>The template's parameters declared in <c>resources.Parameters</c>.</summary>
    private HashSet<string> Declared => _declared ??= [.. Service.Resources.Fragments
        .SelectMany(f => f.Where(e => e.Key == "Parameters").SelectMany(e => e.Members)).Select(m => m.Key)];

    /// <summary>The hook of <see cref="SpecValues.Substitute"/>: what a value the spec leaves open is in the template;
    /// null for any other value (it is converted as written).</summary>
    private JsonNode? Substitute(Node node)
    {
        if (_text.Contains(node))
        {
            return null;
        }

        foreach (var argument in SpecValues.TextArguments(node))
        {
            _text.Add(argument);
        }

        if (SpecValues.WholeParameter(node) is { } parameter)
        {
            if (parameter.Name == StageParameter && UsesStage && PlanJson.AsString(parameter.Value) != Service.Stage)
            {
                return null;
            }

            Parameters.TryAdd(parameter.Name, parameter.Value);
            return PlanJson.Ref(parameter.Name);
        }

        return SpecValues.OpenString(node) is { } pieces ? OpenReference(pieces) : null;
    }

    /// <summary>A name the Framework derives from the stage (<paramref name="before"/>, the stage, <paramref name="after"/>):
    /// with the <c>Stage</c> parameter when <see cref="StageIsOpen"/>, else as text.</summary>
    public JsonNode Staged(string before, string after) => Staged([before, after]);

    /// <summary>A name with the stage between each two of <paramref name="pieces"/>: with the <c>Stage</c> parameter when
    /// <see cref="StageIsOpen"/>, else as text.</summary>
    private JsonNode Staged(IReadOnlyList<string> pieces)
    {
        if (!StageIsOpen)
        {
            return string.Join(Service.Stage, pieces);
        }

        UsesStage = true;
        return pieces.All(p => p.Length == 0) && pieces.Count == 2
            ? PlanJson.Ref(StageParameter)
            : PlanJson.Sub(string.Join("${" + StageParameter + "}", pieces.Select(SubText)));
    }

    /// <summary><c>!Ref</c> when the whole string is the stage or the region, <c>!Sub</c> when they are parts of it; null
    /// when no part is (a piece whose text is not this deploy's stage or region, e.g. another fallback, stays text).</summary>
    private JsonObject? OpenReference(IReadOnlyList<OpenPiece> pieces)
    {
        var names = pieces.Select(ParameterOf).ToList();
        if (names.TrueForAll(n => n is null))
        {
            return null;
        }

        if (pieces.Count == 1)
        {
            return PlanJson.Ref(names[0]!);
        }

        var sub = new StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            sub.Append(names[i] is { } name ? "${" + name + "}" : SubText(pieces[i].Text));
        }

        return PlanJson.Sub(sub.ToString());
    }

    private string? ParameterOf(OpenPiece piece)
    {
        if (piece.IsRegion && piece.Text == Service.Region)
        {
            return "AWS::Region";
        }

        if (piece.IsStage && piece.Text == Service.Stage && MayUseStage())
        {
            UsesStage = true;
            return StageParameter;
        }

        return null;
    }

    /// <summary>The <c>Stage</c> parameter is free: <c>resources.Parameters</c> does not declare one and no spec param of
    /// that name has another value.</summary>
    private bool MayUseStage() =>
        !Declared.Contains(StageParameter) &&
        (!Parameters.TryGetValue(StageParameter, out var param) || PlanJson.AsString(param) == Service.Stage);

    /// <summary>Literal text in a <c>Fn::Sub</c> string: <c>${</c> is written <c>${!</c>.</summary>
    private static string SubText(string text) => text.Replace("${", "${!", StringComparison.Ordinal);
}
