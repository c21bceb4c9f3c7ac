using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Tests.Examples;

/// <summary>
/// Every spec under <c>examples/</c> with what each emitter makes of it, checked in under
/// <c>examples/&lt;name&gt;/expected/</c>. Re-bless with <c>SPEC_BLESS=1</c> after reviewing the difference.
/// </summary>
public class ExampleGoldenTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(Golden.RepositoryRoot, "examples")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void CloudFormation_json_and_yaml_match_the_golden_files(string example)
    {
        var resolved = Resolve(example);
        foreach (var (format, file) in new[] { (TemplateFormat.Json, "cloudformation.json"), (TemplateFormat.Yaml, "cloudformation.yaml") })
        {
            var diagnostics = new DiagnosticBag();
            var compiled = CloudFormationCompiler.Compile(resolved, diagnostics, format: format);
            Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
            Golden.Verify($"examples/{example}/expected/{file}", compiled.Text!);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pulumi_programs_match_the_golden_files(string example)
    {
        var resolved = Resolve(example);
        var diagnostics = new DiagnosticBag();
        var plan = PlanBuilder.Build(resolved, diagnostics);
        foreach (var (name, target) in new[] { ("pulumi-ts", PulumiTarget.TypeScript), ("pulumi-yaml", PulumiTarget.Yaml), ("pulumi-csharp", PulumiTarget.CSharp) })
        {
            foreach (var (path, content) in PulumiCompiler.Generate(PulumiSource.FromPlan(plan), target, diagnostics))
            {
                Golden.Verify($"examples/{example}/expected/{name}/{path}", content);
            }
        }

        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
    }

    /// <summary>The Elastic Beanstalk bundles, options files and companion template (<c>spec compile --target beanstalk</c>).</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void Beanstalk_bundles_match_the_golden_files(string example)
    {
        var compiled = Backends.Beanstalk.BeanstalkCompilation.OfFile(Path.Combine(Golden.RepositoryRoot, "examples", example, "serverless.yml"));
        Assert.Empty(compiled.Errors);
        var expected = Path.Combine(Golden.RepositoryRoot, "examples", example, "expected", "beanstalk");
        foreach (var file in compiled.Output!.Files)
        {
            Golden.Verify($"examples/{example}/expected/beanstalk/{file.Path}", System.Text.Encoding.UTF8.GetString(file.Content));
        }

        if (!Golden.Blessing)
        {
            var written = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(expected, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
            Assert.Equal(compiled.Output.Files.Select(f => f.Path), written);
        }
    }

    /// <summary>What <c>spec check</c> says about the example, as text and SARIF (rule dates pinned with --as-of).</summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void Check_output_matches_the_golden_files(string example)
    {
        var directory = Path.Combine(Golden.RepositoryRoot, "examples", example);
        foreach (var (format, file) in new[] { ("text", "check.txt"), ("sarif", "check.sarif") })
        {
            var run = Cli.CliRunner.Process(directory, "check", "serverless.yml", "--as-of", "2026-11-23", "--format", format);
            Assert.True(run.ExitCode is 0 or 1, run.ToString());
            Golden.Verify($"examples/{example}/expected/{file}", run.Out);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Emitters_are_deterministic(string example)
    {
        string Emit() => CloudFormationCompiler.Compile(Resolve(example), new DiagnosticBag()).Text!;
        Assert.Equal(Emit(), Emit());
    }

    private static ResolvedSpec Resolve(string example)
    {
        var result = new SpecPipeline().Run(Path.Combine(Golden.RepositoryRoot, "examples", example, "serverless.yml"),
            ResolveOptions.Empty);
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return result.Resolved!;
    }
}
