using Spec.Core.Schema;

namespace Spec.Tests.Schema;

/// <summary>
/// A Framework default is written once, in the key catalogue: no source file outside <c>Schema/Catalog</c> spells it
/// again (the binder applies it; the plan, the rules and print read the model or the catalogue). The keys checked are
/// those whose default is a distinctive literal, so a second copy (a <c>?? "nodejs16.x"</c> in a lowering) is found
/// by its text; the Framework's own schema (<c>Print/FrameworkSchema.cs</c>, a labelled data file) is exempt.
/// </summary>
public sealed class DefaultsWrittenOnceTests
{
    private static readonly string[] Keys =
    [
        "provider.runtime",
        "provider.architecture",
        "provider.deploymentMethod",
        "provider.endpointType",
        "provider.websocketsDescription",
        "provider.websocketsApiRouteSelectionExpression",
        "functions.*.url.invokeMode",
        "functions.*.events.http.integration",
        "functions.*.events.http.authorizer.identitySource",
        "functions.*.events.stream.startingPosition",
        "functions.*.events.msk.startingPosition",
        "functions.*.events.kafka.startingPosition",
        "functions.*.events.s3.event",
        "stepFunctions.stateMachines.*.type",
    ];

    [Fact]
    public void A_framework_default_is_spelt_only_in_the_catalogue()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var sources = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains(Path.Combine("Schema", "Catalog"), StringComparison.Ordinal)
                        && !f.EndsWith(Path.Combine("Print", "FrameworkSchema.cs"), StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(RepoPaths.Root, f), Text: File.ReadAllText(f)))
            .ToList();
        Assert.True(sources.Count > 100, $"only {sources.Count} source files found under {src}");

        var copies = new List<string>();
        foreach (var key in Keys)
        {
            var literal = "\"" + DefaultOf(key) + "\"";
            copies.AddRange(sources.Where(s => s.Text.Contains(literal, StringComparison.Ordinal))
                .Select(s => $"{s.Path} spells {literal}, the default of {key}"));
        }

        Assert.True(copies.Count == 0, "read the default from the model or the key catalogue instead:\n" + string.Join("\n", copies));
    }

    /// <summary>The check finds a copy: the catalogue's own file spells every default it checks.</summary>
    [Fact]
    public void The_check_finds_a_default_where_it_is_written()
    {
        var catalogue = string.Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Spec.Core", "Schema", "Catalog"), "*.cs")
            .Select(File.ReadAllText));
        Assert.All(Keys, key => Assert.Contains("\"" + DefaultOf(key) + "\"", catalogue, StringComparison.Ordinal));
    }

    private static string DefaultOf(string key) => KeyCatalog.Serverless.Default<string>(key);
}
