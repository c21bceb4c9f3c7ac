using System.Text.Json.Nodes;
using Spec.Backends.Plan;

namespace Spec.Backends.CloudFormation;

/// <summary>Maps a <see cref="ServicePlan"/> to a CloudFormation template (the Framework's section order).</summary>
public static class CloudFormationEmitter
{
    private static readonly string[] BuiltSections = ["AWSTemplateFormatVersion", "Description", "Resources", "Outputs"];

    /// <summary>
    /// The template text straight from the plan, without cloning every resource body into a template object first.
    /// Same bytes as rendering <see cref="Template"/>, which it falls back to when a user section overlaps a built one.
    /// </summary>
    public static string Text(ServicePlan plan, TemplateFormat format)
    {
        if (format != TemplateFormat.Json || BuiltSections.Any(plan.ExtraSections.ContainsKey))
        {
            return CloudFormationCompiler.Render(Template(plan), format);
        }

        var sections = new List<KeyValuePair<string, JsonNode?>>
        {
            new("AWSTemplateFormatVersion", JsonValue.Create("2010-09-09")),
            new("Description", JsonValue.Create(plan.Description)),
        };
        return TemplateJsonWriter.Write(sections, plan.Resources.Select(r => new KeyValuePair<string, JsonNode?>(r.LogicalId, r.Body)),
            plan.Outputs, plan.ExtraSections);
    }

    public static JsonObject Template(ServicePlan plan)
    {
        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = plan.Description,
        };
        var resources = new JsonObject();
        foreach (var r in plan.Resources)
        {
            resources[r.LogicalId] = r.Body.DeepClone();
        }

        template["Resources"] = resources;
        template["Outputs"] = plan.Outputs.DeepClone();
        foreach (var (key, value) in plan.ExtraSections)
        {
            if (template[key] is JsonObject existing && value is JsonObject)
            {
                PlanJson.Merge(existing, value);
            }
            else
            {
                template[key] = value?.DeepClone();
            }
        }

        return template;
    }
}
