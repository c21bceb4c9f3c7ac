using System.Text.Json.Nodes;

namespace Spec.Backends.Pulumi;

/// <summary>
/// The stage of an <c>AWS::ApiGateway::Deployment</c>. CloudFormation creates it implicitly from <c>StageName</c> and
/// configures it from <c>StageDescription</c>; Pulumi classic needs an explicit <c>aws:apigateway:Stage</c>
/// (<c>&lt;Deployment&gt;Stage</c>) and an <c>aws:apigateway:MethodSettings</c> per method setting: the stage-wide
/// settings of <c>StageDescription</c> (<c>&lt;Deployment&gt;StageMethodSettings</c>, method path <c>*/*</c>) and each
/// <c>MethodSettings</c> entry (<c>&lt;Deployment&gt;StageMethodSettings&lt;n&gt;</c>).
/// </summary>
internal static partial class ResourceMappings
{
    private static readonly PropertyMap[] StageProps =
    [
        N("AccessLogSetting", "accessLogSettings", "apigateway.StageAccessLogSettings", S("DestinationArn", "destinationArn"), S("Format", "format")),
        B("CacheClusterEnabled", "cacheClusterEnabled"), S("CacheClusterSize", "cacheClusterSize"), S("ClientCertificateId", "clientCertificateId"),
        S("Description", "description"), S("DocumentationVersion", "documentationVersion"), Tags(), M("Variables", "variables"),
        B("TracingEnabled", "xrayTracingEnabled"),
    ];

    /// <summary>Settings CloudFormation accepts both stage-wide (in <c>StageDescription</c>) and per method.</summary>
    private static readonly PropertyMap[] MethodSettingProps =
    [
        B("CacheDataEncrypted", "cacheDataEncrypted"), I("CacheTtlInSeconds", "cacheTtlInSeconds"), B("CachingEnabled", "cachingEnabled"),
        B("DataTraceEnabled", "dataTraceEnabled"), S("LoggingLevel", "loggingLevel"), B("MetricsEnabled", "metricsEnabled"),
        I("ThrottlingBurstLimit", "throttlingBurstLimit"), I("ThrottlingRateLimit", "throttlingRateLimit"),
    ];

    private static IReadOnlyList<PulumiResource>? DeploymentStage(ValueConverter c, string logicalId, JsonObject properties)
    {
        if (properties["StageName"] is null)
        {
            return properties["StageDescription"] is null ? [] : null; // a description without a stage name: CloudFormation rejects it
        }

        if (c.Str(properties["StageName"]) is not { } stageName || c.Str(properties["RestApiId"]) is not { } api)
        {
            return null;
        }

        var stageId = $"{logicalId}Stage";
        var stage = new PulumiResource(stageId, new("apigateway", "Stage"), logicalId);
        stage.Properties.Add(new("restApi", api));
        stage.Properties.Add(new("deployment", new PulumiAttribute(logicalId, "id")));
        stage.Properties.Add(new("stageName", stageName));
        var result = new List<PulumiResource> { stage };
        if (properties["StageDescription"] is null)
        {
            return result;
        }

        if (properties["StageDescription"] is not JsonObject description || ValueConverter.IsIntrinsic(description))
        {
            return null;
        }

        var stageInputs = new JsonObject();
        var stageWide = new JsonObject();
        JsonArray? methodSettings = null;
        foreach (var (key, value) in description)
        {
            if (key == "MethodSettings")
            {
                methodSettings = value as JsonArray;
                if (methodSettings is null)
                {
                    return null;
                }
            }
            else if (MethodSettingProps.Any(p => p.Cfn == key))
            {
                stageWide[key] = value?.DeepClone();
            }
            else
            {
                stageInputs[key] = value?.DeepClone(); // an unknown key (CanarySetting, …) fails here: the deployment goes to the stack
            }
        }

        if (Entries(c, stageInputs, StageProps) is not { } inputs)
        {
            return null;
        }

        stage.Properties.AddRange(inputs);
        var stageNameOfStage = new PulumiAttribute(stageId, "stageName");
        if (stageWide.Count > 0)
        {
            if (MethodSettings(c, logicalId, $"{stageId}MethodSettings", api, stageNameOfStage, PulumiLiteral.String("*/*"), stageWide) is not { } all)
            {
                return null;
            }

            result.Add(all);
        }

        for (var i = 0; i < (methodSettings?.Count ?? 0); i++)
        {
            if (methodSettings![i] is not JsonObject setting || ValueConverter.IsIntrinsic(setting) || MethodPath(setting) is not { } path)
            {
                return null;
            }

            var fields = new JsonObject();
            foreach (var (key, value) in setting)
            {
                if (key is not ("ResourcePath" or "HttpMethod"))
                {
                    fields[key] = value?.DeepClone();
                }
            }

            if (MethodSettings(c, logicalId, $"{stageId}MethodSettings{i + 1}", api, stageNameOfStage, PulumiLiteral.String(path), fields) is not { } one)
            {
                return null;
            }

            result.Add(one);
        }

        return result;
    }

    private static PulumiResource? MethodSettings(ValueConverter c, string deployment, string name, PulumiValue api, PulumiValue stageName, PulumiValue path, JsonObject fields)
    {
        if (Entries(c, fields, MethodSettingProps) is not { } settings)
        {
            return null;
        }

        var resource = new PulumiResource(name, new("apigateway", "MethodSettings"), deployment);
        resource.Properties.Add(new("restApi", api));
        resource.Properties.Add(new("stageName", stageName));
        resource.Properties.Add(new("methodPath", path));
        resource.Properties.Add(new("settings", new PulumiObject(settings, "apigateway.MethodSettingsSettings")));
        return resource;
    }

    /// <summary>
    /// The classic <c>methodPath</c> (<c>{resource path}/{HTTP method}</c> without the leading slash, <c>*/*</c> for all)
    /// from CloudFormation's <c>ResourcePath</c> (slashes inside encoded as <c>~1</c>, e.g. <c>/~1items</c>) and
    /// <c>HttpMethod</c>. The root resource (<c>/</c>) has no classic spelling here.
    /// </summary>
    private static string? MethodPath(JsonObject setting)
    {
        var path = ValueConverter.PlanText(setting["ResourcePath"]);
        var method = ValueConverter.PlanText(setting["HttpMethod"]);
        if (path is null || method is null || !path.StartsWith('/') || path.Length < 2)
        {
            return null;
        }

        return $"{path[1..]}/{method}";
    }
}
