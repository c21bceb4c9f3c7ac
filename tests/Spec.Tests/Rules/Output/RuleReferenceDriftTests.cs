using Spec.Cli;
using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.Output;

namespace Spec.Tests.Rules.Output;

/// <summary>
/// <c>docs/rules.md</c> is generated from every diagnostic descriptor; this test fails when it drifts. Re-bless with
/// <c>SPEC_BLESS=1 dotnet test --filter FullyQualifiedName~RuleReferenceDrift</c>.
/// </summary>
public sealed class RuleReferenceDriftTests
{
    [Fact]
    public void Docs_rules_md_matches_the_generated_reference()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "rules.md");
        var expected = RuleDocsWriter.ReferencePage(DiagnosticCatalog.All);
        if (Golden.Blessing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with SPEC_BLESS=1 to generate it");
        Assert.True(expected == File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal),
            "docs/rules.md is out of date with the rule metadata; re-generate it with SPEC_BLESS=1");
    }

    [Fact]
    public void Help_uris_are_absolute_under_the_configurable_docs_base()
    {
        Assert.Equal("https://spec.invalid/docs/rules.md", RuleDocs.ReferencePageUnder(null).ToString());
        Assert.Equal("https://docs.example.com/spec/docs/rules.md",
            RuleDocs.ReferencePageUnder("https://docs.example.com/spec").ToString());
        Assert.Equal(RuleDocs.DefaultBaseUrl + "docs/rules.md", RuleDocs.ReferencePageUnder("not a url").ToString());
        Assert.True(RuleCatalog.Descriptors().All(r => r.HelpUri.IsAbsoluteUri && r.HelpUri.Fragment.Length > 1));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (Directory.Build.props) not found above the test assembly");
    }
}
