using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spec.Tests.Backends;

/// <summary>
/// Compares two CloudFormation templates the way the corpus README defines conformance: the same (logical id, type)
/// pairs, the same Output keys, and equal resources and outputs once the volatile parts are masked: the hash or
/// timestamp of <c>&lt;Fn&gt;LambdaVersion&lt;hash&gt;</c>, <c>ApiGatewayDeployment&lt;ts&gt;</c>,
/// <c>WebsocketsDeployment&lt;hash&gt;</c> and retained layer ids (and in their references), the deployment folder of
/// <c>Code.S3Key</c>, layer <c>Content.S3Key</c> and the layer S3Key outputs (only that segment: prefix, service,
/// stage and artifact name are compared) and <c>CodeSha256</c>. Layer hashes (the hash outputs and the suffix of retained
/// layer ids) are masked only when <c>layerHashesVary</c> is set: in the corpora the Framework zipped the layers itself,
/// while fixtures with prebuilt artifacts must match hash for hash. Ids that mask to the same name are numbered, not
/// merged, and a different count is reported. Object key order is not compared.
/// </summary>
internal static partial class TemplateComparer
{
    [GeneratedRegex("^(.+LambdaVersion)[A-Za-z0-9]+$")]
    private static partial Regex VersionId();

    [GeneratedRegex("^(ApiGatewayDeployment|WebsocketsDeployment)[A-Za-z0-9]+$")]
    private static partial Regex DeploymentId();

    /// <summary>A retained layer's version id (and its permissions) carry the layer's hash.</summary>
    [GeneratedRegex("^(.+LambdaLayer(?:Permission)?)[0-9a-f]{40}$")]
    private static partial Regex RetainedLayerId();

    /// <summary>
    /// <c>&lt;prefix&gt;/&lt;service&gt;/&lt;stage&gt;/&lt;folder&gt;/&lt;artifact&gt;</c>: the Framework's folder is
    /// <c>&lt;epoch ms&gt;-&lt;ISO date&gt;</c>, Spec's <c>code</c>, <c>code-&lt;hash&gt;</c> or <c>layer-&lt;hash&gt;</c>.
    /// </summary>
    [GeneratedRegex(@"^((?:[^/]+/){3,})(?:\d+-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z|code(?:-[0-9a-f]{16})?|layer-[0-9a-f]{16})(/[^/]+)$")]
    private static partial Regex DeploymentFolder();

    public static List<string> Differences(JsonObject expected, JsonObject actual, bool layerHashesVary = false)
    {
        var (e, eGroups) = Mask(expected, layerHashesVary);
        var (a, aGroups) = Mask(actual, layerHashesVary);
        var diffs = new List<string>();
        foreach (var masked in eGroups.Keys.Union(aGroups.Keys).Order(StringComparer.Ordinal))
        {
            var eIds = eGroups.GetValueOrDefault(masked, []);
            var aIds = aGroups.GetValueOrDefault(masked, []);
            if (eIds.Count != aIds.Count && Math.Max(eIds.Count, aIds.Count) > 1) // a lone missing or extra id is reported below
            {
                diffs.Add($"{aIds.Count} resource(s) masked as {masked} ({string.Join(", ", aIds)}), " +
                          $"expected {eIds.Count} ({string.Join(", ", eIds)})");
            }
        }

        var eRes = e["Resources"] as JsonObject ?? [];
        var aRes = a["Resources"] as JsonObject ?? [];
        foreach (var (id, body) in eRes)
        {
            if (!aRes.ContainsKey(id))
            {
                diffs.Add($"missing resource {id} ({body?["Type"]})");
            }
        }

        foreach (var (id, body) in aRes)
        {
            if (!eRes.ContainsKey(id))
            {
                diffs.Add($"extra resource {id} ({body?["Type"]})");
            }
        }

        foreach (var (id, body) in eRes)
        {
            if (aRes[id] is { } other)
            {
                Compare($"Resources.{id}", body, other, diffs);
            }
        }

        var eOut = e["Outputs"] as JsonObject ?? [];
        var aOut = a["Outputs"] as JsonObject ?? [];
        foreach (var key in eOut.Select(p => p.Key).Except(aOut.Select(p => p.Key)))
        {
            diffs.Add($"missing output {key}");
        }

        foreach (var key in aOut.Select(p => p.Key).Except(eOut.Select(p => p.Key)))
        {
            diffs.Add($"extra output {key}");
        }

        foreach (var (key, value) in eOut)
        {
            if (aOut[key] is { } other)
            {
                Compare($"Outputs.{key}", value, other, diffs);
            }
        }

        foreach (var (key, value) in e)
        {
            if (key is "Resources" or "Outputs")
            {
                continue;
            }

            Compare(key, value, a[key], diffs);
        }

        foreach (var (key, _) in a)
        {
            if (!e.ContainsKey(key))
            {
                diffs.Add($"extra section {key}");
            }
        }

        return diffs;
    }

