using System.Diagnostics;
using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Conversion;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Tests.Backends;
using Xunit.Abstractions;

namespace Spec.Tests.Conversion;

/// <summary>
/// The SAM templates <c>spec convert --to sam</c> writes for the whole corpus (sls-examples and real-world), checked by
/// the real tools: every one is transformed offline by aws-sam-translator and the result passes cfn-lint, and the
/// transformed template declares the same functions and triggers as Spec's own CloudFormation for the spec. One Python
/// process transforms and lints all of them, once per test run (<c>sam_check.py</c>).
/// </summary>
public sealed class SamCorpusTests(ITestOutputHelper output)
{
    private const string ToolsSkip = "needs python3 with aws-sam-translator and cfn-lint (present on the build image)";

    private static readonly Lazy<CorpusRun> Runs = new(CorpusRun.Build);

    [SkippableFact]
    public void Corpus_SamTemplatesTransformAndPassCfnLint_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var run = Runs.Value;
        TestSkip.If(run.ToolsMissing, ToolsSkip);
        Assert.Equal(SharedData.CorpusCases().Count + SharedData.RealWorldCases().Count, run.Cases.Count);
        var lintListed = ReasonedList.Read(Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Conversion", "sam-lint-exceptions.txt"));
        var failures = new List<string>();
        foreach (var c in run.Cases.Values)
        {
            failures.AddRange(c.ConversionErrors.Select(e => $"{c.Name}: conversion: {e}"));
            failures.AddRange(c.TransformErrors.Select(e => $"{c.Name}: transform: {e}"));
            if (lintListed.ContainsKey(c.Name))
            {
                if (c.NewLintErrors.Count == 0)
                {
                    failures.Add($"{c.Name}: listed in sam-lint-exceptions.txt but cfn-lint passes now: remove it");
                }

                continue;
            }

            failures.AddRange(c.NewLintErrors.Select(e => $"{c.Name}: cfn-lint: {e}"));
        }

        output.WriteLine($"{run.Cases.Count} SAM templates, {run.Cases.Values.Count(c => c.Transformed is not null)} transformed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void Corpus_SamTemplatesDeclareTheSameFunctionsAndTriggers_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var run = Runs.Value;
        TestSkip.If(run.ToolsMissing, ToolsSkip);
        var listed = ReasonedList.Read(Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Conversion", "sam-equivalence-exceptions.txt"));
        var failures = new List<string>();
        var equivalent = 0;
        foreach (var c in run.Cases.Values)
        {
            var diffs = c.Transformed is null
                ? ["no transformed template"]
                : StackSummary.Of(c.Transformed, c.Region).Differences(StackSummary.Of(c.SpecTemplate, c.Region));
            if (diffs.Count == 0)
            {
                equivalent++;
                if (listed.ContainsKey(c.Name))
                {
                    failures.Add($"{c.Name}: listed as different but equivalent now: remove it from sam-equivalence-exceptions.txt");
                }
            }
            else if (!listed.ContainsKey(c.Name))
            {
                failures.Add($"{c.Name}:\n  " + string.Join("\n  ", diffs));
            }
            else
            {
                output.WriteLine($"{c.Name} (listed: {listed[c.Name]}):\n  " + string.Join("\n  ", diffs));
            }
        }

        failures.AddRange(listed.Keys.Where(k => !run.Cases.ContainsKey(k)).Select(k => $"{k}: listed but not a corpus case"));
        output.WriteLine($"equivalent: {equivalent}/{run.Cases.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Issue 13 asks for 95%; 170 of 175 (97%) are today. The list above pins the rest case by case: a case that
        // changes either way fails the test.
    }

    private sealed record SamCase(string Name, JsonObject SpecTemplate, IReadOnlyList<string> ConversionErrors)
    {
        public string Region { get; init; } = "us-east-1";

        public JsonObject? Transformed { get; set; }

        public List<string> TransformErrors { get; } = [];

        /// <summary>cfn-lint errors on the transformed template that it does not also report on the Framework's template
        /// for the same spec (by rule and finding).</summary>
        public List<string> NewLintErrors { get; } = [];
    }

    private sealed class CorpusRun
    {
        public Dictionary<string, SamCase> Cases { get; } = new(StringComparer.Ordinal);

        public bool ToolsMissing { get; private init; }

        public static CorpusRun Build()
        {
            if (!ToolsPresent())
            {
                return new CorpusRun { ToolsMissing = true };
            }

            var run = new CorpusRun();
            var dir = Path.Combine(Path.GetTempPath(), "spec-sam-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                foreach (var c in CorpusCase.All().Concat(CorpusCase.RealWorld()))
                {
                    var diagnostics = new DiagnosticBag();
                    var resolved = c.Resolve(diagnostics);
                    var service = PlanBuilder.Bind(resolved, diagnostics);
                    var spec = CloudFormationCompiler.Compile(resolved, new DiagnosticBag()).Template;
                    var before = diagnostics.Items.Count;
                    if (service is not null)
                    {
                        var template = SamTemplate.Write(service, diagnostics);
                        File.WriteAllText(Path.Combine(dir, c.Name + ".yaml"), SamTemplate.Render(template, TemplateFormat.Yaml));
                        File.WriteAllText(Path.Combine(dir, c.Name + ".region"), service.Region);
                        File.Copy(Path.Combine(c.Directory, "expected.cloudformation.json"), Path.Combine(dir, c.Name + ".baseline.json"));
                    }

                    var errors = service is null
                        ? ["the spec does not bind"]
                        : diagnostics.Items.Skip(before).Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();
                    run.Cases[c.Name] = new SamCase(c.Name, spec, errors) { Region = service?.Region ?? "us-east-1" };
                }

                var results = JsonNode.Parse(Python(dir))!.AsObject();
                foreach (var (name, result) in results)
                {
                    var c = run.Cases[name];
                    c.TransformErrors.AddRange((result?["transform"] as JsonArray ?? []).Select(e => e!.GetValue<string>()));
                    var baseline = (result?["baseline"] as JsonArray ?? []).Select(e => RuleAndPath(e!.GetValue<string>())).ToHashSet();
                    c.NewLintErrors.AddRange((result?["lint"] as JsonArray ?? []).Select(e => e!.GetValue<string>())
                        .Where(e => !baseline.Contains(RuleAndPath(e))));
                    var transformed = Path.Combine(dir, name + ".cfn.json");
                    if (File.Exists(transformed))
                    {
                        c.Transformed = JsonNode.Parse(File.ReadAllText(transformed))!.AsObject();
                    }
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }

            return run;
        }

        /// <summary>The rule and what it found, without the path (the SAM template names generated resources
        /// differently) and without the list of valid ids a dangling reference's message carries.</summary>
        private static string RuleAndPath(string finding)
        {
            var rule = finding.Split(' ')[0];
            var message = finding[(finding.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            foreach (var cut in new[] { " is not one of ", " does not match " })
            {
                var at = message.IndexOf(cut, StringComparison.Ordinal);
                if (at > 0)
                {
                    message = message[..at];
                }
            }

            return rule + " " + message;
        }

        private static bool ToolsPresent()
        {
            try
            {
                var (exit, _) = Exec("python3", ["-c", "import samtranslator, cfnlint"], TimeSpan.FromMinutes(1));
                return exit == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        private static string Python(string dir)
        {
            var script = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Conversion", "sam_check.py");
            // A guard against a hung process, not a measure: the corpus takes minutes on two loaded cores.
            var (exit, stdout) = Exec("python3", [script, dir], TimeSpan.FromMinutes(30));
            Assert.True(exit == 0, "sam_check.py failed: " + stdout);
            return stdout;
        }

        private static (int Exit, string Out) Exec(string file, IEnumerable<string> args, TimeSpan timeout)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} did not finish in {timeout}");
            }

            return (process.ExitCode, process.ExitCode == 0 ? stdout.Result : stdout.Result + stderr.Result);
        }
    }
}
