using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Spec.Tests.Tooling;

/// <summary>
/// Runs the <c>run</c> steps of the repository's composite GitHub Action (<c>action.yml</c>) the way a runner does:
/// each step's <c>env</c> with <c>${{ inputs.x }}</c> replaced by the given input or the input's declared default,
/// <c>bash -eo pipefail</c> on the step's script, <c>GITHUB_ACTION_PATH</c>, <c>GITHUB_PATH</c> (directories
/// added there are on the PATH of later steps), <c>GITHUB_OUTPUT</c> and <c>RUNNER_TEMP</c>. Steps that use another
/// action (<c>uses:</c>) need the network and are not run; <see cref="SkippedSteps"/> names them.
/// </summary>
public sealed partial class CompositeAction
{
    private readonly YamlMappingNode _action;
    private readonly string _actionPath;

    public CompositeAction(string actionPath)
    {
        _actionPath = actionPath;
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(actionPath, "action.yml")))
        {
            stream.Load(reader);
        }

        _action = (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>The declared inputs with their defaults.</summary>
    public IReadOnlyDictionary<string, string> Inputs =>
        Map(_action, "inputs").Children.ToDictionary(
            e => Scalar(e.Key),
            e => ((YamlMappingNode)e.Value).Children.TryGetValue(new YamlScalarNode("default"), out var d) ? Scalar(d) : "",
            StringComparer.Ordinal);

    public string Using => Scalar(Map(_action, "runs").Children[new YamlScalarNode("using")]);

    public IReadOnlyList<YamlMappingNode> Steps =>
        [.. ((YamlSequenceNode)Map(_action, "runs").Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()];

    public IEnumerable<string> SkippedSteps =>
        Steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("uses"))).Select(s => Scalar(s.Children[new YamlScalarNode("uses")]));

    /// <summary>
    /// Runs every <c>run</c> step in <paramref name="workspace"/> with <paramref name="inputs"/> (an undeclared input is
    /// an error, as on GitHub); stops at the first failing step, as a runner does.
    /// </summary>
    public ActionRun Run(string workspace, string runnerTemp, IReadOnlyDictionary<string, string> inputs,
        IReadOnlyDictionary<string, string?> environment)
    {
        var declared = Inputs;
        foreach (var name in inputs.Keys.Where(n => !declared.ContainsKey(n)))
        {
            throw new ArgumentException($"action.yml declares no input '{name}'");
        }

        var values = declared.ToDictionary(d => d.Key, d => inputs.GetValueOrDefault(d.Key, d.Value), StringComparer.Ordinal);
        Directory.CreateDirectory(runnerTemp);
        var githubPath = Path.Combine(runnerTemp, "github_path");
        var githubOutput = Path.Combine(runnerTemp, "github_output");
        File.WriteAllText(githubOutput, "");
        if (!File.Exists(githubPath))
        {
            File.WriteAllText(githubPath, "");
        }

        var runs = new List<ProcessRun>();
        foreach (var step in Steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))))
        {
            Assert.Equal("bash", Scalar(step.Children[new YamlScalarNode("shell")]));
            var env = new Dictionary<string, string?>(environment)
            {
                ["GITHUB_ACTION_PATH"] = _actionPath,
                ["GITHUB_PATH"] = githubPath,
                ["GITHUB_OUTPUT"] = githubOutput,
                ["RUNNER_TEMP"] = runnerTemp,
                ["PATH"] = string.Join(Path.PathSeparator,
                    File.ReadAllLines(githubPath).Where(l => l.Length > 0).Reverse()
                        .Append(System.Environment.GetEnvironmentVariable("PATH") ?? "")),
            };
            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var stepEnv))
            {
                foreach (var (name, value) in ((YamlMappingNode)stepEnv).Children)
                {
                    env[Scalar(name)] = Substitute(Scalar(value), values);
                }
            }

            var script = Path.Combine(runnerTemp, $"step-{runs.Count}.sh");
            File.WriteAllText(script, Scalar(step.Children[new YamlScalarNode("run")]));
            var run = ExternalProcess.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], workspace, env,
                TimeSpan.FromMinutes(5));
            runs.Add(run);
            if (run.ExitCode != 0)
            {
                break;
            }
        }

        var outputs = File.ReadAllLines(githubOutput).Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new ActionRun(runs, outputs);
    }

    [GeneratedRegex(@"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex InputExpression();

    private static string Substitute(string value, Dictionary<string, string> inputs) =>
        InputExpression().Replace(value, m => inputs.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new ArgumentException($"action.yml reads an undeclared input '{m.Groups[1].Value}'"));

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}

/// <summary>The steps that ran (in order) and the outputs they wrote to <c>GITHUB_OUTPUT</c>.</summary>
public sealed record ActionRun(IReadOnlyList<ProcessRun> Steps, IReadOnlyDictionary<string, string> Outputs)
{
    public ProcessRun Last => Steps[^1];

    public override string ToString() => string.Join("\n", Steps);
}
