using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spec.Backends.Pulumi;

/// <summary>
/// Turns CloudFormation values of the plan (literals and the intrinsics <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Join</c>,
/// <c>Fn::Sub</c>, <c>Fn::Select</c>, <c>Fn::ImportValue</c>, <c>{{resolve:ssm:…}}</c>) into <see cref="PulumiValue"/>s.
/// A null result means "not expressible in a Pulumi program": the caller then deploys the resource through the
/// leftover CloudFormation stack, where CloudFormation evaluates it.
/// </summary>
internal sealed partial class ValueConverter(Func<string, string?, PulumiValue?> resolveResource, string stackName)
{
    public const string GetRegion = "aws:index/getRegion:getRegion";
    public const string GetCallerIdentity = "aws:index/getCallerIdentity:getCallerIdentity";
    public const string GetPartition = "aws:index/getPartition:getPartition";
    public const string GetParameter = "aws:ssm/getParameter:getParameter";
    public const string GetLayerVersion = "aws:lambda/getLayerVersion:getLayerVersion";
    public const string GetExport = "aws:cloudformation/getExport:getExport";

    /// <summary><c>Ref AWS::NoValue</c>: the property is left out.</summary>
    public static readonly PulumiValue NoValue = new PulumiLiteral(string.Empty, PulumiLiteralKind.Null);

    private static readonly PulumiObject NoArguments = new([], null);

    private readonly List<MappingNote> _notes = [];

    /// <summary>
    /// Something the author must know about how the resource being translated was mapped (a behaviour that differs
    /// from CloudFormation's, a value read leniently); the builder reports it as <c>SPEC-PULUMI-003</c>.
    /// </summary>
    public void Note(string message, string help) => _notes.Add(new(message, help));

    /// <summary>The notes since the last call (the builder takes them after each resource).</summary>
    public IReadOnlyList<MappingNote> TakeNotes()
    {
        if (_notes.Count == 0)
        {
            return [];
        }

        var notes = _notes.ToList();
        _notes.Clear();
        return notes;
    }

    /// <summary>Any value that ends up as a string input.</summary>
    public PulumiValue? Str(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False =>
            PulumiLiteral.String(v.ToJsonString().Trim('"')),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => FromString(v.GetValue<string>()),
        JsonObject o => Intrinsic(o),
        _ => null,
    };

    public PulumiValue? Int(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => PulumiLiteral.Number(v.ToJsonString()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String &&
                         decimal.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) =>
            PulumiLiteral.Number(d.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    public PulumiValue? Bool(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => PulumiLiteral.Bool(true),
        JsonValue v when v.GetValueKind() == JsonValueKind.False => PulumiLiteral.Bool(false),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) =>
            PulumiLiteral.Bool(b),
        _ => null,
    };

    /// <summary>A JSON document input (policies): kept as a string when it already is one.</summary>
    public PulumiValue? Json(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Str(v),
        JsonObject or JsonArray => FreeForm(node) is { } doc ? new PulumiJson(doc) : null,
        _ => null,
    };

    /// <summary>Free-form data (inside JSON documents): keys verbatim, numbers and booleans kept.</summary>
    public PulumiValue? FreeForm(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when IsIntrinsic(o):
                return Intrinsic(o);
            case JsonObject o:
            {
                var entries = new List<KeyValuePair<string, PulumiValue>>();
                foreach (var (k, v) in o)
                {
                    var value = FreeForm(v);
                    if (value is null)
                    {
                        return null;
                    }

                    if (!ReferenceEquals(value, NoValue))
                    {
                        entries.Add(new(k, value));
                    }
                }

                return new PulumiObject(entries, null);
            }

            case JsonArray a:
                return List(a, FreeForm);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return FromString(v.GetValue<string>());
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return PulumiLiteral.Number(v.ToJsonString());
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return PulumiLiteral.Bool(v.GetValue<bool>());
            default:
                return null;
        }
    }

    public PulumiValue? StrList(JsonNode? node) => node is JsonArray a ? List(a, Str) : null;

    /// <summary>A string map (environment variables, stage variables, API tags).</summary>
    public PulumiValue? StrMap(JsonNode? node) => Map(node, Str);

