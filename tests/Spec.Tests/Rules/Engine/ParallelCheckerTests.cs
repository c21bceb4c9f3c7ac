using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Engine;
using Spec.Rules.Files;

namespace Spec.Tests.Rules.Engine;

public sealed class ParallelCheckerTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("spec-files-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Globs_expand_sorted_and_literal_arguments_pass_through()
    {
        var b = Write("services/b/serverless.yml", "x: 1\n");
        var a = Write("services/a/serverless.yml", "x: 1\n");
        Write("services/a/node_modules/dep/serverless.yml", "x: 1\n");
        Write("services/a/other.yml", "x: 1\n");
        var top = Write("serverless.yml", "x: 1\n");

        var expanded = SpecFileSet.Expand(["services/*/serverless.yml", "serverless.yml", "nothing/**/*.yml", "dir"], _root.FullName);
        Assert.Equal([a, b, "serverless.yml", "dir"], expanded.Paths);
        Assert.Equal(["nothing/**/*.yml"], expanded.Unmatched);

        var deep = SpecFileSet.Expand(["**/serverless.yml", top], _root.FullName);
        Assert.Equal([top, a, b], deep.Paths);
    }

    [Fact]
    public void Results_come_back_in_input_order_with_a_progress_line_only_when_asked()
    {
        var files = Enumerable.Range(0, 24)
            .Select(i => Write($"s{i:00}/serverless.yml", $"a:\n  timeout: {(i % 2 == 0 ? 1000 : 10)}\n"))
            .ToList();
        var rules = EngineHarness.Options(new TestRules.TimeoutTooLarge());
        RuleRunResult Check(string path)
        {
            var bag = new DiagnosticBag();
            var loaded = new YamlLoader().LoadFile(path, bag);
            return RuleEngine.Run(new RuleInput([loaded], EngineHarness.AsOf)
            {
                Service = EngineHarness.MinimalService((MappingNode)loaded.Root!),
            }, rules);
        }

        var progress = new StringWriter();
        var parallel = ParallelChecker.Run(files, Check, new ProgressLine(progress), maxDegreeOfParallelism: 4);
        var sequential = files.Select(Check).ToList();
        Assert.Equal(
            sequential.Select(r => string.Join(";", r.Diagnostics.Select(d => d.ToString()))),
            parallel.Select(r => string.Join(";", r.Diagnostics.Select(d => d.ToString()))));
        Assert.Equal(12, parallel.Count(r => r.Diagnostics.Count == 1));
        Assert.Contains("checked 24/24 files", progress.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r", progress.ToString(), StringComparison.Ordinal);

        var quiet = ParallelChecker.Run(files, Check);
        Assert.Equal(files.Count, quiet.Count);
    }
}
