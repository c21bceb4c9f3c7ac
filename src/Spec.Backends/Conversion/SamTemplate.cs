using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using static Spec.Backends.Conversion.SamJson;

namespace Spec.Backends.Conversion;

/// <summary>
/// A bound <see cref="Service"/> as an AWS SAM template (<c>Transform: AWS::Serverless-2016-10-31</c>), written from the
/// model, never from the CloudFormation plan (which has lost the functions' events). Functions keep the logical ids the
/// Framework gives them, what every function shares goes to <c>Globals</c>, <c>resources:</c> is carried over, and what
/// SAM cannot say is a <c>SPEC-CONVERT-*</c> warning (<see cref="ConvertDiagnostics"/>).
/// </summary>
public static class SamTemplate
{
    public const string Transform = "AWS::Serverless-2016-10-31";

    /// <summary>Properties <c>Globals.Function</c> may hold that the writer moves there when every function has the same.</summary>
    private static readonly string[] Hoistable =
        ["CodeUri", "Runtime", "MemorySize", "Timeout", "Architectures", "Layers", "VpcConfig", "Tracing", "KmsKeyArn"];

    private static readonly string[] Merged = ["Environment", "Tags"];

    public static JsonObject Write(Service service, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(service);
        var ctx = new SamContext(service, diagnostics);
        SamFunctions.Write(ctx);
        SamApis.Write(ctx);
        SamFrameworkResources.ImportedRestRoutes(ctx);
        Layers(ctx);
        var functionIds = service.Functions.Select(f => Naming.Lambda(f.Key)).ToList();
        UserResources(ctx);
        SamFrameworkResources.DeploymentBucket(ctx);
        FrameworkDependencies(ctx);
        var globals = Globals(ctx, functionIds);

        var section = service.Resources;
        var outputs = new JsonObject();
        foreach (var fragment in section.Fragments)
        {
            foreach (var output in fragment.Where(e => e.Key == "Outputs").SelectMany(e => e.Members))
            {
                var value = ctx.Json(output.Value);
                if (outputs[output.Key] is { } existing && value is not null)
                {
                    PlanJson.Merge(existing, value);
                }
                else
                {
                    outputs[output.Key] = value;
                }
            }
        }

        // Every value is converted before Parameters is written: each may refer to a ${param:}.
        var description = ctx.Json(section.Description) ?? DefaultDescription(ctx);
        var metadata = ctx.Json(section.Metadata);
        var mappings = ctx.Json(section.Mappings);
        var conditions = ctx.Json(section.Conditions);
        var template = Props(
            ("AWSTemplateFormatVersion", "2010-09-09"),
            ("Transform", Transform),
            ("Description", description),
            ("Metadata", metadata),
            ("Parameters", Parameters(ctx, ctx.Json(section.Parameters) as JsonObject)),
            ("Mappings", mappings),
            ("Conditions", conditions),
            ("Globals", globals),
            ("Resources", ctx.Resources));
        if (outputs.Count > 0)
        {
            template["Outputs"] = outputs;
        }

        DanglingReferences(ctx, template);
        SamLogicalIds.Restore(ctx, template);
        return template;
    }

    /// <summary>What the template is, with the stage and the region it is for unless the spec leaves them to the deploy:
    /// a template's <c>Description</c> is literal text (CloudFormation takes no parameter or function there), so an open
    /// stage or region is left out rather than named by the value it has for this conversion.</summary>
    private static string DefaultDescription(SamContext ctx)
    {
        var service = ctx.Service;
        string[] fixedSettings = [.. new[] { ctx.StageIsOpen ? null : service.Stage, ctx.RegionIsOpen ? null : service.Region }.OfType<string>()];
        var settings = fixedSettings.Length == 0 ? string.Empty : $" ({string.Join(", ", fixedSettings)})";
        return $"The {service.Name.Value} service{settings}, converted from serverless.yml by Spec";
    }

