using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

/// <summary>Compiles a spec given as text to CloudFormation the way the backend tests need it: no variables resolved.</summary>
internal static class SpecCompilation
{
    /// <summary>
    /// Loads <paramref name="yaml"/> as <c>serverless.yml</c>, optionally rewrites the tree (to stand in for what Resolve
    /// would produce, such as deploy-time values), and compiles it for stage <c>dev</c>.
    /// </summary>
    public static (CompileResult Result, DiagnosticBag Diagnostics) Compile(string yaml, string region = "us-east-1",
        Func<Node?, Node?>? transform = null, string stage = "dev")
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        var root = transform is null ? loaded.Root : transform(loaded.Root);
        return (CloudFormationCompiler.Compile(new ResolvedSpec(loaded, root, stage, region), bag), bag);
    }
}
