namespace Spec.Tests.Backends.Layers;

/// <summary>
/// What Serverless Framework 3.40.0 made of the corpus's <c>sls-examples-raw/aws-ffmpeg-layer</c>, which the corpus
/// could not hold as a packaged case (its layer needs CloudFormation while packaging), in
/// <c>Fixtures/ffmpeg-layer-corpus</c> (whose README.md says how it was made).
/// </summary>
internal static class FfmpegLayerCorpusFixture
{
    private const string Folder = "Backends/Layers/Fixtures/ffmpeg-layer-corpus/";

    public static string Template => FixtureFiles.Text(Folder + "expected.cloudformation.json");

    /// <summary>The zip of the one-file <c>layer/</c> folder (<c>layer/ffmpeg</c>) the Framework packaged.</summary>
    public static byte[] LayerZip => FixtureFiles.Bytes(Folder + "ffmpeg.zip");
}
