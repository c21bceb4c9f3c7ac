using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>
/// Checked-in specs (<c>tests/Spec.Tests/Backends/Pulumi/Cases/&lt;name&gt;/serverless.yml</c>) that reach Pulumi mappings
/// no corpus case reaches; the corpus Pulumi run checks them with the corpus cases.
/// </summary>
internal static class PulumiLocalCases
{
    public static string Directory => Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Backends", "Pulumi", "Cases");

    /// <summary>Every case with a function that loads and resolves it as <c>spec --stage dev --region us-east-1</c> does.</summary>
    public static IEnumerable<(string Name, Func<DiagnosticBag, ResolvedSpec> Resolve)> All() =>
        System.IO.Directory.GetDirectories(Directory).Order(StringComparer.Ordinal).Select(dir => (Path.GetFileName(dir), (Func<DiagnosticBag, ResolvedSpec>)(diagnostics =>
        {
            var loaded = new YamlLoader().LoadFile(Path.Combine(dir, "serverless.yml"), diagnostics);
            return VariableResolver.Resolve(loaded, ResolveOptions.FromArguments(["--stage", "dev", "--region", "us-east-1"], new Dictionary<string, string>()), diagnostics);
        })));
}
