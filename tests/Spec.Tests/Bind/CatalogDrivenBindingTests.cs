using System.Text.Json.Nodes;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Schema;
using Spec.Core.Syntax;
using Spec.Tests.Schema;

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

    private const string FunctionSpec = "service: a\nprovider: aws\nfunctions:\n  f:\n    handler: h.h\n    coldStartBudget: 5\n";

    [Fact]
    public void AKeyAddedToTheCatalogue_IsAcceptedByTheBinder()
    {
        var (_, real) = Bind(FunctionSpec, KeyCatalog.Serverless);
        Assert.Equal("unknown property 'coldStartBudget' in 'functions.f'", Assert.Single(real.Items).Message);

        var (service, extended) = Bind(FunctionSpec, WithColdStartBudget);
        Assert.Empty(extended.Items);
        Assert.NotNull(service);
    }

    [Fact]
    public void AKeyAddedToTheCatalogue_IsSuggestedForATypo()
    {
        var (_, bag) = Bind(FunctionSpec.Replace("coldStartBudget", "coldStartBuget", StringComparison.Ordinal), WithColdStartBudget);
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
        var (_, unlisted) = Bind(FunctionSpec, catalog);
        var d = Assert.Single(unlisted.Items);
        Assert.Equal((Severity.Warning, "unknown property 'coldStartBudget' in 'functions.f'"), (d.Severity, d.Message));
        Assert.Equal("'coldStartBudget' comes from the serverless-cold-start plugin, which 'plugins' does not list", d.Help);

        var (_, listed) = Bind("plugins: [serverless-cold-start]\n" + FunctionSpec, catalog);
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

    [Fact]
    public void AKeyTheCatalogueRequires_IsReportedMissing_WithTheCataloguesHint()
    {
        const string yaml = "service: a\nprovider: aws\nfunctions:\n  f:\n    handler: h.h\n    events:\n"
            + "      - sqs: {arn: 'arn:aws:sqs:us-east-1:123456789012:q'}\n";
        var (_, real) = Bind(yaml, KeyCatalog.Serverless);
        Assert.Empty(real.Items);

        var catalog = KeyCatalog.Serverless.WithChanged("functions.*.events.sqs.batchSize",
            p => p with { Required = true, RequiredHint = "say how many messages" });
        var (service, bag) = Bind(yaml, catalog);
        var d = Assert.Single(bag.Items);
        Assert.Equal((Severity.Error, "'functions.f.events[0].sqs' is missing the required property 'batchSize'"), (d.Severity, d.Message));
        Assert.Equal("say how many messages", d.Help);
        Assert.NotNull(service);
    }

    [Theory]
    [InlineData("provider: aws\n")]
    [InlineData("provider:\n  name: aws\n")]
    public void ADefaultChangedInTheCatalogue_ChangesTheModelsEffectiveValue(string provider)
    {
        var yaml = "service: a\n" + provider + "functions:\n  f:\n    handler: h.h\n    events:\n"
            + "      - sqs: arn:aws:sqs:us-east-1:123456789012:q\n      - sqs: {arn: 'arn:aws:sqs:us-east-1:123456789012:r'}\n";
        var catalog = KeyCatalog.Serverless
            .WithChanged("provider.timeout", p => p with { Default = 10L })
            .WithChanged("functions.*.events.sqs.batchSize", p => p with { Default = 5L });

        var (changed, bag) = Bind(yaml, catalog);
        Assert.Empty(bag.Items);
        Assert.Equal((10, SettingSource.Default), (changed!.Provider.Timeout.Value, changed.Provider.Timeout.Source));
        Assert.Equal(10, changed.Functions[0].Timeout.Value);
        Assert.All(changed.Functions[0].EventsOf<SqsEvent>(), e => Assert.Equal((5, SettingSource.Default), (e.BatchSize.Value, e.BatchSize.Source)));

        var (real, _) = Bind(yaml, KeyCatalog.Serverless);
        Assert.Equal(6, real!.Functions[0].Timeout.Value);
        Assert.All(real.Functions[0].EventsOf<SqsEvent>(), e => Assert.Equal(10, e.BatchSize.Value));
    }

    /// <summary>The model writes no default of its own: an initialiser takes the catalogue's (or, for what is not a
    /// key of serverless.yml, <see cref="Defaults"/>).</summary>
    [Fact]
    public void TheModelsInitialisers_WriteNoLiteralDefault()
    {
        var model = Path.Combine(RepoPaths.Root, "src", "Spec.Core", "Model");
        var literals = Directory.EnumerateFiles(model, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "Setting.cs") // where Setting<T>.CatalogDefault reads the catalogue
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"Setting<[^>]+>\.Default\((?!null\)|\[\]\)|Defaults\.)"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(literals);
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