    /// <summary>A map of booleans (API Gateway method request and response parameters).</summary>
    public PulumiValue? BoolMap(JsonNode? node) => Map(node, Bool);

    private PulumiValue? Map(JsonNode? node, Func<JsonNode?, PulumiValue?> item)
    {
        if (node is not JsonObject o || IsIntrinsic(o))
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, PulumiValue>>();
        foreach (var (k, v) in o)
        {
            var value = item(v);
            if (value is null)
            {
                return null;
            }

            if (!ReferenceEquals(value, NoValue))
            {
                entries.Add(new(k, value));
            }
        }

        return new PulumiObject(entries, null);
    }

    /// <summary>CloudFormation tags (a list of <c>Key</c>/<c>Value</c>, or a map) as a Pulumi tag map.</summary>
    public PulumiValue? Tags(JsonNode? node)
    {
        if (node is JsonObject)
        {
            return StrMap(node);
        }

        if (node is not JsonArray a)
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, PulumiValue>>();
        foreach (var item in a)
        {
            if (item is not JsonObject tag || PlanText(tag["Key"]) is not { } key || Str(tag["Value"]) is not { } value)
            {
                return null;
            }

            entries.Add(new(key, value));
        }

        return new PulumiObject(entries, null);
    }

    public PulumiValue? List(JsonArray a, Func<JsonNode?, PulumiValue?> item)
    {
        var items = new List<PulumiValue>();
        foreach (var x in a)
        {
            var v = item(x);
            if (v is null)
            {
                return null;
            }

            if (!ReferenceEquals(v, NoValue))
            {
                items.Add(v);
            }
        }

        return new PulumiList(items);
    }

    public static string? PlanText(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool IsIntrinsic(JsonObject o) =>
        o.Count == 1 && o.First().Key is var k && (k == "Ref" || k.StartsWith("Fn::", StringComparison.Ordinal) || k == "Condition");

    private PulumiValue? Intrinsic(JsonObject o)
    {
        if (!IsIntrinsic(o))
        {
            return null;
        }

        var (key, arg) = o.First();
        switch (key)
        {
            case "Ref":
                return PlanText(arg) is { } name ? Reference(name, null) : null;
            case "Fn::GetAtt":
            {
                var (target, attribute) = arg switch
                {
                    JsonArray { Count: 2 } pair => (PlanText(pair[0]), PlanText(pair[1])),
                    JsonValue when PlanText(arg) is { } dotted && dotted.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot =>
                        (dotted[..dot], dotted[(dot + 1)..]),
                    _ => (null, null),
                };
                return target is null || attribute is null ? null : resolveResource(target, attribute);
            }

            case "Fn::Join":
                return Join(arg);
            case "Fn::Sub":
                return Sub(arg);
            case "Fn::Select":
                return arg is JsonArray { Count: 2 } sel && Int(sel[0]) is PulumiLiteral index &&
                       int.TryParse(index.Raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) &&
                       sel[1] is JsonArray items && i >= 0 && i < items.Count
                    ? Str(items[i])
                    : null;
            case "Fn::ImportValue":
                return Str(arg) is { } exportName
                    ? new PulumiInvoke(GetExport, new PulumiObject([new("name", exportName)], null), "value")
                    : null;
            default:
                return null;
        }
    }

    private PulumiValue? Reference(string name, string? attribute) => name switch
    {
        "AWS::Region" => new PulumiInvoke(GetRegion, NoArguments, "region"),
        "AWS::AccountId" => new PulumiInvoke(GetCallerIdentity, NoArguments, "accountId"),
        "AWS::Partition" => new PulumiInvoke(GetPartition, NoArguments, "partition"),
        "AWS::URLSuffix" => new PulumiInvoke(GetPartition, NoArguments, "dnsSuffix"),
        "AWS::StackName" => PulumiLiteral.String(stackName),
        "AWS::NoValue" => NoValue,
        _ when name.StartsWith("AWS::", StringComparison.Ordinal) => null,
        _ => resolveResource(name, attribute),
    };

    private PulumiValue? Join(JsonNode? arg)
    {
        if (arg is not JsonArray { Count: 2 } join || PlanText(join[0]) is not { } separator || join[1] is not JsonArray items)
        {
            return null;
        }

        var parts = new List<PulumiValue>();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0 && separator.Length > 0)
            {
                parts.Add(PulumiLiteral.String(separator));
            }

            var part = Str(items[i]);
            if (part is null || ReferenceEquals(part, NoValue))
            {
                return null;
            }

            parts.Add(part);
        }

