using Spec.Tests.Cli;

namespace Spec.Tests.BadInput;

/// <summary>The 191 real specs of corpus/sls-examples-raw (60 non-AWS) go through the whole CLI without a crash.</summary>
public sealed class CorpusRobustnessTests
{
    [SkippableFact]
    public void RawCorpus_every_spec_is_checked_without_a_crash_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var raw = Path.Combine(SharedData.Corpus!, "sls-examples-raw");
        var files = Directory.EnumerateFiles(raw, "serverless.y*ml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(191, files.Count);

        var failures = new List<string>();
        foreach (var file in files)
        {
            var run = CliRunner.InProcess(Path.GetDirectoryName(file)!, "check", "--format", "json", file);
            if (run.ExitCode is not (0 or 1 or 2) || run.All.Contains("SPEC-INTERNAL", StringComparison.Ordinal))
            {
                failures.Add($"{Path.GetRelativePath(raw, file)}: {run}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
