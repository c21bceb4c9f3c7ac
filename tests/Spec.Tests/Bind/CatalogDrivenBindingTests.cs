using System.Text.Json.Nodes;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Schema;
using Spec.Core.Syntax;

namespace Spec.Tests.Bind;

/// <summary>
/// The binder and the JSON Schema read one catalogue: a key added to a catalogue (a fixture derived from the real one,
/// never the real one changed) is accepted by the binder and offered by the schema.
/// </summary>
public sealed class CatalogDrivenBindingTests
{
    private static readonly SpecProperty ColdStartBudget =
        new("coldStartBudget", new Shape { Number = new NumberFacet(true, 1, 100) }, "Test key: a budget in milliseconds.");

    private static readonly KeyCatalog WithColdStartBudget = KeyCatalog.Serverless.WithKey("functions.*", ColdStartBudget);

    private const string Spec = "service: a\nprovider: aws\nfunctions:\n  f:\n    handler: h.h\n    coldStartBudget: 5\n";

    [Fact]
    public void AKeyAddedToTheCatalogue_IsAcceptedByTheBinder()
    {
        var (_, real) = Bind(Spec, KeyCatalog.Serverless);
        Assert.Equal("unknown property 'coldStartBudget' in 'functions.f'", Assert.Single(real.Items).Message);

        var (service, extended) = Bind(Spec, WithColdStartBudget);
        Assert.Empty(extended.Items);
        Assert.NotNull(service);
    }

    [Fact]
    public void AKeyAddedToTheCatalogue_IsSuggestedForATypo()
    {
        var (_, bag) = Bind(Spec.Replace("coldStartBudget", "coldStartBuget", StringComparison.Ordinal), WithColdStartBudget);
        Assert.Equal("did you mean 'coldStartBudget'?", Assert.Single(bag.Items).Help);
    }

    [Fact]
    public void AKeyAddedToTheCatalogue_AppearsInTheSchema()
    {
        var key = FunctionProperties(SchemaGenerator.Generate(WithColdStartBudget))["coldStartBudget"];
        Assert.NotNull(key);
        Assert.StartsWith("Test key: a budget in milliseconds.", (string?)key["description"], StringComparison.Ordinal);
        Assert.Null(FunctionProperties(SchemaGenerator.Generate())["coldStartBudget"]);
    }

    [Fact]
    public void APluginKey_IsKnownOnlyWhenThePluginIsListed()
    {
        var catalog = KeyCatalog.Serverless.WithKey("functions.*", ColdStartBudget with { Plugin = "serverless-cold-start" });
        var (_, unlisted) = Bind(Spec, catalog);
        var d = Assert.Single(unlisted.Items);
        Assert.Equal((Severity.Warning, "unknown property 'coldStartBudget' in 'functions.f'"), (d.Severity, d.Message));
        Assert.Equal("'coldStartBudget' comes from the serverless-cold-start plugin, which 'plugins' does not list", d.Help);

        var (_, listed) = Bind("plugins: [serverless-cold-start]\n" + Spec, catalog);
        Assert.Empty(listed.Items);
    }

    [Fact]
    public void AMovedKey_IsReportedWithWhereItBelongs_AndKeptAsIgnored()
    {
        var catalog = KeyCatalog.Serverless.WithKey("provider", new SpecProperty("restApiTimeout", new Shape { Anything = true }, "Test key.")
        {
            MovedTo = "provider.apiGateway",
        });
        var (service, bag) = Bind("service: a\nprovider:\n  name: aws\n  restApiTimeout: 3\n", catalog);
        Assert.Equal("'restApiTimeout' is a v2 location that v3 ignores; it belongs under 'provider.apiGateway'", Assert.Single(bag.Items).Help);
        Assert.Equal("restApiTimeout", Assert.Single(service!.Provider.IgnoredV2Keys).Key.Text);
    }

    /// <summary>The <c>properties</c> of a function in the schema (the object that lists <c>handler</c> and <c>events</c>).</summary>
    private static JsonObject FunctionProperties(string schema)
    {
        var found = All(JsonNode.Parse(schema)!).OfType<JsonObject>()
            .Select(o => o["properties"] as JsonObject)
            .First(p => p is not null && p.ContainsKey("handler") && p.ContainsKey("events"));
        return found!;

        static IEnumerable<JsonNode> All(JsonNode node)
        {
            yield return node;
            var children = node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a.AsEnumerable(),
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>().SelectMany(All))
            {
                yield return child;
            }
        }
    }

    private static (Service? Service, DiagnosticBag Diagnostics) Bind(string yaml, KeyCatalog catalog)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return (Binder.Bind(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag, catalog), bag);
    }
}
