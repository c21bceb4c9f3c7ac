using Spec.Core.Bind.Sam;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Tests.Conversion;

/// <summary>The serverless-shaped mapping the SAM reader builds: a key added again takes its first place, small or
/// large (a large one is indexed: a template's functions are thousands).</summary>
public sealed class SamMappingTests
{
    private static readonly SourceSpan At = SourceSpan.At("template.yaml", 1, 1);

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(2000)]
    public void A_key_added_again_replaces_its_value_in_place_and_a_null_value_adds_nothing(int count)
    {
        var mapping = new SamMapping(At);
        for (var i = 0; i < count; i++)
        {
            mapping.Add($"f{i}", At, ScalarNode.String(At, $"first {i}"));
        }

        mapping.Add("f1", At, ScalarNode.String(At, "again")).Add("f2", At, null).Add("last", At, ScalarNode.String(At, "new"));

        var built = mapping.Build();
        Assert.Equal([.. Enumerable.Range(0, count).Select(i => $"f{i}"), "last"], built.Keys);
        Assert.Equal("again", ((ScalarNode)mapping["f1"]!).Text);
        Assert.Equal("first 2", ((ScalarNode)mapping["f2"]!).Text);
        Assert.Equal("new", ((ScalarNode)mapping["last"]!).Text);
        Assert.Null(mapping["missing"]);
        Assert.Equal(count + 1, mapping.Count);
    }
}
