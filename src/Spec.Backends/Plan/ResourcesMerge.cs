using System.Text.Json.Nodes;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.PlanJson;
using static Spec.Backends.Plan.SpecValues;

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

    public static void Apply(PlanContext ctx)
    {
        foreach (var (key, value) in ctx.Plan.Outputs)
        {
            if (value is JsonObject output && output["Export"] is null)
            {
                output["Export"] = Object(("Name", $"sls-{ctx.Service}-{ctx.Stage}-{key}"));
            }
        }

        var resources = ctx.Root["resources"];
        var sections = new List<MappingNode>();
        if (resources is MappingNode single)
        {
            sections.Add(single);
        }
        else
        {
            sections.AddRange(Items(resources).OfType<MappingNode>());
        }

        foreach (var section in sections)
        {
            foreach (var entry in section.Entries)
            {
                switch (entry.Key.Text)
                {
                    case "Resources":
                        MergeResources(ctx, entry.Value);
                        break;
                    case "Outputs":
                        foreach (var output in Entries(entry.Value))
                        {
                            var existing = ctx.Plan.Outputs[output.Key.Text];
                            var value = ctx.Json(output.Value);
                            if (existing is not null && value is not null)
                            {
                                Merge(existing, value);
                            }
                            else
                            {
                                ctx.Plan.Outputs[output.Key.Text] = value;
                            }
                        }

                        break;
                    case "Description":
                        ctx.Plan.Description = Text(entry.Value) ?? ctx.Plan.Description;
                        break;
                    case "extensions":
                        break;
                    default:
                        var current = ctx.Plan.ExtraSections[entry.Key.Text];
                        var json = ctx.Json(entry.Value);
                        if (current is not null && json is not null)
                        {
                            Merge(current, json);
                        }
                        else
                        {
                            ctx.Plan.ExtraSections[entry.Key.Text] = json;
                        }

                        break;
                }
            }
        }

        foreach (var section in sections)
        {
            foreach (var extension in Entries(section["extensions"]))
            {
                Extend(ctx, extension);
            }
        }

        foreach (var resource in ctx.Plan.Resources)
        {
            if (resource.Body["Properties"] is JsonObject props)
            {
                // By index from the end: runs for every resource, and nearly none has a null property.
                for (var i = props.Count - 1; i >= 0; i--)
                {
                    if (props.GetAt(i).Value is null)
                    {
                        props.RemoveAt(i);
                    }
                }
            }
        }
    }

    private static void MergeResources(PlanContext ctx, Node resources)
    {
        foreach (var entry in Entries(resources))
        {
            var value = ctx.Json(entry.Value);
            if (ctx.Plan[entry.Key.Text] is { } existing && value is JsonObject)
            {
                Merge(existing.Body, value);
                continue;
            }

            if (value is not JsonObject body)
            {
                ctx.Unsupported($"resource '{entry.Key.Text}' must be a mapping with a 'Type'", entry.Value.Span);
                continue;
            }

            ctx.Add(entry.Key.Text, body, PlanResourceKind.UserResource, entry.Value.Span);
        }
    }

    private static void Extend(PlanContext ctx, MappingEntry extension)
    {
        if (ctx.Plan[extension.Key.Text] is not { } target)
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.MissingExtensionTarget,
                $"resources.extensions names '{extension.Key.Text}', which is not a resource of this stack",
                extension.Key.Span, "extensions can only change resources the service generates or defines");
            return;
        }

        foreach (var entry in Entries(extension.Value))
        {
            var value = ctx.Json(entry.Value);
            switch (entry.Key.Text)
            {
                case "Properties" or "Metadata":
                    var existing = target.Body[entry.Key.Text] as JsonObject ?? [];
                    target.Body[entry.Key.Text] = existing;
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
                    if (ExtensionAttributes.Contains(entry.Key.Text))
                    {
                        target.Body[entry.Key.Text] = value;
                    }
                    else
                    {
                        ctx.Unsupported($"resources.extensions.{extension.Key.Text} cannot set '{entry.Key.Text}'", entry.Key.Span,
                            "extensions may set Properties, Metadata, DependsOn, Condition, CreationPolicy, DeletionPolicy, " +
                            "UpdatePolicy and UpdateReplacePolicy");
                    }

                    break;
            }
        }
    }
}
