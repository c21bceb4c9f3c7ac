using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Spec.Tests.Schema;

namespace Spec.Tests.Backends;

/// <summary>
/// The layering of <c>docs/adr/0001-backends-read-the-model.md</c>: <c>Spec.Backends</c> reads the bound model
/// (<c>Spec.Core.Model</c>), never the syntax tree (<c>Spec.Core.Syntax</c>), except through the documented
/// pass-through types. The backend's sources are compiled with Roslyn and every name they use is resolved, so a
/// new file that casts to <c>MappingNode</c> or indexes it fails here, wherever it sits in <c>src/Spec.Backends</c>.
/// </summary>
public sealed class BackendLayeringTests
{
    /// <summary>
    /// The syntax type a backend may name: <c>Node</c>, an opaque value the model carries for what is CloudFormation by
    /// nature (<c>resources:</c>, intrinsic functions, pass-through properties). A backend converts it to its own
    /// vocabulary as a whole and may say where it was written; it never looks inside.
    /// </summary>
    private const string OpaqueNode = "Spec.Core.Syntax.Node";

    /// <summary>What a backend may read of an opaque <see cref="OpaqueNode"/>: where it was written.</summary>
    private static readonly string[] OpaqueNodeMembers = ["Span", "EditSpan"];

    /// <summary>Where the spec is on disk (<c>ResolvedSpec.Loaded.Source.Path</c>): the packager leaves the spec file out
    /// of the zip, and a spec without a model is reported at its first line.</summary>
    private static readonly string[] SpecFileMembers = ["Spec.Core.Syntax.LoadResult.Source", "Spec.Core.Syntax.SourceText.Path"];

    /// <summary>The one file that converts raw values (scalars, lists, mappings, deploy-time values) to plan values.</summary>
    private static readonly string[] PassThroughFiles = ["Plan/SpecValues.cs"];

    /// <summary>Internals of the model a backend must not use: the quiet raw readers behind the model's typed views.</summary>
    private static readonly string[] ForbiddenModelTypes = ["Spec.Core.Model.RawValues"];

    /// <summary>What the SDK's implicit usings give every file of the project.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void Backends_read_the_model_not_the_syntax_tree()
    {
        var violations = Violations(BackendSources());

        Assert.True(violations.Count == 0,
            "Spec.Backends reads the bound model, not Spec.Core.Syntax (docs/adr/0001-backends-read-the-model.md); " +
            "give the model what the backend needs instead:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void A_backend_file_that_reads_a_mapping_node_is_reported()
    {
        const string probe = """
            using Spec.Core.Syntax;

            namespace Spec.Backends.Plan;

            internal static class Probe
            {
                public static string? Name(Node node) => (node as MappingNode)?["name"] is ScalarNode s ? s.Text : null;

                public static int Count(Node node) => node is MappingNode m ? m.Entries.Count : 0;
            }
            """;

        var violations = Violations([("Plan/Events/Probe.cs", probe)]);

        Assert.Contains("Plan/Events/Probe.cs:7: Spec.Core.Syntax.MappingNode", violations);
        Assert.Contains("Plan/Events/Probe.cs:7: MappingNode.this[]", violations);
        Assert.Contains("Plan/Events/Probe.cs:7: ScalarNode.Text", violations);
        Assert.Contains("Plan/Events/Probe.cs:9: MappingNode.Entries", violations);
    }

    [Fact]
    public void The_span_of_an_opaque_node_is_allowed()
    {
        const string probe = """
            using Spec.Core.Diagnostics;
            using Spec.Core.Syntax;

            namespace Spec.Backends.Plan;

            internal static class Probe
            {
                public static SourceSpan Where(Node node) => node.Span;
            }
            """;

        Assert.Empty(Violations([("Plan/Probe.cs", probe)]));
    }

    private static List<(string Path, string Text)> BackendSources()
    {
        var root = Path.Combine(RepoPaths.Root, "src", "Spec.Backends");
        return [.. Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(root, f))))];
    }

    /// <summary>Every use of a syntax type (or of a forbidden model internal) outside the pass-through files, as
    /// <c>file:line: symbol</c>.</summary>
    private static List<string> Violations(IReadOnlyList<(string Path, string Text)> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.cs"));
        // Named Spec.Backends: Spec.Core shows it its internals, as it does the real assembly.
        var compilation = CSharpCompilation.Create("Spec.Backends", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // The regex source generator does not run here: only its partial methods are left without a body.
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795")
            .ToList();
        Assert.True(errors.Count == 0, "the backend's sources must compile for the check to see every symbol:\n" +
                                       string.Join("\n", errors.Take(20)));

        var violations = new List<string>();
        foreach (var tree in trees.Where(t => !PassThroughFiles.Contains(t.FilePath, StringComparer.Ordinal)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or ElementAccessExpressionSyntax or ElementBindingExpressionSyntax))
                {
                    continue;
                }

                var info = model.GetSymbolInfo(node);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is not null && Forbidden(symbol) is { } what)
                {
                    var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                    violations.Add($"{tree.FilePath}:{line}: {what}");
                }
            }
        }

        return [.. violations.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>What is wrong with using <paramref name="symbol"/> in a backend, or null when it is allowed.</summary>
    private static string? Forbidden(ISymbol symbol)
    {
        if (symbol is INamedTypeSymbol type)
        {
            var name = type.OriginalDefinition.ToDisplayString();
            return IsSyntax(type) && name != OpaqueNode || ForbiddenModelTypes.Contains(name, StringComparer.Ordinal) ? name : null;
        }

        if (symbol is IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol && symbol.ContainingType is { } owner)
        {
            var name = owner.OriginalDefinition.ToDisplayString();
            if (ForbiddenModelTypes.Contains(name, StringComparer.Ordinal))
            {
                return name + "." + symbol.Name;
            }

            if (IsSyntax(owner) && !(name == OpaqueNode && OpaqueNodeMembers.Contains(symbol.Name, StringComparer.Ordinal))
                && !SpecFileMembers.Contains(name + "." + symbol.Name, StringComparer.Ordinal))
            {
                return owner.Name + "." + (symbol is IPropertySymbol { IsIndexer: true } ? "this[]" : symbol.Name);
            }
        }

        return null;
    }

    private static bool IsSyntax(INamedTypeSymbol type) =>
        type.ContainingNamespace.ToDisplayString() == "Spec.Core.Syntax";

    /// <summary>The shared framework (what the project targets) and Spec.Core, the backend's one project reference.</summary>
    private static ImmutableArray<MetadataReference> References()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetDirectoryName(p) == framework);
        return [.. platform.Select(p => MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(Spec.Core.Syntax.Node).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Spec.Rules.Engine.LimitTable).Assembly.Location)];
    }
}