    /// <summary><c>resources.Parameters</c>, and a parameter for each <c>${param:Name}</c> the template refers to that it
    /// does not declare (the value the spec gives it for this stage is its default), and <c>Stage</c> when a value
    /// refers to the stage the spec leaves open (<see cref="SamContext.UsesStage"/>).</summary>
    private static JsonObject? Parameters(SamContext ctx, JsonObject? declared)
    {
        var parameters = declared ?? [];
        foreach (var (name, value) in ctx.Parameters.Where(p => !parameters.ContainsKey(p.Key)))
        {
            var number = value.GetValueKind() == System.Text.Json.JsonValueKind.Number;
            parameters[name] = Props(
                ("Type", number ? "Number" : "String"),
                ("Default", value.DeepClone()),
                ("Description", $"the spec's param '{name}'"));
        }

        if (ctx.UsesStage && !parameters.ContainsKey(SamContext.StageParameter))
        {
            parameters[SamContext.StageParameter] = Props(
                ("Type", "String"),
                ("Default", ctx.Service.Stage),
                ("Description", "the stage, which the spec leaves to `serverless deploy --stage`"));
        }

        return parameters.Count == 0 ? null : parameters;
    }

    /// <summary>The template as text: YAML with short tags (<c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c>) or JSON.</summary>
    public static string Render(JsonObject template, TemplateFormat format) =>
        format == TemplateFormat.Yaml ? TemplateYamlWriter.WriteWithShortTags(template) : TemplateJsonWriter.Write(template);

    private static void Layers(SamContext ctx)
    {
        foreach (var layer in ctx.Service.Layers)
        {
            var logicalId = Naming.Layer(layer.Key);
            ctx.AddResource(logicalId, Resource("AWS::Serverless::LayerVersion", Props(
                ("LayerName", ctx.Json(layer.Name) ?? layer.Key),
                ("Description", ctx.Json(layer.Description)),
                ("ContentUri", ctx.Json(layer.Package?.Artifact) ?? ctx.Json(layer.Path) ?? "."),
                ("CompatibleRuntimes", ctx.Json(layer.CompatibleRuntimes)),
                ("CompatibleArchitectures", ctx.Json(layer.CompatibleArchitectures)),
                ("LicenseInfo", ctx.Json(layer.LicenseInfo)),
                ("RetentionPolicy", layer.Retain?.Value == true ? "Retain" : "Delete"))));
            foreach (var account in layer.AllowedAccounts)
            {
                var principal = account.Value ?? string.Empty;
                ctx.AddResource(logicalId + "Permission" + (principal == "*" ? "All" : Naming.AlphaNumeric(principal)),
                    Resource("AWS::Lambda::LayerVersionPermission", Props(
                        ("Action", "lambda:GetLayerVersion"),
                        ("LayerVersionArn", PlanJson.Ref(logicalId)),
                        ("Principal", ctx.Json(account.Node)))));
            }
        }
    }

    /// <summary><c>resources.Resources</c> deep-merged over what the writer generated (as the Framework merges it), then
    /// <c>resources.extensions</c>.</summary>
    private static void UserResources(SamContext ctx)
    {
        foreach (var fragment in ctx.Service.Resources.Fragments)
        {
            foreach (var resource in fragment.Where(e => e.Key == "Resources").SelectMany(e => e.Members))
            {
                if (ctx.Json(resource.Value) is JsonObject value)
                {
                    ctx.AddResource(resource.Key, SamFunctionOverrides.Overrides(ctx.Resources[resource.Key] as JsonObject, value)
                        ? SamFunctionOverrides.Translate(ctx, resource.Value, resource.Key, value)
                        : value);
                }
            }
        }

        foreach (var extension in ctx.Service.Resources.Extensions)
        {
            if (ctx.Resources[extension.LogicalId] is not JsonObject target)
            {
                ctx.LeftOut(extension.Node, $"'{extension.LogicalId}' is not a resource of the SAM template: its extension is left out");
                continue;
            }

            if (ctx.Json(extension.Node) is JsonObject value)
            {
                PlanJson.Merge(target, SamFunctionOverrides.Overrides(target, value)
                    ? SamFunctionOverrides.Translate(ctx, extension.Node, extension.LogicalId, value)
                    : value);
            }
        }
    }

