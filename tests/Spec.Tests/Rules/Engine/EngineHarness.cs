using Spec.Core.Diagnostics;
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
        return new RuleInput(documents, AsOf) { StageDiagnostics = [.. bag.Items] };
    }

    public static RuleRunOptions Options(params Rule[] rules) =>
        new() { Rules = rules, BaseDirectory = Directory.GetCurrentDirectory() };

    public static string Where(Diagnostic d) => $"{d.Id}@{d.Span?.Line}:{d.Span?.Column}";
}
