using System.Buffers;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Backends.Plan;

/// <summary>
/// Turns resolved spec nodes into plan values. Deploy-time values (<c>${ssm:…}</c>, <c>${aws:accountId}</c>, …) become
/// what CloudFormation can resolve itself (<c>{{resolve:ssm:…}}</c>, <c>AWS::AccountId</c>); anything else is reported
/// at the value's location and left out.
/// </summary>
public sealed partial class SpecValues(DiagnosticBag diagnostics)
{
    public const string UnexpressibleId = "SPEC-CFN-001";

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>
    /// When set, every plan value converted here is recorded with the node it came from, at every depth, so a finding
    /// on a generated property can point at the key that produced it, and never show a sensitive value
    /// (<see cref="GeneratedForRules"/>).
    /// </summary>
    public Dictionary<JsonNode, Node>? Sources { get; init; }

    /// <summary>Consulted first for every node: a non-null result is the node's value. The SAM writer writes a value that
    /// came whole from <c>${param:Name}</c> as a reference to the template's parameter.</summary>
    public Func<Node, JsonNode?>? Substitute { get; init; }

    public JsonNode? ToJson(Node? node)
    {
        var json = node is not null && Substitute?.Invoke(node) is { } substituted ? substituted : Convert(node);
        if (Sources is not null && json is not null)
        {
            Sources[json] = node!;
        }

        return json;
    }

