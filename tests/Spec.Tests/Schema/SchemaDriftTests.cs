using Spec.Core.Schema;

namespace Spec.Tests.Schema;

public sealed class SchemaDriftTests
{
    [Fact]
    public void Generate_IsByteIdenticalAcrossRuns()
    {
        Assert.Equal(SchemaGenerator.Generate(), SchemaGenerator.Generate());
    }

    [Fact]
    public void Generate_UsesTwoSpaceIndentLfAndTrailingNewline()
    {
        var text = SchemaGenerator.Generate();
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n", text, StringComparison.Ordinal);
    }

    /// <summary>The checked-in schema is the generated one. Re-bless with <c>SPEC_BLESS=1</c> after changing the catalog.</summary>
    [Fact]
    public void CheckedInSchema_EqualsGeneratedSchema() =>
        Golden.Verify(RepoPaths.CheckedInSchema, SchemaGenerator.Generate());
}
