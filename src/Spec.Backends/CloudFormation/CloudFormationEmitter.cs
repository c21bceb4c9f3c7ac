using System.Text.Json.Nodes;
using Spec.Backends.Plan;

namespace Spec.Backends.CloudFormation;

/// <summary>Maps a <see cref="ServicePlan"/> to a CloudFormation template (the Framework's section order).</summary>
public static class CloudFormationEmitter
{
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
