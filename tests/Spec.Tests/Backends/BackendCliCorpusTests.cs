using Spec.Tests.Cli;

namespace Spec.Tests.Backends;

/// <summary>The backend commands end to end on real corpus specs: every compile target, and package twice.</summary>
public sealed class BackendCliCorpusTests
{
    public static TheoryData<string> Cases => new() { "sls-examples/aws-node-rest-api", "sls-examples/aws-node-http-api" };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Corpus_compiles_to_every_target_and_packages_deterministically_RequiresShared(string name)
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        using var dir = new TempDir();
        File.Copy(Path.Combine(SharedData.Corpus!, name, "serverless.yml"), Path.Combine(dir.Path, "serverless.yml"));

        foreach (var target in new[] { "cloudformation", "pulumi-ts", "pulumi-yaml", "pulumi-csharp" })
        {
            var run = CliRunner.InProcess(dir.Path, "compile", "--target", target);
            Assert.True(run.ExitCode == 0, $"{target}: {run}");
        }

        Assert.True(File.Exists(Path.Combine(dir.Path, ".spec", "cloudformation-template-update-stack.json")));
        Assert.True(File.Exists(Path.Combine(dir.Path, ".spec", "pulumi-ts", "index.ts")));
        Assert.True(File.Exists(Path.Combine(dir.Path, ".spec", "pulumi-yaml", "Pulumi.yaml")));
        Assert.True(File.Exists(Path.Combine(dir.Path, ".spec", "pulumi-csharp", "Program.cs")));

        using var outputs = new TempDir();
        var first = CliRunner.InProcess(dir.Path, "package", "--output", Path.Combine(outputs.Path, "1"));
        var second = CliRunner.InProcess(dir.Path, "package", "--output", Path.Combine(outputs.Path, "2"));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (var file in Directory.GetFiles(Path.Combine(outputs.Path, "1")))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(outputs.Path, "2", Path.GetFileName(file))));
        }
    }
}
