namespace Spec.Backends.Pulumi;

/// <summary>Lambda layers (top-level <c>layers:</c>).</summary>
internal static partial class ResourceMappings
{
    /// <summary>
    /// <c>AWS::Lambda::LayerVersion</c> → <c>aws:lambda:LayerVersion</c>: <c>Content</c> becomes <c>code</c>, a
    /// <c>FileArchive</c> of the packaged layer zip, like function code (the program builder adds it); <c>Ref</c> is the
    /// version ARN. <c>AWS::Lambda::LayerVersionPermission</c> stays in the leftover stack: AWS classic addresses the
    /// version by name and a <em>number</em> (<c>versionNumber</c>), and the layer's <c>version</c> output is a string
    /// that Pulumi YAML cannot turn into a number, so the stack gets the version ARN as a parameter instead.
    /// </summary>
    private static IEnumerable<ResourceMap> LayerMappings()
    {
        yield return new("AWS::Lambda::LayerVersion", new("lambda", "LayerVersion"),
        [
            S("LayerName", "layerName"), S("Description", "description"), S("LicenseInfo", "licenseInfo"),
            L("CompatibleRuntimes", "compatibleRuntimes"), L("CompatibleArchitectures", "compatibleArchitectures"),
            Skip("Content"), // replaced by a FileArchive of the packaged layer artifact (ProgramBuilder)
        ], "arn", A("LayerVersionArn", "arn"));
    }
}
