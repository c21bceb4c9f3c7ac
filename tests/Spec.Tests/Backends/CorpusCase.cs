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

    /// <summary>The cases of <c>shared/corpus/real-world</c>.</summary>
    public static IEnumerable<CorpusCase> RealWorld() => SharedData.RealWorldCases().Select(d => new CorpusCase(d));

    /// <summary>The case in <paramref name="directory"/> (a folder with <c>case.json</c>).</summary>
    public static CorpusCase At(string directory) => new(directory);

    public JsonObject ExpectedTemplate() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "expected.cloudformation.json")))!.AsObject();

    private string? Option(string name)
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

    /// <summary>The case's spec loaded and resolved with its CLI arguments and environment, as <c>spec</c> does.</summary>
    public ResolvedSpec Resolve(DiagnosticBag diagnostics)
    {
        var loaded = new YamlLoader().LoadFile(Path.Combine(Directory, ConfigFile), diagnostics);
        return VariableResolver.Resolve(loaded, ResolveOptions.FromArguments(Args, Environment), diagnostics);
    }
}
