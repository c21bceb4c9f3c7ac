using Spec.Core.Schema;
using Spec.Tests.Cli;

namespace Spec.Tests.Schema;

public sealed class SchemaCommandTests
{
    [Fact]
    public void SpecSchema_PrintsTheGeneratedSchema()
    {
        var run = CliRunner.InProcess(Path.GetTempPath(), "schema");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(SchemaGenerator.Generate(), run.Out);
    }

    [Fact]
    public void SpecSchema_Output_WritesTheFileRelativeToTheWorkingDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "spec-schema-cmd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var run = CliRunner.InProcess(dir, "schema", "--output", "out/serverless.schema.json");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Empty, run.Out);
            Assert.Equal(File.ReadAllText(RepoPaths.CheckedInSchema), File.ReadAllText(Path.Combine(dir, "out", "serverless.schema.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SpecSchema_UnwritableOutput_IsAnErrorNotACrash()
    {
        var file = Path.GetTempFileName();
        try
        {
            // A path below a regular file cannot be created.
            var run = CliRunner.InProcess(Path.GetTempPath(), "schema", "--output", Path.Combine(file, "s.json"));
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("error: cannot write", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
