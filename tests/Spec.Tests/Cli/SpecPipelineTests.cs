using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;

namespace Spec.Tests.Cli;

public sealed class SpecPipelineTests
{
    [Fact]
    public void Pipeline_runs_load_resolve_and_bind_on_a_discovered_spec()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", CheckCommandTests.ValidSpec);

        var result = new SpecPipeline().Run(dir.Path, ResolveOptions.FromArguments(["--stage", "prod"],
            new Dictionary<string, string>()));

        Assert.False(result.CouldNotProcess);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(Path.Combine(dir.Path, "serverless.yml"), result.ConfigPath);
        Assert.NotNull(result.Loaded);
        Assert.Equal("prod", result.Resolved?.Stage);
        Assert.NotNull(result.Service);
    }

    [Fact]
    public void Pipeline_stops_after_the_requested_stage()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", CheckCommandTests.ValidSpec);

        var loadOnly = new SpecPipeline().Run(file, ResolveOptions.Empty, PipelineStage.Load);
        var resolveOnly = new SpecPipeline().Run(file, ResolveOptions.Empty, PipelineStage.Resolve);

        Assert.Null(loadOnly.Resolved);
        Assert.NotNull(resolveOnly.Resolved);
        Assert.Null(resolveOnly.Service);
    }

    [Fact]
    public void Pipeline_sorts_diagnostics_by_line_column_and_id()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", """
            service: demo
            provider:
              name: aws
              timout: 3
            functions:
              hello:
                handlr: h.h
            custom:
              a: ${self:custom.b}
              b: ${self:custom.a}
            """);

        var result = new SpecPipeline().Run(file, ResolveOptions.Empty);

        Assert.True(result.Diagnostics.Count >= 4, string.Join("\n", result.Diagnostics));
        var keys = result.Diagnostics.Select(d => (d.Span!.Line, d.Span.Column, d.Id)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Line).ThenBy(k => k.Column).ThenBy(k => k.Id, StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Pipeline_flags_input_it_cannot_process()
    {
        using var dir = new TempDir();
        var list = dir.Write("list.yml", "- a\n");
        var binary = dir.Write("bin.yml", new byte[] { 0, 1, 2 });

        Assert.True(new SpecPipeline().Run(list, ResolveOptions.Empty).CouldNotProcess);
        Assert.True(new SpecPipeline().Run(binary, ResolveOptions.Empty).CouldNotProcess);
        Assert.True(new SpecPipeline().Run(Path.Combine(dir.Path, "missing.yml"), ResolveOptions.Empty).CouldNotProcess);
    }

    [Fact]
    public void DiagnosticOrder_puts_unlocated_diagnostics_last_and_breaks_ties_by_id_then_message()
    {
        var at = SourceSpan.At("a.yml", 2, 3);
        Diagnostic[] input =
        [
            new("SLS-GEN-003", Severity.Error, "z", null),
            new("SLS-GEN-002", Severity.Error, "b", at),
            new("SLS-GEN-002", Severity.Error, "a", at),
            new("SLS-GEN-001", Severity.Warning, "c", at),
            new("SLS-GEN-009", Severity.Error, "d", SourceSpan.At("a.yml", 1, 9)),
        ];

        var sorted = DiagnosticOrder.Sort(input);

        Assert.Equal(["d", "c", "a", "b", "z"], sorted.Select(d => d.Message));
    }
}
