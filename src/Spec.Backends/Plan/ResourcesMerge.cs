using System.Text.Json.Nodes;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// The Framework's finalize step (<c>package/index.js</c>): export names on generated Outputs, then the user's
/// <c>resources:</c> deep-merged with lodash <c>_.merge</c> semantics, then <c>extensions</c>, then null properties
/// stripped.
/// </summary>
internal static class ResourcesMerge
{
    private static readonly string[] ExtensionAttributes =
        ["Condition", "CreationPolicy", "DeletionPolicy", "UpdatePolicy", "UpdateReplacePolicy"];

    public static void Apply(PlanContext ctx, PlanOptions options)
    {
        if (!options.ResourcesOnly)
        {
            var prefix = $"sls-{ctx.Service}-{ctx.Stage}-";
            foreach (var (key, value) in ctx.Plan.Outputs)
            {
                if (value is JsonObject output && output["Export"] is null)
                {
                    output["Export"] = Object(("Name", prefix + key));
                }
            }
        }

        var fragments = ctx.Model.Resources.Fragments;
        foreach (var fragment in fragments)
        {
            foreach (var entry in fragment)
            {
                switch (entry.Key)
                {
                    case "Resources":
                        MergeResources(ctx, entry.Members);
                        break;
                    case "Outputs":
                        foreach (var output in entry.Members)
                        {
                            var existing = ctx.Plan.Outputs[output.Key];
                            var value = ctx.Json(output.Value);
                            if (existing is not null && value is not null)
                            {
                                Merge(existing, value);
                            }
                            else
                            {
                                ctx.Plan.Outputs[output.Key] = value;
                            }
                        }

                        break;
                    case "Description":
                        ctx.Plan.Description = entry.Text ?? ctx.Plan.Description;
                        break;
                    case "extensions":
                        break;
                    default:
                        var current = ctx.Plan.ExtraSections[entry.Key];
                        var json = ctx.Json(entry.Value);
                        if (current is not null && json is not null)
                        {
                            Merge(current, json);
                        }
                        else
                        {
                            ctx.Plan.ExtraSections[entry.Key] = json;
                        }

                        break;
                }
            }
        }

        foreach (var fragment in fragments)
        {
            foreach (var extension in fragment.Where(e => e.Key == "extensions").SelectMany(e => e.Members))
            {
                Extend(ctx, extension);
            }
        }

        // Newest first: the resources made last are the likeliest still in the cache (each is stripped on its own).
        var resources = ctx.Plan.Resources;
        for (var i = resources.Count - 1; i >= 0; i--)
        {
            StripNullProperties(resources[i].Body);
        }
    }

    /// <summary>
    /// <c>strip-null-props-from-template-resources.js</c>: every null property at any depth of <c>Properties</c> is
    /// removed (a null list item stays: deleting it leaves a hole, which JSON writes as null), and a
    /// <c>Properties</c> that is not a mapping or list is removed when falsy.
    /// </summary>
    internal static void StripNullProperties(JsonObject resource)
    {
        if (!resource.TryGetPropertyValue("Properties", out var properties))
        {
            return;
        }

        switch (properties)
        {
            case JsonObject or JsonArray:
                StripNulls(properties);
                break;
            case var value when !IsTruthy(value):
                resource.Remove("Properties");
                break;
        }
    }

    private static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var text) => text.Length > 0,
        JsonValue v when v.TryGetValue<double>(out var number) => number != 0 && !double.IsNaN(number),
        _ => true,
    };

    // By index from the end: runs for every resource, and nearly none has a null property.
    private static void StripNulls(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                for (var i = o.Count - 1; i >= 0; i--)
                {
                    if (o.GetAt(i).Value is not { } value)
                    {
                        o.RemoveAt(i);
                    }
                    else
                    {
                        StripNulls(value);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        StripNulls(item);
                    }
                }

                break;
        }
    }

    private static void MergeResources(PlanContext ctx, IReadOnlyList<CfnEntry> resources)
    {
        foreach (var entry in resources)
        {
            var value = ctx.Json(entry.Value);
            if (ctx.Plan[entry.Key] is { } existing && value is JsonObject)
            {
                Merge(existing.Body, value);
                continue;
            }

            if (value is not JsonObject body)
            {
                ctx.Unsupported($"resource '{entry.Key}' must be a mapping with a 'Type'", entry.Value.Span);
                continue;
            }

            ctx.Add(entry.Key, body, PlanResourceKind.UserResource, entry.Value.Span);
        }
    }

    private static void Extend(PlanContext ctx, CfnEntry extension)
    {
        if (ctx.Plan[extension.Key] is not { } target)
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.MissingExtensionTarget,
                $"resources.extensions names '{extension.Key}', which is not a resource of this stack",
                extension.KeySpan, "extensions can only change resources the service generates or defines");
            return;
        }

        foreach (var entry in extension.Members)
        {
            var value = ctx.Json(entry.Value);
            switch (entry.Key)
            {
                case "Properties" or "Metadata":
                    var existing = target.Body[entry.Key] as JsonObject ?? [];
                    target.Body[entry.Key] = existing;
                    foreach (var (k, v) in (value as JsonObject)?.ToList() ?? [])
                    {
                        existing[k] = v?.DeepClone();
                    }

                    break;
                case "DependsOn":
                    var list = target.Body["DependsOn"] switch
                    {
                        JsonArray a => a,
                        JsonValue single => new JsonArray(single.DeepClone()),
                        _ => [],
                    };
                    foreach (var d in value is JsonArray arr ? arr.ToList() : [value])
                    {
                        list.Add(d?.DeepClone());
                    }

                    if (list.Parent is null)
                    {
                        target.Body["DependsOn"] = list;
                    }

                    break;
                default:
                    if (ExtensionAttributes.Contains(entry.Key))
                    {
                        target.Body[entry.Key] = value;
                    }
                    else
                    {
                        ctx.Unsupported($"resources.extensions.{extension.Key} cannot set '{entry.Key}'", entry.KeySpan,
                            "extensions may set Properties, Metadata, DependsOn, Condition, CreationPolicy, DeletionPolicy, " +
                            "UpdatePolicy and UpdateReplacePolicy");
                    }

                    break;
            }
        }
    }
}
