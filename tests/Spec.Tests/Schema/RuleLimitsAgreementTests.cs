using System.Text.Json;
using Spec.Core.Schema.Catalog;

namespace Spec.Tests.Schema;

/// <summary>
/// The schema's runtime enum agrees with the rules' runtime table (<c>src/Spec.Rules/Data/lambda-runtimes.json</c>).
/// The ranges no longer need a test of their own: limits.json takes them from the key catalogue.
/// </summary>
public sealed class RuleLimitsAgreementTests
{
    [Fact]
    public void RuntimeEnum_EqualsTheRulesRuntimeTable()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "lambda-runtimes.json")));
        var rules = json.RootElement.GetProperty("runtimes").EnumerateArray()
            .Select(r => r.GetProperty("identifier").GetString()!).Order(StringComparer.Ordinal);
        var schema = SpecCatalog.Provider.Object!.Find("runtime")!.Shape.Enum!.Cast<string>().Order(StringComparer.Ordinal);
        Assert.Equal(rules, schema);
    }

    private static string DataFolder => Path.Combine(RepoPaths.Root, "src", "Spec.Rules", "Data");
}