    /// <summary>The template with its volatile parts masked, and the original ids behind each masked id.</summary>
    private static (JsonObject Masked, Dictionary<string, List<string>> Groups) Mask(JsonObject template, bool layerHashesVary)
    {
        var copy = (JsonObject)template.DeepClone();
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (copy["Resources"] is JsonObject resources)
        {
            foreach (var (id, body) in resources)
            {
                if (VolatilePrefix(id, body?["Type"]?.GetValue<string>(), layerHashesVary) is not { } prefix)
                {
                    continue;
                }

                var masked = prefix + "#";
                if (!groups.TryGetValue(masked, out var ids))
                {
                    groups[masked] = ids = [];
                }

                ids.Add(id);
                renames[id] = ids.Count == 1 ? masked : masked + ids.Count;
            }
        }

        var renamed = Rename(copy, renames) as JsonObject ?? [];
        if (renamed["Resources"] is JsonObject res)
        {
            foreach (var (_, body) in res)
            {
                if (body?["Properties"] is JsonObject props)
                {
                    MaskDeploymentFolder(props["Code"] as JsonObject, "S3Key");
                    MaskDeploymentFolder(props["Content"] as JsonObject, "S3Key");
                    if (props.ContainsKey("CodeSha256"))
                    {
                        props["CodeSha256"] = "#";
                    }
                }
            }
        }

        if (renamed["Outputs"] is JsonObject outputs)
        {
            foreach (var (key, output) in outputs)
            {
                if (layerHashesVary && output is JsonObject o && key.EndsWith("LambdaLayerHash", StringComparison.Ordinal))
                {
                    o["Value"] = "#";
                }
                else if (output is JsonObject s3Key && key.EndsWith("LambdaLayerS3Key", StringComparison.Ordinal))
                {
                    MaskDeploymentFolder(s3Key, "Value");
                }
            }
        }

        return (renamed, groups);
    }

    private static string? VolatilePrefix(string id, string? type, bool layerHashesVary) => type switch
    {
        "AWS::Lambda::Version" when VersionId().Match(id) is { Success: true } v => v.Groups[1].Value,
        "AWS::ApiGateway::Deployment" or "AWS::ApiGatewayV2::Deployment" when DeploymentId().Match(id) is { Success: true } d =>
            d.Groups[1].Value,
        "AWS::Lambda::LayerVersion" or "AWS::Lambda::LayerVersionPermission" when layerHashesVary && RetainedLayerId().Match(id) is { Success: true } l =>
            l.Groups[1].Value,
        _ => null,
    };

    private static void MaskDeploymentFolder(JsonObject? owner, string key)
    {
        if (owner?[key] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            owner[key] = DeploymentFolder().Replace(text, "$1#$2");
        }
    }

    private static JsonNode? Rename(JsonNode? node, Dictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (k, v) in o)
                {
                    result[renames.GetValueOrDefault(k, k)] = Rename(v, renames);
                }

                return result;
            case JsonArray a:
                return new JsonArray([.. a.Select(i => Rename(i, renames))]);
            case JsonValue v when v.TryGetValue<string>(out var s) && renames.TryGetValue(s, out var renamed):
                return JsonValue.Create(renamed);
            default:
                return node?.DeepClone();
        }
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> diffs)
    {
        switch (expected, actual)
        {
            case (JsonObject eo, JsonObject ao):
                foreach (var (k, v) in eo)
                {
                    if (!ao.ContainsKey(k))
                    {
                        diffs.Add($"{path}.{k}: missing (expected {Short(v)})");
                    }
                    else
                    {
                        Compare($"{path}.{k}", v, ao[k], diffs);
                    }
                }

                foreach (var (k, v) in ao)
                {
                    if (!eo.ContainsKey(k))
                    {
                        diffs.Add($"{path}.{k}: unexpected {Short(v)}");
                    }
                }

                break;
            case (JsonArray ea, JsonArray aa):
                if (ea.Count != aa.Count)
                {
                    diffs.Add($"{path}: expected {Short(ea)} got {Short(aa)}");
                    break;
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    Compare($"{path}[{i}]", ea[i], aa[i], diffs);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual) && !NumbersEqual(expected, actual))
                {
                    diffs.Add($"{path}: expected {Short(expected)} got {Short(actual)}");
                }

                break;
        }
    }

    private static bool NumbersEqual(JsonNode? a, JsonNode? b) =>
        a is JsonValue va && b is JsonValue vb && va.GetValueKind() == System.Text.Json.JsonValueKind.Number &&
        vb.GetValueKind() == System.Text.Json.JsonValueKind.Number &&
        double.Parse(va.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) ==
        double.Parse(vb.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Short(JsonNode? node)
    {
        var s = node?.ToJsonString() ?? "null";
        return s.Length > 300 ? s[..300] + "…" : s;
    }
}
