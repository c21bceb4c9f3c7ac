using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.Fixes;
using static Spec.Tests.Rules.Engine.EngineHarness;

namespace Spec.Tests.Rules.Engine;

public class FixApplierTests
{
    private const string Spec = """
        # the worker drains the queue
        functions:
          worker:
            timeout: 1000   # long batch
            queue: jobs
            name: "x"
          other:
            timeout: '2000'
        """;

    [Fact]
    public void Fixes_apply_as_edits_that_keep_comments_and_layout_and_a_recheck_is_clean()
    {
        var rules = Options(new TestRules.TimeoutTooLarge(), new TestRules.QueueWithoutDlq());
        var first = RuleEngine.Run(Input(Spec), rules);
        Assert.Equal(3, first.Diagnostics.Count);
        var result = Assert.Single(FixApplier.Apply(first.Findings, _ => Spec));
        Assert.Equal(3, result.Applied.Count);
        Assert.Empty(result.Skipped);
        Assert.Equal("""
            # the worker drains the queue
            functions:
              worker:
                timeout: 900   # long batch
                queue: jobs
                name: "x"
                dlq: dead-letters
              other:
                timeout: '900'
            """, result.Text);
        Assert.Empty(RuleEngine.Run(Input(result.Text), rules).Diagnostics);
    }

    [Fact]
    public void Suppressed_findings_are_not_fixed()
    {
        const string yaml = "a:\n  timeout: 1000 # spec-ignore SLS-TEST-001 intended\n";
        var run = RuleEngine.Run(Input(yaml), Options(new TestRules.TimeoutTooLarge()));
        Assert.Empty(FixApplier.Apply(run.Findings, _ => yaml));
    }

    [Fact]
    public void Overlapping_and_stale_edits_are_skipped_whole()
    {
        const string text = "a: 1\nb: 2\n";
        SourceSpan Span(int line, int column, int start, int end) =>
            new("f.yml", new SourcePosition(line, column, start), new SourcePosition(line, column + end - start, end));
        var first = new Fix("one", [new TextEdit(Span(1, 4, 3, 4), "10")]);
        var overlapping = new Fix("two", [new TextEdit(Span(2, 4, 8, 9), "20"), new TextEdit(Span(1, 3, 2, 4), " 11")]);
        var stale = new Fix("three", [new TextEdit(Span(1, 4, 8, 9), "30")]);
        var result = FixApplier.Apply("f.yml", text, [first, overlapping, stale]);
        Assert.Equal("a: 10\nb: 2\n", result.Text);
        Assert.Equal([first], result.Applied);
        Assert.Equal([overlapping, stale], result.Skipped);
    }

    [Fact]
    public void Add_entry_refuses_flow_mappings_and_keeps_crlf()
    {
        var flow = Input("x: {queue: q}\n");
        var mapping = (Spec.Core.Syntax.MappingNode)((Spec.Core.Syntax.MappingNode)flow.Documents[0].Root!)["x"]!;
        Assert.Null(new RuleContext(TestRules.Metadata("SLS-TEST-002"), flow).AddEntry("t", mapping, "dlq", "d"));

        const string crlf = "x:\r\n  queue: q\r\ny: 1\r\n";
        var run = RuleEngine.Run(Input(crlf), Options(new TestRules.QueueWithoutDlq()));
        var fixedText = Assert.Single(FixApplier.Apply(run.Findings, _ => crlf)).Text;
        Assert.Equal("x:\r\n  queue: q\r\n  dlq: dead-letters\r\ny: 1\r\n", fixedText);
    }

    [Fact]
    public void Changed_files_are_written_atomically()
    {
        var file = Path.Combine(Path.GetTempPath(), $"spec-fix-{Guid.NewGuid():N}.yml");
        try
        {
            File.WriteAllText(file, "t:\n  timeout: 1000\n");
            var run = RuleEngine.Run(Input(File.ReadAllText(file), file), Options(new TestRules.TimeoutTooLarge()));
            FixApplier.Write(FixApplier.Apply(run.Findings, File.ReadAllText));
            Assert.Equal("t:\n  timeout: 900\n", File.ReadAllText(file));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "." + Path.GetFileName(file) + "*"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("x:\n  queue: q\n  script: |\n    echo hi\ny: 1\n", "x:\n  queue: q\n  script: |\n    echo hi\n  dlq: dead-letters\ny: 1\n")]
    [InlineData("x:\n  queue: q\n  script: >-\n    echo hi\n\n\ny: 1\n", "x:\n  queue: q\n  script: >-\n    echo hi\n  dlq: dead-letters\n\n\ny: 1\n")]
    [InlineData("x:\n  queue: q\n  list:\n    - a\n    - b\n# trailing comment\ny: 1\n", "x:\n  queue: q\n  list:\n    - a\n    - b\n  dlq: dead-letters\n# trailing comment\ny: 1\n")]
    public void Added_entries_go_after_the_last_line_of_block_values(string yaml, string expected)
    {
        var run = RuleEngine.Run(Input(yaml), Options(new TestRules.QueueWithoutDlq()));
        var text = Assert.Single(FixApplier.Apply(run.Findings, _ => yaml)).Text;
        Assert.Equal(expected, text);
    }
}
