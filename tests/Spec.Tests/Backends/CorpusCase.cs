using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

/// <summary>One case of <c>shared/corpus/sls-examples</c>: its spec, CLI arguments, environment and expected template.</summary>
internal sealed class CorpusCase
{
    private CorpusCase(string directory)
    {
        Directory = directory;
        Name = Path.GetFileName(directory);
        var caseJson = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "case.json")))!.AsObject();
        Args = [.. (caseJson["args"] as JsonArray ?? []).Select(a => a!.GetValue<string>())];
        Environment = (caseJson["env"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        ConfigFile = caseJson["config"]?.GetValue<string>() ?? "serverless.yml";
    }

    public string Directory { get; }

    public string Name { get; }

    public IReadOnlyList<string> Args { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public string ConfigFile { get; }

    public static IEnumerable<CorpusCase> All() => SharedData.CorpusCases().Select(d => new CorpusCase(d));

    public JsonObject ExpectedTemplate() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "expected.cloudformation.json")))!.AsObject();

    public string? Option(string name)
    {
        for (var i = 0; i < Args.Count - 1; i++)
        {
            if (Args[i] == "--" + name)
            {
                return Args[i + 1];
            }
        }

        return null;
    }

    /// <summary>
    /// The resolved spec of the case. Until the variable resolver lands this reads the Framework's own resolved
    /// configuration (<c>expected.print.json</c>), so Plan and Emit are tested on exactly the input they will get.
    /// </summary>
    public ResolvedSpec Resolve(DiagnosticBag diagnostics)
    {
        var path = Path.Combine(Directory, "expected.print.json");
        var loaded = new YamlLoader().LoadText(Path.Combine(Directory, ConfigFile), File.ReadAllText(path), diagnostics);
        var provider = (loaded.Root as MappingNode)?["provider"] as MappingNode;
        var stage = Option("stage") ?? (provider?["stage"] as ScalarNode)?.Text ?? "dev";
        var region = Option("region") ?? (provider?["region"] as ScalarNode)?.Text ?? "us-east-1";
        return new ResolvedSpec(loaded, loaded.Root, stage, region);
    }
}
