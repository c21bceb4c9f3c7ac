using Spec.Core.Diagnostics;
using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Bind;

/// <summary>
/// The binder's findings go where the user edits (issue 15 §2), like the rules': a value that came whole from one
/// variable at the variable's definition with the use related; an assembled value at the key that assembles it with
/// each variable's definition related.
/// </summary>
public sealed class BinderProvenanceTests
{
    private const string Yaml = """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x
        custom:
          size: large
          unit: MB
        functions:
          one:
            handler: handler.one
            memorySize: ${self:custom.size}
            timeout: x${self:custom.unit}
        """;

    private static Diagnostic Finding(string key) =>
        CataloguePipeline.Check("/tmp/serverless.yml", Yaml).Select(f => f.Diagnostic)
            .Single(d => d.Id == DiagnosticIds.Schema && d.Message.Contains($"'functions.one.{key}'", StringComparison.Ordinal));

    [Fact]
    public void A_value_whole_from_one_variable_points_at_its_definition_with_the_use_related()
    {
        var memory = Finding("memorySize");
        Assert.Equal((6, 9), (memory.Span!.Line, memory.Span.Column));
        Assert.Equal([(11, "the value is used here")], memory.Related.Select(r => (r.Span.Line, r.Message)));
    }

    [Fact]
    public void An_assembled_value_points_at_the_assembling_key_with_the_variables_related()
    {
        var timeout = Finding("timeout");
        Assert.Equal((12, 14), (timeout.Span!.Line, timeout.Span.Column));
        Assert.Equal([(7, "${self:custom.unit} takes its value from here")], timeout.Related.Select(r => (r.Span.Line, r.Message)));
    }
}