    private JsonNode? Convert(Node? node)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s:
                return Scalar(s);
            case SequenceNode seq:
                return Sequence(seq);
            case MappingNode m:
                return Mapping(m);
            case DeployTimeNode d:
                return DeployTime(d);
            default:
                return null;
        }
    }

    // The items are collected in a pooled array: the list copies them into its own, sized once.
    private JsonArray Sequence(SequenceNode seq)
    {
        var count = seq.Items.Count;
        var items = ArrayPool<JsonNode?>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                items[i] = ToJson(seq.Items[i]);
            }

            return new JsonArray(items.AsSpan(0, count));
        }
        finally
        {
            Array.Clear(items, 0, count);
            ArrayPool<JsonNode?>.Shared.Return(items);
        }
    }

    private JsonObject Mapping(MappingNode m)
    {
        var entries = m.Entries;
        var members = PlanMembers.Rent();
        for (var i = 0; i < entries.Count; i++)
        {
            members.Add(entries[i].Key.Text, ToJson(entries[i].Value));
        }

        return members.ToObject();
    }

    /// <summary>
    /// The spec parameter a value comes whole from (<c>${param:Name}</c>) and the value it has for this stage (a number
    /// or a string); null for any other value, and for a sensitive one, whose value is never written out.
    /// </summary>
    public static (string Name, JsonNode Value)? WholeParameter(Node node)
    {
        if (node is not ScalarNode { IsSensitive: false, IsNull: false, Expression: { } expression } scalar ||
            WholeParameterVariable().Match(expression) is not { Success: true } match)
        {
            return null;
        }

        JsonNode value = scalar.Kind is ScalarKind.Int or ScalarKind.Float ? Scalar(scalar)! : JsonValue.Create(scalar.Text);
        return (match.Groups["name"].Value, value);
    }

    /// <summary>
    /// A string whose text is in part (or whole) the deploy's stage or region as the spec leaves it open
    /// (<see cref="OpenPart"/>), cut into pieces in text order; null for any other value, and for a sensitive one.
    /// </summary>
    public static IReadOnlyList<OpenPiece>? OpenString(Node node)
    {
        if (node is not ScalarNode { Kind: ScalarKind.String, IsSensitive: false, OpenParts.Count: > 0 } scalar)
        {
            return null;
        }

        var text = scalar.Text;
        var pieces = new List<OpenPiece>();
        var at = 0;
        foreach (var part in scalar.OpenParts.Where(p => p.Start >= 0 && p.Start + p.Length <= text.Length))
        {
            if (part.Start < at)
            {
                continue;
            }

            if (part.Start > at)
            {
                pieces.Add(new OpenPiece(text[at..part.Start], IsStage: false, IsRegion: false));
            }

            pieces.Add(new OpenPiece(text.Substring(part.Start, part.Length), part.Setting == OpenSetting.Stage, part.Setting == OpenSetting.Region));
            at = part.Start + part.Length;
        }

        if (at < text.Length)
        {
            pieces.Add(new OpenPiece(text[at..], IsStage: false, IsRegion: false));
        }

        return pieces;
    }

    /// <summary>True when a string anywhere in <paramref name="node"/> is in part the deploy's stage
    /// <paramref name="stage"/> as the spec leaves it open (<see cref="OpenString"/>).</summary>
    public static bool RefersToOpenStage(Node node, string stage) => RefersToOpen(node, p => p.IsStage && p.Text == stage);

    /// <summary>True when a string anywhere in <paramref name="node"/> is in part the deploy's region
    /// <paramref name="region"/> as the spec leaves it open (<see cref="OpenString"/>).</summary>
    public static bool RefersToOpenRegion(Node node, string region) => RefersToOpen(node, p => p.IsRegion && p.Text == region);

    private static bool RefersToOpen(Node node, Func<OpenPiece, bool> open) => node switch
    {
        MappingNode m => m.Entries.Any(e => RefersToOpen(e.Value, open)),
        SequenceNode q => q.Items.Any(i => RefersToOpen(i, open)),
        _ => OpenString(node)?.Any(open) == true,
    };

    /// <summary>The arguments of an intrinsic function CloudFormation takes as text (<c>Fn::Sub</c>'s string, <c>Ref</c>,
    /// <c>Fn::GetAtt</c>, <c>Condition</c>): none of them can itself be an intrinsic. Empty for any other value.</summary>
    public static IEnumerable<Node> TextArguments(Node node) => node switch
    {
        MappingNode { Entries: [{ Key.Text: "Fn::Sub" }] } m => m.Entries[0].Value is SequenceNode { Items: [var text, ..] } ? [text] : [m.Entries[0].Value],
        MappingNode { Entries: [{ Key.Text: "Ref" or "Fn::GetAtt" or "Condition" }] } m => [m.Entries[0].Value],
        _ => [],
    };

    [GeneratedRegex(@"^\$\{param:(?<name>[A-Za-z0-9]+)\}$")]
    private static partial Regex WholeParameterVariable();

    public static JsonNode? Scalar(ScalarNode s) => s.Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Bool => JsonValue.Create(s.AsBool ?? false),
        ScalarKind.Int when s.AsLong is { } l => JsonValue.Create(l),
        ScalarKind.Int or ScalarKind.Float when s.AsDouble is { } d => JsonValue.Create(d),

        // Infinity and NaN (js-yaml reads 1e400 and .nan as such): JSON has neither, and JSON.stringify writes null,
        // which is what the Framework's template holds.
        ScalarKind.Float => null,
        _ => JsonValue.Create(s.Text),
    };

    private JsonNode? DeployTime(DeployTimeNode d)
    {
        var parts = new List<JsonNode>();
        foreach (var part in d.Parts)
        {
            switch (part)
            {
                case DeployTimeLiteral lit:
                    parts.Add(JsonValue.Create(lit.Text)!);
                    break;
                case DeployTimeReference r:
                    var lowered = Lower(r);
                    if (lowered is null)
                    {
                        Diagnostics.Error(UnexpressibleId,
                            $"'{r.Expression}' is only known at deploy time and CloudFormation cannot resolve it itself",
                            d.EditSpan,
                            "resolve it before compiling (pass the value with --param or an environment variable), " +
                            "or use an ssm parameter, which CloudFormation resolves with {{resolve:ssm:…}}");
                        return null;
                    }

                    parts.Add(lowered);
                    break;
            }
        }

        // Adjacent strings concatenate; a single string stays a string (dynamic references work inside strings).
        var merged = new List<JsonNode>();
        foreach (var p in parts)
        {
            if (merged.Count > 0 && PlanJson.AsString(merged[^1]) is { } prev && PlanJson.AsString(p) is { } cur)
            {
                merged[^1] = JsonValue.Create(prev + cur)!;
            }
            else
            {
                merged.Add(p);
            }
        }

        return merged.Count == 1 ? merged[0] : PlanJson.Join(string.Empty, [.. merged]);
    }

    private static JsonNode? Lower(DeployTimeReference r)
    {
        switch (r.Source)
        {
            case "aws" when r.Address == "accountId":
                return PlanJson.AccountId();
            case "ssm" when r.Parameters.Count == 0 || r.Parameters.All(string.IsNullOrEmpty):
                const string secretsPrefix = "/aws/reference/secretsmanager/";
                return r.Address.StartsWith(secretsPrefix, StringComparison.Ordinal)
                    ? JsonValue.Create("{{resolve:secretsmanager:" + r.Address[secretsPrefix.Length..] + "}}")
                    : JsonValue.Create("{{resolve:ssm:" + r.Address + "}}");
            default:
                return null;
        }
    }
}

/// <summary>A piece of a string the spec leaves partly open (<see cref="SpecValues.OpenString"/>): literal text, or the
/// stage or the region the deploy chooses.</summary>
public readonly record struct OpenPiece(string Text, bool IsStage, bool IsRegion);
