using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Beanstalk;

/// <summary>
/// The CloudFormation template beside the bundles: what the environments need that Elastic Beanstalk does not create
/// (the <c>resources:</c> section, the deployment bucket, the instance role with the functions' IAM statements and its
/// instance profile), wired to the environments through its outputs.
/// <para>
/// It is cut from the service's CloudFormation plan rather than lowered again: the plan already turned
/// <c>resources:</c>, the deployment bucket and the IAM statements into CloudFormation. Everything Lambda-shaped
/// (functions, versions, log groups, permissions, event source mappings, APIs, rules) is left out, and so is every
/// <c>resources:</c> entry or output that refers to one of those (reported as <see cref="BeanstalkDiagnosticIds.CompanionResource"/>).
/// </para>
/// </summary>
public sealed partial class CompanionTemplate
{
    public const string FileName = "companion.template.json";

    public const string InstanceRole = "BeanstalkInstanceRole";

    public const string InstanceProfile = "BeanstalkInstanceProfile";

    /// <summary>The output every environment's <c>IamInstanceProfile</c> comes from.</summary>
    public const string InstanceProfileOutput = "BeanstalkInstanceProfileName";

    /// <summary>The deployment bucket output the plan writes when the stack owns the bucket.</summary>
    public const string BucketOutput = "ServerlessDeploymentBucketName";

    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    private CompanionTemplate(ServicePlan plan) => Plan = plan;

    /// <summary>The companion stack as a plan (CloudFormation's emitter writes it).</summary>
    public ServicePlan Plan { get; }

    public string Text() => CloudFormationEmitter.Text(Plan, TemplateFormat.Json);

    public static CompanionTemplate Build(Service service, ServicePlan plan, bool hasWorkers, DiagnosticBag diagnostics)
    {
        var companion = new CompanionTemplate(new ServicePlan { Service = plan.Service, Stage = plan.Stage, Region = plan.Region })
        {
            Plan = { Description = $"Resources of the Elastic Beanstalk environments of {plan.Service} ({plan.Stage}), by spec compile --target beanstalk" },
        };
        companion.Cut(service, plan, diagnostics);
        companion.AddInstanceRole(plan, hasWorkers);
        return companion;
    }

    /// <summary>True when <paramref name="value"/> refers to a resource the companion template leaves out.</summary>
    public bool RefersToRemoved(JsonNode? value) => References(value).Any(_removed.Contains);

    /// <summary>True when <paramref name="logicalId"/> is a resource of the companion template.</summary>
    public bool Has(string logicalId) => Plan.Contains(logicalId);

    /// <summary>Adds an output and returns its key.</summary>
    public string AddOutput(string key, JsonNode value, string description)
    {
        Plan.Outputs[key] = Object(("Description", description), ("Value", value));
        return key;
    }

    private void Cut(Service service, ServicePlan plan, DiagnosticBag diagnostics)
    {
        var kept = plan.Resources.Where(r => r.Kind is PlanResourceKind.DeploymentBucket or PlanResourceKind.UserResource).ToList();
        foreach (var r in plan.Resources.Except(kept))
        {
            _removed.Add(r.LogicalId);
        }

        // A kept resource that refers to a removed one goes too, and so on, until nothing changes.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var r in kept.Where(r => !_removed.Contains(r.LogicalId) && RefersToRemoved(WithoutDependsOn(r.Body))).ToList())
            {
                _removed.Add(r.LogicalId);
                changed = true;
                diagnostics.Warning(BeanstalkDiagnosticIds.CompanionResource,
                    $"resource '{r.LogicalId}' refers to something only the Lambda deployment has; the companion template leaves it out",
                    r.Origin);
            }
        }

        foreach (var r in kept.Where(r => !_removed.Contains(r.LogicalId)))
        {
            var body = (JsonObject)r.Body.DeepClone();
            PruneDependsOn(body);
            Plan.Add(new PlanResource(r.LogicalId, body, r.Kind, r.Origin));
        }

        var userOutputs = service.Resources.Outputs.ToDictionary(o => o.Key, o => o, StringComparer.Ordinal);
        foreach (var (key, value) in plan.Outputs)
        {
            var own = userOutputs.TryGetValue(key, out var output);
            if (!own && !(key == BucketOutput && Plan.Contains("ServerlessDeploymentBucket")))
            {
                continue;
            }

            if (RefersToRemoved(value))
            {
                diagnostics.Warning(BeanstalkDiagnosticIds.CompanionResource,
                    $"output '{key}' refers to something only the Lambda deployment has; the companion template leaves it out",
                    output?.KeyNode.Span);
                continue;
            }

            Plan.Outputs[key] = value?.DeepClone();
        }

