using System.Text.Json.Nodes;

namespace Spec.Backends.Pulumi;

/// <summary>Lambda layers (top-level <c>layers:</c>).</summary>
internal static partial class ResourceMappings
{
    /// <summary>
    /// <c>AWS::Lambda::LayerVersion</c> → <c>aws:lambda:LayerVersion</c>: <c>Content</c> becomes <c>code</c>, a
    /// <c>FileArchive</c> of the packaged layer zip, like function code (the program builder adds it); <c>Ref</c> is the
    /// version ARN. <c>AWS::Lambda::LayerVersionPermission</c> → <c>aws:lambda:LayerVersionPermission</c>, which names
    /// the layer and its version <em>number</em>: the layer's own <c>version</c> output is a string that Pulumi YAML
    /// cannot assign to a number (pulumi/pulumi-yaml#1073), so the number comes from <c>aws.lambda.getLayerVersion</c>
    /// on the layer's name, a lookup that waits for the layer and returns its newest version, the one just published.
    /// </summary>
    private static IEnumerable<ResourceMap> LayerMappings()
    {
        yield return new("AWS::Lambda::LayerVersion", new("lambda", "LayerVersion"),
        [
            S("LayerName", "layerName"), S("Description", "description"), S("LicenseInfo", "licenseInfo"),
            L("CompatibleRuntimes", "compatibleRuntimes"), L("CompatibleArchitectures", "compatibleArchitectures"),
            Skip("Content"), // replaced by a FileArchive of the packaged layer artifact (ProgramBuilder)
        ], "arn", A("LayerVersionArn", "arn"));

        yield return new("AWS::Lambda::LayerVersionPermission", new("lambda", "LayerVersionPermission"), [], "id", A())
        {
            Inputs = LayerVersionPermissionInputs,
        };
    }

    private static List<KeyValuePair<string, PulumiValue>>? LayerVersionPermissionInputs(ValueConverter c, JsonObject props)
    {
        if (props.Any(p => p.Key is not ("Action" or "LayerVersionArn" or "Principal" or "OrganizationId")) ||
            c.Str(props["Action"]) is not { } action || c.Str(props["Principal"]) is not PulumiLiteral principal ||
            LayerVersion(c.Str(props["LayerVersionArn"])) is not var (layerName, version))
        {
            return null;
        }

        // CloudFormation makes up the statement id; classic needs one: one permission per principal, so name it after it.
        var statement = "spec-" + (principal.Raw == "*" ? "all-accounts" : new string([.. principal.Raw.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')]));
        var inputs = new List<KeyValuePair<string, PulumiValue>>
        {
            new("action", action), new("layerName", layerName), new("principal", principal),
            new("statementId", PulumiLiteral.String(statement)), new("versionNumber", version),
        };
        if (props["OrganizationId"] is { } organization)
        {
            if (c.Str(organization) is not { } org)
            {
                return null;
            }

            inputs.Add(new("organizationId", org));
        }

        return inputs;
    }

    /// <summary>The layer name and version number of a layer version: this program's layer, or a literal version ARN.</summary>
    private static (PulumiValue Name, PulumiValue Version)? LayerVersion(PulumiValue? arn)
    {
        switch (arn)
        {
            case PulumiAttribute { Attribute: "arn" } layer:
                var name = new PulumiAttribute(layer.Resource, "layerName");
                return (name, new PulumiInvoke(ValueConverter.GetLayerVersion,
                    new PulumiObject([new("layerName", name)], null), "version"));
            case PulumiLiteral { Kind: PulumiLiteralKind.String } literal
                when literal.Raw.LastIndexOf(':') is > 0 and var colon &&
                     int.TryParse(literal.Raw.AsSpan(colon + 1), System.Globalization.NumberStyles.None,
                         System.Globalization.CultureInfo.InvariantCulture, out _):
                return (PulumiLiteral.String(literal.Raw[..colon]), new PulumiLiteral(literal.Raw[(colon + 1)..], PulumiLiteralKind.Number));
            default:
                return null;
        }
    }
}
