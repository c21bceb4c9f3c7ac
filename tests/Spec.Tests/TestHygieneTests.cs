using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Spec.Tests;

/// <summary>
/// The suite's own rules, checked over its sources and its assembly: every skip goes through <see cref="TestSkip"/>,
/// the CI skip list names real tests, CI refuses to bless golden files, and every test reaches an assertion without a way to return before it. (A public
/// method of a test class without <c>[Fact]</c> is already a build error: xunit's analyzer xUnit1013.)
/// </summary>
public sealed partial class TestHygieneTests
{
    private static readonly Lazy<IReadOnlyList<(string Path, SyntaxTree Tree)>> Sources = new(ParseSources);

    private static readonly Type[] TestClasses =
        [.. typeof(TestHygieneTests).Assembly.GetTypes().Where(t => t.GetMethods().Any(IsTest))];

    [GeneratedRegex(@"(?<![\w.])Skip\.If(Not)?\(|new SkipException|\[(Fact|Theory|SkippableFact|SkippableTheory)\([^)\]]*Skip\s*=")]
    private static partial Regex DirectSkip();

    [Fact]
    public void Every_skip_goes_through_TestSkip()
    {
        var direct = Sources.Value
            .Where(s => Path.GetFileName(s.Path) is not ("TestSkip.cs" or "TestHygieneTests.cs"))
            .SelectMany(s => s.Tree.GetText().Lines
                .Where(l => DirectSkip().IsMatch(l.ToString()))
                .Select(l => $"{Relative(s.Path)}:{l.LineNumber + 1}: {l.ToString().Trim()}"))
            .ToList();

        Assert.True(direct.Count == 0, "skip with TestSkip.If (it fails under CI=true), not directly:\n" + string.Join("\n", direct));
    }

    [Fact]
    public void The_CI_skip_list_names_tests_that_skip_with_the_listed_reason()
    {
        var allowed = TestSkip.LoadAllowed();
        Assert.NotEmpty(allowed);
        foreach (var (test, reason) in allowed)
        {
            var dot = test.LastIndexOf('.');
            var method = typeof(TestHygieneTests).Assembly.GetType(test[..dot])?.GetMethod(test[(dot + 1)..]);
            Assert.True(method is not null && IsTest(method), $"{TestSkip.AllowedSkipsFile}: {test} is not a test method");
            Assert.False(string.IsNullOrWhiteSpace(reason), $"{TestSkip.AllowedSkipsFile}: {test} has no reason");
            var declaration = TestDeclarations().Single(d => d.Test == test).Method;
            Assert.True(declaration.ToString().Contains($"TestSkip.If(OperatingSystem.Is", StringComparison.Ordinal) &&
                        declaration.ToString().Contains('"' + reason + '"', StringComparison.Ordinal),
                $"{TestSkip.AllowedSkipsFile}: {test} does not skip on a platform check with \"{reason}\"");
        }
    }

    [Fact]
    public void A_skip_fails_under_CI_unless_listed_with_its_reason()
    {
        var (test, reason) = TestSkip.LoadAllowed().First();

        Assert.Null(TestSkip.FailureInCi(inCi: false, "Spec.Tests.Any.Test", "needs cfn-lint"));
        Assert.Contains("under CI=true a skip is a failure: needs cfn-lint", TestSkip.FailureInCi(inCi: true, "Spec.Tests.Any.Test", "needs cfn-lint"),
            StringComparison.Ordinal);
        Assert.NotNull(TestSkip.FailureInCi(inCi: true, null, "needs cfn-lint"));
        Assert.Null(TestSkip.FailureInCi(inCi: true, test, reason));
        Assert.NotNull(TestSkip.FailureInCi(inCi: true, test, "needs ../shared"));
    }

