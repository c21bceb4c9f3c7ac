using System.Text.Json;
using Spec.Core.Schema.Catalog;

namespace Spec.Tests.Schema;

/// <summary>
/// The schema's runtime enum agrees with the rules' runtime table (<c>src/Spec.Rules/Data/lambda-runtimes.json</c>).
/// The ranges no longer need a test of their own: limits.json takes them from the key catalogue.
/// (<c>SPEC_RULES_DATA</c> may point at a folder holding the data files.)
/// </summary>
public sealed class RuleLimitsAgreementTests
{
    private const string SkipReason = "src/Spec.Rules/Data/limits.json is not in this checkout (it arrives with the rules branch)";

    [SkippableFact]
    public void RuntimeEnum_EqualsTheRulesRuntimeTable()
    {
        var data = DataFolder();
        Skip.If(data is null, SkipReason);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "lambda-runtimes.json")));
        var rules = json.RootElement.GetProperty("runtimes").EnumerateArray()
            .Select(r => r.GetProperty("identifier").GetString()!).Order(StringComparer.Ordinal);
        var schema = SpecCatalog.Provider.Object!.Find("runtime")!.Shape.Enum!.Cast<string>().Order(StringComparer.Ordinal);
        Assert.Equal(rules, schema);
    }

    private static string? DataFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SPEC_RULES_DATA");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "limits.json")))
        {
            return fromEnv;
        }

        var inRepo = Path.Combine(RepoPaths.Root, "src", "Spec.Rules", "Data");
        return File.Exists(Path.Combine(inRepo, "limits.json")) ? inRepo : null;
    }
}
