using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Backends.Plan;
using Spec.Core.Bind.Sam;
using Spec.Core.Syntax;

namespace Spec.Backends.Conversion;

/// <summary>
/// Gives resources back the logical ids a SAM template had before the SAM reader renamed them to the Framework's
/// (<c>custom.samLogicalIds</c>: the Framework's id → the template's), so SAM → serverless.yml → SAM keeps
/// <c>UploadsBucket</c> and <c>HelloWorldFunction</c>. Every <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c> variable and
/// <c>DependsOn</c> follows. A spec written by hand has no such map and keeps the Framework's ids.
/// </summary>
internal static partial class SamLogicalIds
{
    public static void Restore(SamContext ctx, JsonObject template)
    {
        var renames = Renames(ctx);
        if (renames.Count == 0 || template["Resources"] is not JsonObject resources)
        {
            return;
        }

        foreach (var (from, to) in renames.ToList())
        {
            if (!resources.ContainsKey(from) || resources.ContainsKey(to))
            {
                renames.Remove(from);
            }
        }

        var entries = resources.ToList();
        resources.Clear();
        foreach (var (id, resource) in entries)
        {
            resources[renames.GetValueOrDefault(id, id)] = resource;
        }

        var sections = template.ToList();
        template.Clear();
        foreach (var (key, value) in sections)
        {
            template[key] = Rewrite(value, renames);
        }
    }

    private static Dictionary<string, string> Renames(SamContext ctx)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (frameworkId, templateId) in ctx.Service.SamLogicalIds)
        {
            if (templateId.Value is { } original && LogicalId().IsMatch(original) && LogicalId().IsMatch(frameworkId.Value!))
            {
                renames[frameworkId.Value!] = original;
            }
            else
            {
                ctx.LeftOut(templateId.Node, $"custom.{SamReader.LogicalIdsKey}.{frameworkId.Value} is not a logical id: the resource keeps its id");
            }
        }

        return renames;
    }

    private static JsonNode? Rewrite(JsonNode? node, Dictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject { Count: 1 } o when o["Ref"] is JsonValue r && PlanJson.AsString(r) is { } id && renames.TryGetValue(id, out var to):
                return PlanJson.Ref(to);
            case JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray { Count: > 0 } a && PlanJson.AsString(a[0]) is { } id &&
                                                renames.TryGetValue(id, out var to):
                return new JsonObject { ["Fn::GetAtt"] = new JsonArray([(JsonNode?)to, .. a.Skip(1).Select(x => x?.DeepClone())]) };
            case JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonValue g && PlanJson.AsString(g)?.Split('.', 2) is [var id, var attribute] &&
                                                renames.TryGetValue(id, out var to):
                return new JsonObject { ["Fn::GetAtt"] = to + "." + attribute };
            case JsonObject { Count: 1 } o when o["Fn::Sub"] is { } sub:
                return new JsonObject
                {
                    ["Fn::Sub"] = sub is JsonArray { Count: 2 } parts
                        ? new JsonArray(Sub(parts[0], renames), Rewrite(parts[1]?.DeepClone(), renames))
                        : Sub(sub, renames),
                };
            case JsonObject o:
                var members = o.ToList();
                o.Clear();
                foreach (var (key, value) in members)
                {
                    o[key] = key == "DependsOn" ? DependsOn(value, renames) : Rewrite(value, renames);
                }

                return o;
            case JsonArray a:
                var items = a.ToList();
                a.Clear();
                foreach (var item in items)
                {
                    a.Add(Rewrite(item, renames));
                }

                return a;
            default:
                return node;
        }
    }

    private static JsonNode? Sub(JsonNode? text, Dictionary<string, string> renames) =>
        PlanJson.AsString(text) is { } s
            ? SubVariable().Replace(s, m => renames.TryGetValue(m.Groups["id"].Value, out var to) ? "${" + to + m.Groups["rest"].Value + "}" : m.Value)
            : text?.DeepClone();

    private static JsonNode? DependsOn(JsonNode? value, Dictionary<string, string> renames) => value switch
    {
        JsonValue v when PlanJson.AsString(v) is { } id => renames.GetValueOrDefault(id, id),
        JsonArray a => new JsonArray([.. a.Select(i => DependsOn(i?.DeepClone(), renames))]),
        _ => value,
    };

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex LogicalId();

    [GeneratedRegex(@"\$\{(?<id>[A-Za-z0-9]+)(?<rest>\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex SubVariable();
}
