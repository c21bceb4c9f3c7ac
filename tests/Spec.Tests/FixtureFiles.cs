namespace Spec.Tests;

/// <summary>
/// Test data kept as files under the test project (a spec, what Serverless Framework made of it, the zips it wrote),
/// copied beside the test assembly by the project file. Each fixture folder's README.md says where its expected files
/// came from.
/// </summary>
internal static class FixtureFiles
{
    /// <summary>
    /// The text of a file below the test project (<c>Backends/Events/Fixtures/alb-full/serverless.yml</c>). Text
    /// fixtures end with a line break, which is not part of the value: a spec is the same text the test always used.
    /// </summary>
    public static string Text(string relativePath)
    {
        var text = File.ReadAllText(PathOf(relativePath));
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(PathOf(relativePath));

    /// <summary>A fixture folder's <c>serverless.yml</c> and the template the Framework packaged for it.</summary>
    public static (string Spec, string Framework) SpecAndTemplate(string folder) =>
        (Text(Path.Combine(folder, "serverless.yml")), Text(Path.Combine(folder, "expected.cloudformation.json")));

    private static string PathOf(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, relativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"test fixture {relativePath} is not beside the test assembly (is it copied by Spec.Tests.csproj?)", path);
    }
}