        return Concat(parts);
    }

    private PulumiValue? Sub(JsonNode? arg)
    {
        var (template, variables) = arg switch
        {
            JsonValue => (PlanText(arg), null),
            JsonArray { Count: 2 } pair => (PlanText(pair[0]), pair[1] as JsonObject),
            _ => (null, null),
        };
        if (template is null)
        {
            return null;
        }

        var parts = new List<PulumiValue>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var start = template.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(template, i, template.Length - i);
                break;
            }

            literal.Append(template, i, start - i);
            var end = template.IndexOf('}', start);
            if (end < 0)
            {
                return null;
            }

            var inner = template[(start + 2)..end];
            i = end + 1;
            if (inner.StartsWith('!'))
            {
                literal.Append("${").Append(inner[1..]).Append('}');
                continue;
            }

            PulumiValue? value;
            if (variables is not null && variables.TryGetPropertyValue(inner, out var bound))
            {
                value = Str(bound);
            }
            else
            {
                var dot = inner.IndexOf('.', StringComparison.Ordinal);
                value = dot > 0 && !inner.StartsWith("AWS::", StringComparison.Ordinal)
                    ? resolveResource(inner[..dot], inner[(dot + 1)..])
                    : Reference(inner, null);
            }

            if (value is null || ReferenceEquals(value, NoValue))
            {
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add(PulumiLiteral.String(literal.ToString()));
                literal.Clear();
            }

            parts.Add(value);
        }

        if (literal.Length > 0)
        {
            parts.Add(PulumiLiteral.String(literal.ToString()));
        }

        return Concat(parts);
    }

    /// <summary>Strings may embed <c>{{resolve:ssm:NAME}}</c> dynamic references: read those with <c>getParameter</c>.</summary>
    private static PulumiValue FromString(string s)
    {
        if (!s.Contains("{{resolve:", StringComparison.Ordinal))
        {
            return PulumiLiteral.String(s);
        }

        var parts = new List<PulumiValue>();
        var last = 0;
        foreach (Match m in DynamicReference().Matches(s))
        {
            if (m.Index > last)
            {
                parts.Add(PulumiLiteral.String(s[last..m.Index]));
            }

            var args = new List<KeyValuePair<string, PulumiValue>> { new("name", PulumiLiteral.String(m.Groups["name"].Value)) };
            if (m.Groups["kind"].Value == "ssm-secure")
            {
                args.Add(new("withDecryption", PulumiLiteral.Bool(true)));
            }

            parts.Add(new PulumiInvoke(GetParameter, new PulumiObject(args, null), "value"));
            last = m.Index + m.Length;
        }

        if (last < s.Length)
        {
            parts.Add(PulumiLiteral.String(s[last..]));
        }

        return Concat(parts);
    }

    private static PulumiValue Concat(List<PulumiValue> parts)
    {
        // adjacent literals merge; a single part stands for itself
        var merged = new List<PulumiValue>();
        foreach (var p in parts)
        {
            if (p is PulumiLiteral { Kind: PulumiLiteralKind.String } lit && merged.Count > 0 &&
                merged[^1] is PulumiLiteral { Kind: PulumiLiteralKind.String } prev)
            {
                merged[^1] = PulumiLiteral.String(prev.Raw + lit.Raw);
            }
            else
            {
                merged.Add(p);
            }
        }

        return merged.Count switch
        {
            0 => PulumiLiteral.String(string.Empty),
            1 => merged[0],
            _ => new PulumiInterpolation(merged),
        };
    }

    [GeneratedRegex(@"\{\{resolve:(?<kind>ssm|ssm-secure):(?<name>[^}:]+)(:\d+)?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex DynamicReference();
}

/// <summary>A note about one resource's mapping: the message and its help line.</summary>
internal sealed record MappingNote(string Message, string Help);
