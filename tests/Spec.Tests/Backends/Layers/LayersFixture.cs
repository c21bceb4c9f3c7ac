namespace Spec.Tests.Backends.Layers;

/// <summary>
/// Services with top-level <c>layers:</c>, the templates Serverless Framework 3.40.0 <c>serverless package</c> made
/// for them and the layer zips it made, in <c>Fixtures/layers-*</c> (whose README.md says how they were made).
/// </summary>
internal static class LayersFixture
{
    private const string Folders = "Backends/Layers/Fixtures/layers-folders/";
    private const string Prebuilt = "Backends/Layers/Fixtures/layers-prebuilt/";

    /// <summary>Two layers from folders: one with every property, patterns and two allowed accounts; one retained.</summary>
    public static string FoldersSpec => FixtureFiles.Text(Folders + "serverless.yml");

    public static string FoldersTemplate => FixtureFiles.Text(Folders + "expected.cloudformation.json");

    /// <summary>The Framework's <c>common.zip</c> (layers/common without README.md) for <see cref="FoldersSpec"/>.</summary>
    public static byte[] FoldersCommonZip => FixtureFiles.Bytes(Folders + "common.zip");

    /// <summary>The Framework's <c>kept-layer.zip</c> for <see cref="FoldersSpec"/>.</summary>
    public static byte[] FoldersKeptZip => FixtureFiles.Bytes(Folders + "kept-layer.zip");

    /// <summary>
    /// A named deployment bucket, a layer from a prebuilt zip (<c>prebuilt/deps.zip</c>, the bytes of
    /// <see cref="FoldersCommonZip"/>), a retained layer open to every account, and <c>provider.layers</c>.
    /// </summary>
    public static string PrebuiltSpec => FixtureFiles.Text(Prebuilt + "serverless.yml");

    public static string PrebuiltTemplate => FixtureFiles.Text(Prebuilt + "expected.cloudformation.json");

    /// <summary>The Framework's <c>shared_tools.zip</c> (shared/ without the *.txt the service patterns exclude).</summary>
    public static byte[] PrebuiltSharedToolsZip => FixtureFiles.Bytes(Prebuilt + "shared_tools.zip");
}
