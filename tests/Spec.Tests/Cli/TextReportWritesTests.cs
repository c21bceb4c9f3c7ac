using Spec.Cli.Output;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Tests.Cli;

/// <summary>The text report goes to its writer in blocks: standard error writes through at every call, and a finding
/// is a few dozen pieces (issue 17: the warnings of a 10,000-function compile were hundreds of thousands of writes).</summary>
public sealed class TextReportWritesTests
{
    [Fact]
    public void Hundreds_of_findings_reach_the_writer_in_a_few_block_writes_and_read_as_written_piece_by_piece()
    {
        using var dir = new TempDir();
        var text = "service: s\nprovider: {name: aws, runtime: nodejs22.x}\nfunctions:\n" + string.Concat(
            Enumerable.Range(0, 300).Select(i => $"  f{i}:\n    handler: ${{self:custom.missing{i}}}\n"));
        var result = new SpecPipeline().RunText(dir.Write("serverless.yml", text), text, ResolveOptions.Empty);
        Assert.Equal(300, result.Diagnostics.Count);
        var output = new CountingWriter();

        new TextCheckRenderer(useColor: false).Render(new CheckReport([result]), output);

        var report = output.ToString();
        Assert.True(output.Writes <= (report.Length / BlockWriter.BlockSize) + 2, $"{output.Writes} writes for {report.Length} characters");
        Assert.Contains("custom.missing299", report, StringComparison.Ordinal);
        Assert.EndsWith("300 errors, 0 warnings" + Environment.NewLine, report, StringComparison.Ordinal);
    }

    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }

        public override void Write(char value)
        {
            Writes++;
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Writes++;
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Writes++;
            base.Write(buffer, index, count);
        }

        // StringWriter's own span write would go on to Write(char[]…) in a derived type: counted once here.
        public override void Write(ReadOnlySpan<char> buffer)
        {
            Writes++;
            GetStringBuilder().Append(buffer);
        }
    }
}
