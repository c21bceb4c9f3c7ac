namespace Spec.Tests.Schema;

/// <summary>Paths inside this checkout, found by walking up from the test assembly to <c>Spec.sln</c>.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spec.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Spec.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string CheckedInSchema => Path.Combine(Root, "schemas", "serverless.schema.json");

    public static string IdeFolder => Path.Combine(Root, "tests", "ide");
}
