using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Core.Model;
using static Spec.Backends.Plan.PlanJson;

namespace Spec.Backends.Plan;

/// <summary>
/// Top-level <c>layers:</c> (reference §1.4, <c>compile/layers.js</c>): one <c>AWS::Lambda::LayerVersion</c> per layer,
/// a <c>LayerVersionPermission</c> per allowed account, and the version, hash and S3 key outputs. The hash is the
/// Framework's: SHA-1 of the resource as <c>JSON.stringify</c> writes it without <c>Content.S3Key</c>, then the zip's
/// bytes; a retained layer carries it in its logical ids so every change makes a new, kept version.
/// </summary>
internal static class LayerLowering
{
    public static void Layers(PlanContext ctx, PlanOptions options)
    {
        foreach (var unbound in ctx.Model.UnboundLayers)
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, $"layer '{unbound.Key}' must be a mapping",
                unbound.Value.Span);
        }

        foreach (var layer in ctx.Model.Layers)
        {
            Layer(ctx, options, layer);
        }
    }

    /// <summary>The zip file name of a layer: its <c>package.artifact</c>'s file name or <c>&lt;key&gt;.zip</c>.</summary>
    public static string ArtifactName(Layer layer) =>
        layer.Package?.Artifact?.Value is { } artifact ? System.IO.Path.GetFileName(artifact) : layer.Key + ".zip";

    private static void Layer(PlanContext ctx, PlanOptions options, Layer layer)
    {
        var key = layer.Key;
        var existingArtifact = layer.Package?.Artifact?.Value;
        if (existingArtifact is null && layer.Path?.Value is null)
        {
            ctx.Diagnostics.Error(CloudFormationDiagnosticIds.InvalidSpec, $"layer '{key}' has neither 'path' nor 'package.artifact'",
                layer.Node.Span, "set 'path' to the folder whose files make the layer, or 'package.artifact' to a zip");
            return;
        }

        var artifactName = ArtifactName(layer);
        var s3Key = $"{ctx.Plan.DeploymentPrefix}/{ctx.Service}/{ctx.Stage}/{Folder(options, artifactName)}/{artifactName}";
        ctx.Plan.Artifacts.Add(new PlanArtifact(null, artifactName, s3Key, existingArtifact) { LayerKey = key });

        var props = Object(("Content", Object(("S3Bucket", ctx.DeploymentBucketRef()))),
            ("LayerName", IsTruthy(layer.Name) ? ctx.Json(layer.Name) : key));
        if (IsTruthy(layer.Description))
        {
            props["Description"] = ctx.Json(layer.Description);
        }

        if (IsTruthy(layer.LicenseInfo))
        {
            props["LicenseInfo"] = ctx.Json(layer.LicenseInfo);
        }

        if (layer.CompatibleRuntimes.Count > 0)
        {
            props["CompatibleRuntimes"] = ctx.Json(layer.CompatibleRuntimes);
        }

        if (layer.CompatibleArchitectures.Count > 0)
        {
            props["CompatibleArchitectures"] = ctx.Json(layer.CompatibleArchitectures);
        }

        var body = Object(("Type", "AWS::Lambda::LayerVersion"), ("Properties", props));
        var sha = Hash(body, options.ArtifactContents.TryGetValue(artifactName, out var bytes)
            ? bytes
            : Encoding.UTF8.GetBytes($"layer:{key}:{existingArtifact ?? layer.Path?.Value}"));
        ((JsonObject)props["Content"]!)["S3Key"] = s3Key;

        var retain = layer.Retain?.Value == true;
        var baseId = Naming.FunctionName(key) + "LambdaLayer";
        var layerId = retain ? baseId + sha : baseId;
        if (retain)
        {
            body["DeletionPolicy"] = "Retain";
        }

        ctx.Add(layerId, body, PlanResourceKind.Layer, layer.Node.Span);
        foreach (var account in layer.AllowedAccounts)
        {
            var principal = account.Value ?? string.Empty;
            var wildcard = principal.IndexOf('*', StringComparison.Ordinal);
            var idPart = wildcard < 0 ? principal : principal[..wildcard] + "Wild" + principal[(wildcard + 1)..];
            var permissionId = Naming.FunctionName(key) + idPart + "LambdaLayerPermission" + (retain ? sha : string.Empty);
            var permission = Object(("Type", "AWS::Lambda::LayerVersionPermission"), ("Properties", Object(
                ("Action", "lambda:GetLayerVersion"), ("LayerVersionArn", Ref(layerId)),
                // An account id written unquoted is a YAML number: the principal is its digits as a string.
                ("Principal", account.Value is { } text ? JsonValue.Create(text) : ctx.Json(account)))));
            if (retain)
            {
                permission["DeletionPolicy"] = "Retain";
            }

            ctx.Add(permissionId, permission, PlanResourceKind.Layer, account.Node.Span);
        }

        ctx.Plan.Outputs[baseId + "QualifiedArn"] = Object(("Description", "Current Lambda layer version"), ("Value", Ref(layerId)));
        ctx.Plan.Outputs[baseId + "Hash"] = Object(("Description", "Current Lambda layer hash"), ("Value", sha));
        ctx.Plan.Outputs[baseId + "S3Key"] = Object(("Description", "Current Lambda layer S3Key"), ("Value", s3Key));
    }

    /// <summary>JavaScript truthiness of a written string (an intrinsic is an object: truthy).</summary>
    private static bool IsTruthy(Setting<string?> setting) => setting.IsWritten && setting.Value is not "";

    private static bool IsTruthy(Spanned<string?>? value) => value is not null && value.Value is not "";

    /// <summary>
    /// The S3 folder of a layer zip, named after that zip alone: an unchanged layer keeps its S3 key, so CloudFormation
    /// publishes no new version, as the Framework achieves by reusing the last deployment's key when the hash is the same.
    /// </summary>
    private static string Folder(PlanOptions options, string artifactName) =>
        options.ArtifactHashes.TryGetValue(artifactName, out var hash)
            ? "layer-" + Convert.ToHexStringLower(Convert.FromBase64String(PlanBuilder.Sha256Base64(artifactName + "=" + hash)))[..16]
            : FunctionLowering.ArtifactFolder(options);

    /// <summary>The layer hash of a local layer the function references with <c>{Ref: &lt;Name&gt;LambdaLayer}</c>, or null.</summary>
    public static string? ReferencedLayerHash(PlanContext ctx, JsonNode? layerEntry) =>
        layerEntry is JsonObject { Count: 1 } o && o["Ref"] is JsonValue v && v.TryGetValue<string>(out var id)
            ? AsString(ctx.Plan.Outputs[id + "Hash"]?["Value"])
            : null;

    private static string Hash(JsonObject bodyWithoutS3Key, byte[] artifact)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        var json = new StringBuilder();
        WriteCompact(json, bodyWithoutS3Key);
        sha1.AppendData(Encoding.UTF8.GetBytes(json.ToString()));
        sha1.AppendData(artifact);
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }

    /// <summary><c>JSON.stringify(value)</c> without indentation: the bytes the Framework hashes.</summary>
    private static void WriteCompact(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                sb.Append('{');
                var firstMember = true;
                foreach (var (k, v) in o)
                {
                    sb.Append(firstMember ? string.Empty : ",");
                    firstMember = false;
                    TemplateJsonWriter.WriteString(sb, k);
                    sb.Append(':');
                    WriteCompact(sb, v);
                }

                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ",");
                    WriteCompact(sb, a[i]);
                }

                sb.Append(']');
                break;
            case JsonValue v:
                sb.Append(TemplateJsonWriter.Write(v));
                break;
            default:
                sb.Append("null");
                break;
        }
    }
}
