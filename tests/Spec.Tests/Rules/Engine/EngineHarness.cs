using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Tests.Rules.Engine;

internal static class EngineHarness
{
    public static readonly DateOnly AsOf = new(2026, 11, 23);

    public static RuleInput Input(string yaml, string path = "serverless.yml") => Input((path, yaml));

    public static RuleInput Input(params (string Path, string Yaml)[] files)
    {
        var bag = new DiagnosticBag();
        var documents = files.Select(f => new YamlLoader().LoadText(f.Path, f.Yaml, bag)).ToList();
        var root = documents[0].Root as MappingNode;
        return new RuleInput(documents, AsOf)
        {
            Service = root is null ? null : MinimalService(root),
            StageDiagnostics = [.. bag.Items],
        };
    }

    /// <summary>A bound model with just the required parts: the test rules read the documents, not the model.</summary>
    public static Service MinimalService(MappingNode root)
    {
        var name = ScalarNode.String(root.Span, "demo");
        return new Service
        {
            Root = root,
            Name = new Spanned<string>("demo", name),
            Stage = "dev",
            Region = "us-east-1",
            Provider = new Provider
            {
                Node = name,
                Name = new Spanned<string>("aws", name),
                StackName = Setting<string?>.Default("demo-dev"),
            },
        };
    }

    public static RuleRunOptions Options(params Rule[] rules) =>
        new() { Rules = rules, BaseDirectory = Directory.GetCurrentDirectory() };

    public static string Where(Diagnostic d) => $"{d.Id}@{d.Span?.Line}:{d.Span?.Column}";
}