    /// <summary>
    /// <c>Globals.Function</c>: each hoistable property every function has with the same value, and the environment
    /// variables and tags every function has with the same value (SAM merges those maps back). Left out with fewer than
    /// two functions, or when <c>resources:</c> declares SAM functions of its own (Globals would apply to them too).
    /// </summary>
    private static JsonObject? Globals(SamContext ctx, List<string> functionIds)
    {
        var functions = functionIds.Select(id => ctx.Resources[id]?["Properties"] as JsonObject).OfType<JsonObject>().ToList();
        var others = ctx.Resources.Count(r => r.Value?["Type"]?.GetValue<string>() == "AWS::Serverless::Function") - functions.Count;
        if (functions.Count < 2 || others > 0)
        {
            return null;
        }

        var globals = new JsonObject();
        foreach (var key in Hoistable)
        {
            var first = functions[0][key];
            if (first is not null && functions.TrueForAll(f => JsonNode.DeepEquals(f[key], first)))
            {
                globals[key] = first.DeepClone();
                functions.ForEach(f => f.Remove(key));
            }
        }

        foreach (var key in Merged)
        {
            var maps = functions.Select(f => key == "Environment" ? f[key]?["Variables"] as JsonObject : f[key] as JsonObject).ToList();
            if (maps.Exists(m => m is null))
            {
                continue;
            }

            var shared = new JsonObject();
            foreach (var (name, value) in maps[0]!.ToList())
            {
                if (maps.TrueForAll(m => m!.ContainsKey(name) && JsonNode.DeepEquals(m[name], value)))
                {
                    shared[name] = value?.DeepClone();
                    maps.ForEach(m => m!.Remove(name));
                }
            }

            if (shared.Count == 0)
            {
                continue;
            }

            globals[key] = key == "Environment" ? Props(("Variables", shared)) : shared;
            foreach (var f in functions.Where(f => maps[functions.IndexOf(f)]!.Count == 0))
            {
                f.Remove(key);
            }
        }

        return globals.Count == 0 ? null : Props(("Function", globals));
    }

    /// <summary>
    /// <c>DependsOn</c> of carried-over resources on the REST API's methods or resources the Framework generates: SAM
    /// defines them in the API's OpenAPI body, so the resource depends on the API instead, which has them all once it
    /// exists (a custom deployment that needs "any method on the API" still gets it).
    /// </summary>
    private static void FrameworkDependencies(SamContext ctx)
    {
        if (ctx.Resources[Naming.RestApi] is null)
        {
            return;
        }

        foreach (var fragment in ctx.Service.Resources.Fragments)
        {
            foreach (var entry in fragment.Where(e => e.Key == "Resources").SelectMany(e => e.Members))
            {
                if (ctx.Resources[entry.Key]?["DependsOn"] is not { } dependsOn)
                {
                    continue;
                }

                var ids = dependsOn is JsonArray list ? list.Select(PlanJson.AsString).ToList() : [PlanJson.AsString(dependsOn)];
                var generated = ids.Where(id => id is not null && !ctx.Resources.ContainsKey(id) && IsRestMethodOrResource(id)).ToList();
                if (generated.Count == 0)
                {
                    continue;
                }

                var rewritten = ids.Select(id => generated.Contains(id) ? Naming.RestApi : id).Distinct(StringComparer.Ordinal).ToList();
                ctx.Resources[entry.Key]!["DependsOn"] = rewritten.Count == 1 && dependsOn is not JsonArray
                    ? rewritten[0]
                    : new JsonArray([.. rewritten.Select(id => (JsonNode?)id)]);
                ctx.Approximated(entry.Value, $"'{entry.Key}' depends on '{string.Join("', '", generated)}', which SAM defines in the " +
                    $"OpenAPI body of '{Naming.RestApi}': it depends on the API instead");
            }
        }
    }

