using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Tests.Backends;
using Spec.Tests.Print;
using Xunit.Abstractions;

namespace Spec.Tests.Conformance;

/// <summary>
/// <c>tests/corpus/framework-suite</c>: the services the Serverless Framework's own unit tests (v3.40.0) run through
/// <c>runServerless</c>, each with what serverless@3.40.0 printed and packaged, or the error it stopped with. Every case
/// is checked three ways: <c>spec print</c> equals <c>serverless print</c>; the template equals the Framework's once the
/// volatile parts are masked; Spec refuses exactly the services the Framework refuses (an error from Load, Resolve,
/// Bind or the CloudFormation compiler). Cases that still differ are listed in <c>framework-suite-exceptions.txt</c>
/// with the reason; an unlisted difference or a listed case that conforms fails the test. The corpus is part of the
/// repository, so these tests always run.
/// </summary>
public sealed class FrameworkSuiteConformanceTests(ITestOutputHelper output)
{
    private const string Corpus = "framework-suite";
    private const string ExceptionsFile = "framework-suite-exceptions.txt";

    private static readonly Lazy<IReadOnlyList<CorpusCase>> AllCases = new(FindCases);

    [Fact]
    public void FrameworkSuite_PrintMatchesServerlessPrint() =>
        Check("print", c => File.Exists(Path.Combine(c.Directory, "expected.print.json")),
            c => PrintConformanceTests.Compare(c.Directory) is { } d ? [d] : []);

    [Fact]
    public void FrameworkSuite_TemplatesMatchTheFramework() =>
        Check("template", c => File.Exists(Path.Combine(c.Directory, "expected.cloudformation.json")),
            c => CfnConformanceTests.Run(c).Diffs);

    [Fact]
    public void FrameworkSuite_RefusesWhatTheFrameworkRefuses() => Check("verdict", _ => true, VerdictDifference);

    [Fact]
    public void FrameworkSuite_HoldsTheGeneratedCorpus()
    {
        var cases = AllCases.Value;
        Assert.True(cases.Count >= 200, $"expected the generated corpus (200+ cases), found {cases.Count}");
        foreach (var c in cases)
        {
            var hasTemplate = File.Exists(Path.Combine(c.Directory, "expected.cloudformation.json"));
            Assert.True(hasTemplate != FrameworkError(c) is not null,
                $"{c.Name}: a case holds either the Framework's template or its error");
        }
    }

    private void Check(string kind, Func<CorpusCase, bool> applies, Func<CorpusCase, IReadOnlyList<string>> differences) =>
        ConformanceCheck.Run(output, Corpus, ExceptionsFile, kind, [.. AllCases.Value.Where(applies)], differences);

    /// <summary>Empty when Spec accepts the case exactly when the Framework did.</summary>
    private static List<string> VerdictDifference(CorpusCase c)
    {
        var diagnostics = new DiagnosticBag();
        var resolved = c.Resolve(diagnostics);
        if (!diagnostics.HasErrors)
        {
            Binder.Bind(resolved, diagnostics);
        }

        if (!diagnostics.HasErrors)
        {
            CloudFormationCompiler.Compile(resolved, diagnostics);
        }

        var specError = diagnostics.Items.FirstOrDefault(d => d.Severity == Severity.Error);
        var frameworkError = FrameworkError(c);
        return (specError, frameworkError) switch
        {
            (null, { } message) => [$"Spec accepts; the Framework refuses: {FirstLine(message)}"],
            ({ } error, null) => [$"Spec refuses what the Framework accepts: {InCorpus(error.ToString(), c)}"],
            _ => [],
        };
    }

    private static string? FrameworkError(CorpusCase c) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(c.Directory, "case.json")))?["frameworkError"]?.GetValue<string>();

    private static string FirstLine(string text) => text.Split('\n')[0];

    /// <summary>The message with the corpus folder left out of its paths, so it reads the same on every machine.</summary>
    private static string InCorpus(string message, CorpusCase c) =>
        message.Replace(Path.GetDirectoryName(c.Directory) + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private static IReadOnlyList<CorpusCase> FindCases()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "corpus", Corpus, "cases");
            if (Directory.Exists(candidate))
            {
                return [.. Directory.GetDirectories(candidate).Order(StringComparer.Ordinal).Select(CorpusCase.At)];
            }
        }

        return [];
    }
}