        foreach (var (key, value) in plan.ExtraSections)
        {
            Plan.ExtraSections[key] = value?.DeepClone();
        }
    }

    /// <summary>
    /// The EC2 role of every environment: Elastic Beanstalk's web and worker tier policies plus the statements the plan
    /// gave the Lambda execution role, without the ones for Lambda's own log groups and those naming removed resources.
    /// </summary>
    private void AddInstanceRole(ServicePlan plan, bool hasWorkers)
    {
        var statements = new JsonArray();
        var managed = new JsonArray();
        if (plan.Resources.FirstOrDefault(r => r.Kind == PlanResourceKind.Role && r.Type == "AWS::IAM::Role") is { } role)
        {
            foreach (var statement in (role.Properties["Policies"] as JsonArray ?? []).OfType<JsonObject>()
                         .SelectMany(p => p["PolicyDocument"]?["Statement"] as JsonArray ?? []))
            {
                var text = statement?.ToJsonString() ?? string.Empty;
                if (!text.Contains("log-group:/aws/lambda/", StringComparison.Ordinal) && !RefersToRemoved(statement))
                {
                    statements.Add(statement!.DeepClone());
                }
            }

            foreach (var arn in role.Properties["ManagedPolicyArns"] as JsonArray ?? [])
            {
                if (!(arn?.ToJsonString() ?? string.Empty).Contains("AWSLambda", StringComparison.Ordinal) && !RefersToRemoved(arn))
                {
                    managed.Add(arn!.DeepClone());
                }
            }
        }

        var policies = new JsonArray();
        managed.Insert(0, Sub("arn:${AWS::Partition}:iam::aws:policy/AWSElasticBeanstalkWebTier"));
        if (hasWorkers)
        {
            managed.Insert(1, Sub("arn:${AWS::Partition}:iam::aws:policy/AWSElasticBeanstalkWorkerTier"));
        }

        var properties = Object(
            ("AssumeRolePolicyDocument", Object(("Version", "2012-10-17"), ("Statement", Array(Object(("Effect", "Allow"),
                ("Principal", Object(("Service", Strings(["ec2.amazonaws.com"])))), ("Action", Strings(["sts:AssumeRole"]))))))),
            ("ManagedPolicyArns", managed));
        if (statements.Count > 0)
        {
            policies.AddNode(Object(("PolicyName", $"{plan.Service}-{plan.Stage}-beanstalk"),
                ("PolicyDocument", Object(("Version", "2012-10-17"), ("Statement", statements)))));
            properties["Policies"] = policies;
        }

        Plan.Add(new PlanResource(InstanceRole, Object(("Type", "AWS::IAM::Role"), ("Properties", properties)), PlanResourceKind.Role, null));
        Plan.Add(new PlanResource(InstanceProfile, Object(("Type", "AWS::IAM::InstanceProfile"),
            ("Properties", Object(("Roles", Array(Ref(InstanceRole)))))), PlanResourceKind.Role, null));
        AddOutput(InstanceProfileOutput, Ref(InstanceProfile), "The instance profile of the Elastic Beanstalk environments");
    }

    private static JsonObject WithoutDependsOn(JsonObject body)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (key != "DependsOn")
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    private void PruneDependsOn(JsonObject body)
    {
        switch (body["DependsOn"])
        {
            case JsonValue v when v.TryGetValue<string>(out var one) && _removed.Contains(one):
                body.Remove("DependsOn");
                break;
            case JsonArray list:
                foreach (var item in list.Where(i => i is JsonValue v && v.TryGetValue<string>(out var id) && _removed.Contains(id)).ToList())
                {
                    list.Remove(item);
                }

                if (list.Count == 0)
                {
                    body.Remove("DependsOn");
                }

                break;
        }
    }

    /// <summary>The logical ids a value refers to with <c>Ref</c>, <c>Fn::GetAtt</c> or <c>Fn::Sub</c>.</summary>
    public static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 1 && o["Ref"] is JsonValue r && r.TryGetValue<string>(out var id):
                yield return id;
                break;
            case JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is { } getAtt:
                var target = getAtt is JsonArray { Count: > 0 } a ? AsString(a[0]) : AsString(getAtt)?.Split('.')[0];
                if (target is not null)
                {
                    yield return target;
                }

                break;
            case JsonObject o when o.Count == 1 && o["Fn::Sub"] is { } sub:
                var template = sub is JsonArray { Count: > 0 } s ? AsString(s[0]) : AsString(sub);
                var variables = sub is JsonArray { Count: > 1 } withVariables ? withVariables[1] as JsonObject : null;
                foreach (Match m in SubReference().Matches(template ?? string.Empty))
                {
                    if (variables?.ContainsKey(m.Groups[1].Value) != true)
                    {
                        yield return m.Groups[1].Value;
                    }
                }

                foreach (var inner in variables?.SelectMany(v => References(v.Value)) ?? [])
                {
                    yield return inner;
                }

                break;
            case JsonObject o:
                foreach (var inner in o.SelectMany(p => References(p.Value)))
                {
                    yield return inner;
                }

                break;
            case JsonArray list:
                foreach (var inner in list.SelectMany(References))
                {
                    yield return inner;
                }

                break;
        }
    }

    [GeneratedRegex(@"\$\{(?!!)([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex SubReference();
}
