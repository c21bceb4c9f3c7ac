using System.Text;
using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Backends.Targets;

namespace Spec.Backends.CloudFormation;

/// <summary>Maps a <see cref="ServicePlan"/> to a CloudFormation template (the Framework's section order).</summary>
public static class CloudFormationEmitter
{
    private static readonly string[] BuiltSections = ["AWSTemplateFormatVersion", "Description", "Resources", "Outputs"];

    /// <summary>
    /// The template text straight from the plan, without cloning every resource body into a template object first.
    /// Same bytes as rendering <see cref="Template"/>, which it falls back to when a user section overlaps a built one.
    /// </summary>
    public static string Text(ServicePlan plan, TemplateFormat format) =>
        IsDirect(plan, format) ? Encoding.UTF8.GetString(Utf8(plan, format)) : CloudFormationCompiler.Render(Template(plan), format);

    /// <summary><see cref="Text"/> as the UTF-8 bytes of the file.</summary>
    public static byte[] Utf8(ServicePlan plan, TemplateFormat format) => OutputFile.Join(Utf8Segments(plan, format));

    /// <summary><see cref="Utf8"/> as the segments it is written in (what <c>spec compile</c> writes, unjoined).</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Utf8Segments(ServicePlan plan, TemplateFormat format) =>
        IsDirect(plan, format) ? Direct(plan) : [Encoding.UTF8.GetBytes(CloudFormationCompiler.Render(Template(plan), format))];

    private static bool IsDirect(ServicePlan plan, TemplateFormat format) =>
        format == TemplateFormat.Json && !BuiltSections.Any(plan.ExtraSections.ContainsKey);

    private static IReadOnlyList<ReadOnlyMemory<byte>> Direct(ServicePlan plan)
    {
        var sections = new List<KeyValuePair<string, JsonNode?>>
        {
            new("AWSTemplateFormatVersion", JsonValue.Create("2010-09-09")),
            new("Description", JsonValue.Create(plan.Description)),
        };
        return TemplateJsonWriter.WriteUtf8(sections, [.. plan.Resources.Select(r => new KeyValuePair<string, JsonNode?>(r.LogicalId, r.Body))],
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
