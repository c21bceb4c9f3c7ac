using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spec.Tests.Backends;

/// <summary>
/// An offline CloudFormation template check against the CDK service specification (npm
/// <c>@aws-cdk/aws-service-spec</c>, installed by <c>tests/tools/install.sh</c>), after the approach of
/// <c>shared/reference/recipes/cfncheck.py</c>: unknown resource types, unknown and missing required properties,
/// property value types, and dangling <c>Ref</c>/<c>Fn::GetAtt</c>/<c>Fn::Sub</c>/<c>DependsOn</c> targets.
/// </summary>
internal sealed partial class CfnSpecValidator
{
    private static readonly HashSet<string> Pseudo =
    [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId",
        "AWS::StackName", "AWS::URLSuffix",
    ];

    private static readonly HashSet<string> Functions =
    [
        "Ref", "Condition", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::If", "Fn::Select", "Fn::Split", "Fn::FindInMap",
        "Fn::ImportValue", "Fn::Base64", "Fn::GetAZs", "Fn::Cidr", "Fn::Length", "Fn::ToJsonString", "Fn::Transform",
        "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not",
    ];

    private readonly Dictionary<string, JsonObject> _resources;
    private readonly Dictionary<string, JsonObject> _types;

    private CfnSpecValidator(Dictionary<string, JsonObject> resources, Dictionary<string, JsonObject> types)
    {
        _resources = resources;
        _types = types;
    }