    [Fact]
    public void Blessing_golden_files_fails_under_CI()
    {
        Assert.False(Golden.BlessingIn(null, inCi: true));
        Assert.False(Golden.BlessingIn("0", inCi: false));
        Assert.True(Golden.BlessingIn("1", inCi: false));
        var refused = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Golden.BlessingIn("1", inCi: true));
        Assert.Contains("SPEC_BLESS=1 under CI=true", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_test_reaches_an_assertion_and_cannot_return_before_it()
    {
        var asserting = AssertingMethodNames();
        var problems = new List<string>();
        var declarations = TestDeclarations().ToList();
        Assert.Equal(TestClasses.Sum(t => t.GetMethods().Count(IsTest)), declarations.Count);
        foreach (var (test, method, path) in declarations)
        {
            var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
            if (body is null)
            {
                continue;
            }

            if (!Asserts(body, asserting))
            {
                problems.Add($"{test} ({Relative(path)}): reaches no assertion");
            }

            if (OwnStatements(body).OfType<ReturnStatementSyntax>().Any())
            {
                problems.Add($"{test} ({Relative(path)}): returns early, so some runs assert nothing");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool IsTest(MethodInfo method) => method.IsDefined(typeof(FactAttribute), inherit: true);

    /// <summary>
    /// Simple names of the methods of the test project that assert: whose body calls <c>Assert.*</c> or one of these
    /// methods (to a fixed point; <c>Golden.Verify</c> is one). <see cref="TestSkip"/> does not count: a skip is no check. Names, not symbols: a helper that
    /// shares its name with an asserting one counts as asserting, so this finds tests that assert nothing at all.
    /// </summary>
    private static HashSet<string> AssertingMethodNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var methods = Sources.Value
            .Where(s => Path.GetFileName(s.Path) != "TestSkip.cs")
            .SelectMany(s => s.Tree.GetRoot().DescendantNodes())
            .Select(n => n switch
            {
                MethodDeclarationSyntax m => (Name: m.Identifier.Text, Body: (SyntaxNode?)m.Body ?? m.ExpressionBody),
                LocalFunctionStatementSyntax l => (Name: l.Identifier.Text, Body: (SyntaxNode?)l.Body ?? l.ExpressionBody),
                _ => (Name: string.Empty, Body: null),
            })
            .Where(m => m.Body is not null)
            .ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var (name, body) in methods)
            {
                if (!names.Contains(name) && Asserts(body!, names))
                {
                    changed |= names.Add(name);
                }
            }
        }
        while (changed);

        return names;
    }

    private static bool Asserts(SyntaxNode body, HashSet<string> asserting) =>
        body.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
            .Any(m => m.Expression is IdentifierNameSyntax { Identifier.Text: "Assert" }) ||
        Calls(body).Any(asserting.Contains);

    private static IEnumerable<string> Calls(SyntaxNode body) =>
        body.DescendantNodesAndSelf().Select(n => n switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } => m.Name.Identifier.Text,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax i } => i.Identifier.Text,
            InvocationExpressionSyntax { Expression: GenericNameSyntax g } => g.Identifier.Text,
            IdentifierNameSyntax i when i.Parent is ArgumentSyntax => i.Identifier.Text, // a method group passed on
            _ => null,
        }).OfType<string>();

    /// <summary>The statements of a body, not those of the lambdas and local functions inside it.</summary>
    private static IEnumerable<SyntaxNode> OwnStatements(SyntaxNode body) =>
        body.DescendantNodesAndSelf(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    private static IEnumerable<(string Test, MethodDeclarationSyntax Method, string Path)> TestDeclarations()
    {
        var tests = TestClasses
            .SelectMany(t => t.GetMethods().Where(IsTest).Select(m => (Class: t.Name, m.Name, Full: $"{t.FullName}.{m.Name}")))
            .GroupBy(t => (t.Class, t.Name))
            .ToDictionary(g => g.Key, g => g.First().Full);
        foreach (var (path, tree) in Sources.Value)
        {
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (method.Parent is ClassDeclarationSyntax c && tests.TryGetValue((c.Identifier.Text, method.Identifier.Text), out var full))
                {
                    yield return (full, method, path);
                }
            }
        }
    }

    private static List<(string Path, SyntaxTree Tree)> ParseSources()
    {
        var folder = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests");
        return
        [
            .. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(p => !Relative(p).Split('/').Any(part => part is "bin" or "obj"))
                .Order(StringComparer.Ordinal)
                .Select(p => (p, CSharpSyntaxTree.ParseText(File.ReadAllText(p), path: p))),
        ];
    }

    private static string Relative(string path) =>
        Path.GetRelativePath(Golden.RepositoryRoot, path).Replace('\\', '/');
}
