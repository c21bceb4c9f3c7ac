using System.Text.RegularExpressions;
using Spec.Core.Schema;

namespace Spec.Tests.Schema;

/// <summary>Lookup by path in the key catalogue (what the binder, the schema generator and an editor read).</summary>
public sealed partial class KeyCatalogTests
{
    private static readonly KeyCatalog Catalog = KeyCatalog.Serverless;

    [Fact]
    public void Find_GivesAKeyByPath_WithListItemsTransparent()
    {
        var batchSize = Catalog.Find("functions.*.events.sqs.batchSize");
        Assert.NotNull(batchSize);
        Assert.Equal("batchSize", batchSize.Name);
        Assert.Equal(10L, batchSize.Default);
        Assert.Equal((1L, 10000L), (batchSize.Shape.Number!.Minimum, batchSize.Shape.Number.Maximum));
        Assert.Same(batchSize, Catalog.Find("functions.*.events[].sqs.batchSize"));
    }

    [Fact]
    public void Find_AnswersAMapEntryWithTheValueShape_AndNullForUnknownPaths()
    {
        var function = Catalog.Find("functions.*");
        Assert.NotNull(function);
        Assert.Equal("*", function.Name);
        Assert.NotNull(function.Shape.Object!.Find("handler"));
        Assert.Null(Catalog.Find("functions.*.nope"));
        Assert.Null(Catalog.Find("custom.anything"));
    }

    [Fact]
    public void ObjectAt_GivesTheKeysOfAnObject_OrOfAListsItems()
    {
        Assert.NotNull(Catalog.ObjectAt("provider")!.Find("iam"));
        Assert.NotNull(Catalog.ObjectAt("provider.iam.role.statements")!.Find("Effect"));
        Assert.NotNull(Catalog.ObjectAt("functions.*.events")!.Find("sqs"));
        Assert.Null(Catalog.ObjectAt("functions"));
        Assert.Null(Catalog.ObjectAt("functions.*.handler"));
    }

    [Fact]
    public void PluginKeys_AreInTheCatalogue_WithTheirPlugin()
    {
        Assert.Equal("serverless-step-functions", Catalog.Find("stepFunctions")!.Plugin);
        Assert.Equal("serverless-lift", Catalog.Find("constructs")!.Plugin);
        Assert.Equal("serverless-plugin-warmup", Catalog.Find("functions.*.warmup")!.Plugin);
        Assert.Equal("serverless-iam-roles-per-function", Catalog.Find("functions.*.iamRoleStatements")!.Plugin);
        Assert.Null(Catalog.Find("functions.*.handler")!.Plugin);
    }

    [Fact]
    public void MovedV2Keys_AreKnown_ButNeverSuggested()
    {
        var provider = Catalog.ObjectAt("provider")!;
        Assert.Equal("provider.apiGateway", provider.Find("apiKeys")!.MovedTo);
        Assert.DoesNotContain("apiKeys", provider.Suggestable);
        Assert.Contains("apiGateway", provider.Suggestable);
    }

    [Fact]
    public void Default_IsTypedAndRefusesComputedOrMissingDefaults()
    {
        Assert.Equal(6, Catalog.Default<int?>("provider.timeout"));
        Assert.Equal("nodejs16.x", Catalog.Default<string?>("provider.runtime"));
        Assert.Equal(true, Catalog.Default<bool?>("provider.versionFunctions"));
        Assert.Throws<InvalidOperationException>(() => Catalog.Default<string?>("provider.stackName"));
        Assert.Throws<InvalidOperationException>(() => Catalog.Default<string?>("provider.profile"));
        Assert.Throws<InvalidOperationException>(() => Catalog.Default<string?>("provider.timeout"));
    }

    [Fact]
    public void WithKey_AddsAKey_WithoutChangingTheOriginal()
    {
        var extended = Catalog.WithKey("functions.*.events.sqs", new SpecProperty("priority", new Shape { Boolean = true }, "Test key."));
        Assert.NotNull(extended.Find("functions.*.events.sqs.priority"));
        Assert.Null(Catalog.Find("functions.*.events.sqs.priority"));
        Assert.Throws<InvalidOperationException>(() => Catalog.WithKey("functions.*.handler", new SpecProperty("x", new Shape(), "x")));
    }

    /// <summary>Every catalogue path written in the binder or the model names a key or object the catalogue has, so a
    /// misspelt path cannot wait in a rarely taken branch.</summary>
    [Fact]
    public void EveryCataloguePathInTheBinderAndTheModel_Exists()
    {
        var roots = Catalog.ObjectAt("")!.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var files = new[] { "Bind", "Model" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Spec.Core", d), "*.cs", SearchOption.AllDirectories));
        var checkedPaths = 0;
        var missing = new List<string>();
        foreach (var file in files)
        {
            foreach (Match m in CataloguePathLiteral().Matches(File.ReadAllText(file)))
            {
                var path = m.Groups[1].Value;
                if (!roots.Contains(path.Split('.')[0]) || !path.Contains('*', StringComparison.Ordinal) && !path.Contains('.', StringComparison.Ordinal))
                {
                    continue;
                }

                checkedPaths++;
                if (Catalog.Find(path) is null)
                {
                    missing.Add($"{Path.GetFileName(file)}: {path}");
                }
            }
        }

        Assert.True(checkedPaths > 50, $"only {checkedPaths} catalogue paths found; has the binder moved?");
        Assert.Empty(missing);
    }

    /// <summary>A plain (not interpolated) string literal that looks like a dotted path.</summary>
    [GeneratedRegex("""(?<![$@\w])"([A-Za-z][A-Za-z0-9]*(?:\.(?:\*|[A-Za-z][A-Za-z0-9]*))+)"(?!\s*\+)""")]
    private static partial Regex CataloguePathLiteral();
}