    private static bool IsRestMethodOrResource(string id) =>
        id.StartsWith("ApiGatewayMethod", StringComparison.Ordinal) || id.StartsWith("ApiGatewayResource", StringComparison.Ordinal);

    private static readonly HashSet<string> FrameworkOnly = new(StringComparer.Ordinal)
    {
        Naming.DeploymentBucket, Naming.DeploymentBucketPolicy, Naming.HttpApiStage,
    };

    /// <summary>Warns about <c>Ref</c>, <c>Fn::GetAtt</c> and <c>Fn::Sub</c> references in <c>resources:</c> (as they
    /// stand in the template) to logical ids the SAM template does not define, at the resource or output that has one.</summary>
    private static void DanglingReferences(SamContext ctx, JsonObject template)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        known.UnionWith((template["Resources"] as JsonObject ?? []).Select(r => r.Key));
        known.UnionWith((template["Parameters"] as JsonObject ?? []).Select(p => p.Key));
        foreach (var fragment in ctx.Service.Resources.Fragments)
        {
            foreach (var section in fragment.Where(e => e.Key is "Resources" or "Outputs"))
            {
                var written = template[section.Key] as JsonObject;
                foreach (var entry in section.Members)
                {
                    foreach (var id in References(written?[entry.Key]).Where(id => !IsKnown(known, id)).Distinct(StringComparer.Ordinal))
                    {
                        ctx.Warn(ConvertDiagnostics.DanglingReference, entry.Value,
                            FrameworkOnly.Contains(id) || id.StartsWith("ApiGateway", StringComparison.Ordinal)
                                ? $"'{id}' is a resource the Framework generates and the SAM template does not have"
                                : $"'{id}' is not a resource or parameter of the SAM template");
                    }
                }
            }
        }
    }

    /// <summary>The logical ids a value refers to by <c>Ref</c>, <c>Fn::GetAtt</c> or <c>Fn::Sub</c>.</summary>
    internal static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject { Count: 1 } o when Referenced(o) is { } id:
                yield return id;
                break;
            case JsonObject o:
                foreach (var id in o.SelectMany(m => References(m.Value)))
                {
                    yield return id;
                }

                break;
            case JsonArray a:
                foreach (var id in a.SelectMany(References))
                {
                    yield return id;
                }

                break;
        }
    }

    private static bool IsKnown(HashSet<string> known, string id) =>
        id.StartsWith("AWS::", StringComparison.Ordinal) || known.Contains(id) ||
        (id.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && known.Contains(id[..dot]));

    private static string? Referenced(JsonObject o) => o.First() switch
    {
        ("Ref", JsonValue v) => PlanJson.AsString(v),
        ("Fn::GetAtt", JsonArray { Count: > 0 } a) => PlanJson.AsString(a[0]),
        ("Fn::GetAtt", JsonValue v) => PlanJson.AsString(v)?.Split('.')[0],
        ("Fn::Sub", var value) => SubReference(value),
        _ => null,
    };

    /// <summary>The first <c>${Name}</c> or <c>${Name.Attr}</c> of a <c>Fn::Sub</c> string that is not a pseudo parameter
    /// or a variable of its own map; null when there is none.</summary>
    private static string? SubReference(JsonNode? value)
    {
        var (text, variables) = value switch
        {
            JsonValue v => (PlanJson.AsString(v), (JsonObject?)null),
            JsonArray { Count: 2 } a => (PlanJson.AsString(a[0]), a[1] as JsonObject),
            _ => (null, null),
        };
        if (text is null)
        {
            return null;
        }

        for (var i = text.IndexOf("${", StringComparison.Ordinal); i >= 0; i = text.IndexOf("${", i + 2, StringComparison.Ordinal))
        {
            var end = text.IndexOf('}', i);
            if (end < 0)
            {
                break;
            }

            var name = text[(i + 2)..end];
            if (name.StartsWith('!') || name.StartsWith("AWS::", StringComparison.Ordinal) || variables?.ContainsKey(name) == true)
            {
                continue;
            }

            return name.Split('.')[0];
        }

        return null;
    }
}