    public static string? SpecPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "tools", "node_modules", "@aws-cdk", "aws-service-spec", "db.json.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static CfnSpecValidator Load(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var db = JsonNode.Parse(gz, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!["schema"]!;
        var resources = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var r in db["resource"]!["entities"]!.AsArray())
        {
            resources[r!["cloudFormationType"]!.GetValue<string>()] = r.AsObject();
        }

        var types = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var t in db["typeDefinition"]!["entities"]!.AsArray())
        {
            types[t!["$id"]!.GetValue<string>()] = t.AsObject();
        }

        return new CfnSpecValidator(resources, types);
    }

    [GeneratedRegex(@"\$\{([^!}][^}]*)\}")]
    private static partial Regex SubVariable();

    public List<string> Check(JsonObject template)
    {
        var errors = new List<string>();
        var res = template["Resources"] as JsonObject ?? [];
        var parameters = (template["Parameters"] as JsonObject)?.Select(p => p.Key).ToHashSet() ?? [];
        var conditions = (template["Conditions"] as JsonObject)?.Select(p => p.Key).ToHashSet() ?? [];
        foreach (var (id, node) in res)
        {
            var path = "Resources/" + id;
            if (node is not JsonObject r || r["Type"]?.GetValue<string>() is not { } type)
            {
                errors.Add(path + ": resource needs a string Type");
                continue;
            }

            foreach (var d in r["DependsOn"] is JsonArray deps ? deps.Select(x => x?.GetValue<string>()) : [PlanString(r["DependsOn"])])
            {
                if (d is not null && !res.ContainsKey(d))
                {
                    errors.Add($"{path}/DependsOn: depends on undefined resource '{d}'");
                }
            }

            if (r["Condition"] is { } c && !conditions.Contains(c.GetValue<string>()))
            {
                errors.Add($"{path}: undefined condition '{c}'");
            }

            var isCustom = type.StartsWith("Custom::", StringComparison.Ordinal) || type == "AWS::CloudFormation::CustomResource";
            if (!isCustom)
            {
                if (!_resources.TryGetValue(type, out var spec))
                {
                    errors.Add($"{path}/Type: unknown resource type '{type}'");
                }
                else if (r["Properties"] is JsonObject props)
                {
                    Properties(props, spec["properties"] as JsonObject ?? [], path + "/Properties", errors);
                }
                else if (r["Properties"] is null)
                {
                    Properties([], spec["properties"] as JsonObject ?? [], path + "/Properties", errors);
                }
            }

            Walk(r["Properties"], path + "/Properties", res, parameters, errors);
        }

        foreach (var (id, output) in template["Outputs"] as JsonObject ?? [])
        {
            Walk(output, "Outputs/" + id, res, parameters, errors);
        }

        return errors;
    }

    private static string? PlanString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? FunctionOf(JsonNode? node) =>
        node is JsonObject { Count: 1 } o && Functions.Contains(o.First().Key) ? o.First().Key : null;

    private void Properties(JsonObject obj, JsonObject specProps, string path, List<string> errors)
    {
        foreach (var (name, p) in specProps)
        {
            if (p?["required"]?.GetValue<bool>() == true && !obj.ContainsKey(name))
            {
                errors.Add($"{path}: missing required property '{name}'");
            }
        }

        foreach (var (name, value) in obj)
        {
            if (specProps[name] is not JsonObject p)
            {
                errors.Add($"{path}/{name}: unknown property");
                continue;
            }

            Value(value, p["type"] as JsonObject, $"{path}/{name}", errors);
        }
    }

    private void Value(JsonNode? v, JsonObject? type, string path, List<string> errors)
    {
        if (type is null || FunctionOf(v) is not null)
        {
            return;
        }

        var kind = type["type"]?.GetValue<string>();
        var kindOfValue = v?.GetValueKind();
        switch (kind)
        {
            case "array":
                if (v is not JsonArray a)
                {
                    errors.Add($"{path}: expected a list");
                    return;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    Value(a[i], type["element"] as JsonObject, $"{path}/{i}", errors);
                }

                return;
            case "map":
                if (v is not JsonObject m)
                {
                    errors.Add($"{path}: expected a map");
                    return;
                }

                foreach (var (k, x) in m)
                {
                    Value(x, type["element"] as JsonObject, $"{path}/{k}", errors);
                }

                return;
            case "ref":
                var reference = type["reference"]?["$ref"]?.GetValue<string>();
                if (reference is null || !_types.TryGetValue(reference, out var def) || def["properties"] is not JsonObject defProps)
                {
                    return;
                }

                if (v is not JsonObject o)
                {
                    errors.Add($"{path}: expected an object");
                    return;
                }

                Properties(o, defProps, path, errors);
                return;
            case "union":
                foreach (var alternative in type["types"]?.AsArray() ?? [])
                {
                    var trial = new List<string>();
                    Value(v, alternative as JsonObject, path, trial);
                    if (trial.Count == 0)
                    {
                        return;
                    }
                }

                errors.Add($"{path}: value matches none of the union's types");
                return;
            case "string":
                if (kindOfValue is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a string");
                }

                return;
            case "integer" or "number":
                if (kindOfValue is not (JsonValueKind.Number or JsonValueKind.String))
                {
                    errors.Add($"{path}: expected a number");
                }

                return;
            case "boolean":
                if (kindOfValue is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.String))
                {
                    errors.Add($"{path}: expected a boolean");
                }

                return;
            case "json":
                if (v is not (JsonObject or JsonArray))
                {
                    errors.Add($"{path}: expected JSON (an object or a list)");
                }

                return;
            case "tag":
                if (v is not JsonObject tag || !tag.ContainsKey("Key") || !tag.ContainsKey("Value") || tag.Count != 2)
                {
                    errors.Add($"{path}: expected a tag {{Key, Value}}");
                }

                return;
            default:
                return;
        }
    }

    private void Walk(JsonNode? node, string path, JsonObject res, HashSet<string> parameters, List<string> errors)
    {
        switch (node)
        {
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}/{i}", res, parameters, errors);
                }

                return;
            case JsonObject o:
                var f = FunctionOf(o);
                var arg = f is null ? null : o[f];
                switch (f)
                {
                    case "Ref":
                        RefTarget(PlanString(arg), path, res, parameters, errors);
                        break;
                    case "Fn::GetAtt":
                        var parts = arg is JsonArray ga ? ga.Select(x => PlanString(x)).ToArray() : PlanString(arg)?.Split('.', 2);
                        if (parts is { Length: 2 } && parts[0] is { } target && parts[1] is { } attribute)
                        {
                            GetAttTarget(target, attribute, path, res, errors);
                        }
                        else
                        {
                            errors.Add($"{path}: malformed Fn::GetAtt");
                        }

                        break;
                    case "Fn::Sub":
                        var text = arg is JsonArray sa ? PlanString(sa[0]) : PlanString(arg);
                        var locals = arg is JsonArray { Count: > 1 } sl && sl[1] is JsonObject lo ? lo.Select(p => p.Key).ToHashSet() : [];
                        foreach (Match m in SubVariable().Matches(text ?? string.Empty))
                        {
                            var variable = m.Groups[1].Value.Trim();
                            if (locals.Contains(variable))
                            {
                                continue;
                            }

                            if (variable.Contains('.', StringComparison.Ordinal) && !variable.StartsWith("AWS::", StringComparison.Ordinal))
                            {
                                var split = variable.Split('.', 2);
                                GetAttTarget(split[0], split[1], path, res, errors);
                            }
                            else
                            {
                                RefTarget(variable, path, res, parameters, errors);
                            }
                        }

                        break;
                }

                foreach (var (k, v) in o)
                {
                    Walk(v, $"{path}/{k}", res, parameters, errors);
                }

                return;
        }
    }

    private static void RefTarget(string? name, string path, JsonObject res, HashSet<string> parameters, List<string> errors)
    {
        if (name is not null && !res.ContainsKey(name) && !parameters.Contains(name) && !Pseudo.Contains(name))
        {
            errors.Add($"{path}: Ref to undefined '{name}'");
        }
    }

    private void GetAttTarget(string target, string attribute, string path, JsonObject res, List<string> errors)
    {
        if (res[target] is not JsonObject r)
        {
            errors.Add($"{path}: GetAtt on undefined resource '{target}'");
            return;
        }

        var type = r["Type"]?.GetValue<string>() ?? string.Empty;
        if (type.StartsWith("Custom::", StringComparison.Ordinal) || !_resources.TryGetValue(type, out var spec))
        {
            return;
        }

        if (spec["attributes"] is JsonObject attributes && !attributes.ContainsKey(attribute))
        {
            errors.Add($"{path}: {type} has no attribute '{attribute}'");
        }
    }
}
