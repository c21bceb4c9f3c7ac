using System.Diagnostics;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Tests.BadInput;
using Xunit.Abstractions;

namespace Spec.Tests.Load;

/// <summary>
/// A mutation fuzzer for the loader (issue 14): from a fixed seed, mutants of the repository's specs, of the bad-input
/// corpus and of the regression inputs — the text mutations of <see cref="YamlMutations"/> plus byte-level ones
/// (invalid UTF-8, BOMs, NULs, control characters) — each loaded from bytes as a spec file is. Every input must load,
/// or be refused with located errors only; never an exception, a span outside the text, or a slow load. A failing
/// input is minimised and printed so that it can join <c>FuzzRegressions/</c>, which runs on every test run with its
/// expected outcome (the folder it sits in).
/// </summary>
public sealed class LoadFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_205;

    /// <summary>Inputs a run tries (SPEC_FUZZ_INPUTS=N searches longer locally; the first N stay the same inputs).</summary>
    private static readonly int Inputs =
        int.TryParse(Environment.GetEnvironmentVariable("SPEC_FUZZ_INPUTS"), out var n) && n > 0 ? n : 20_000;

    /// <summary>The run's time budget: it stops early (and says so) rather than slow CI down on a loaded machine.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    /// <summary>One input: generous for a shared debug build; a regression to quadratic time blows it by far.</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);

    private static readonly byte[][] HostileBytes =
    [
        [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80],
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x00], [0x01], [0x7F], [0x0D], [0x09], [0xC2, 0x85], [0xE2, 0x80, 0xA8],
        [0xEF, 0xBF, 0xBE],
    ];

    internal static string RegressionFolder => Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Load", "FuzzRegressions");

    [Fact]
    public void Mutants_load_or_are_refused_with_located_errors()
    {
        var seeds = Seeds();
        var random = new Random(Seed);
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        var tried = 0;
        var refused = 0;
        while (tried < Inputs && watch.Elapsed < Budget && failures.Count < 5)
        {
            var (name, bytes) = seeds[random.Next(seeds.Count)];
            var mutant = Mutate(bytes, random);
            var path = random.Next(8) == 0 ? "serverless.json" : "serverless.yml";
            tried++;
            var (problem, wasRefused) = Problem(path, mutant);
            refused += wasRefused ? 1 : 0;
            if (problem is not null)
            {
                var minimal = Minimise(path, mutant, problem);
                failures.Add($"mutant {tried} of {name} as {path}: {problem}\n    minimised: {Convert.ToBase64String(minimal)}"
                    + $" ({Printable(minimal)}); add it to FuzzRegressions/ once fixed");
            }
        }

        output.WriteLine($"{tried} inputs from {seeds.Count} seeds in {watch.Elapsed.TotalSeconds:0.0} s ({refused} refused)");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(tried >= Math.Min(Inputs, 2_000), $"only {tried} inputs within {Budget.TotalSeconds} s");
    }

    public static TheoryData<string> Regressions() => [.. RegressionFiles()];

    /// <summary>The regression inputs, relative to <see cref="RegressionFolder"/>: <c>loads/…</c> or <c>refused/…</c>.</summary>
    private static List<string> RegressionFiles() =>
    [
        .. Directory.EnumerateFiles(RegressionFolder, "*.yml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RegressionFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_regression_input_has_its_expected_outcome(string file)
    {
        var (problem, refused) = Problem("serverless.yml", File.ReadAllBytes(Path.Combine(RegressionFolder, file)));

        Assert.Null(problem);
        Assert.Equal(file.StartsWith("refused/", StringComparison.Ordinal), refused);
    }

    /// <summary>Null when the loader behaved (loaded, or refused with located errors), else what went wrong.</summary>
    private static (string? Problem, bool Refused) Problem(string path, byte[] bytes)
    {
        var bag = new DiagnosticBag();
        LoadResult loaded;
        var watch = Stopwatch.StartNew();
        try
        {
            loaded = new YamlLoader().LoadBytes(path, bytes, bag);
        }
        catch (Exception e)
        {
            return ($"the loader threw {e.GetType().Name}: {e.Message}", true);
        }

        if (watch.Elapsed > PerInput)
        {
            return ($"loading took {watch.Elapsed.TotalSeconds:0.0} s", loaded.Root is null);
        }

        var errors = bag.Items.Where(d => d.Severity == Severity.Error).ToList();
        if (loaded.Root is null)
        {
            // Bytes refused before decoding (invalid UTF-8, NUL) keep no text: their errors point into the bytes.
            var text = loaded.Source.Text.Length > 0 ? loaded.Source.Text : Encoding.UTF8.GetString(bytes);
            return (errors.Count == 0 ? "refused without an error"
                : errors.Select(e => OutOfText(e.Span, text)).FirstOrDefault(p => p is not null), true);
        }

        if (errors.Count > 0)
        {
            return ($"loaded despite the error {errors[0].Message}", false);
        }

        return (SpansOutOfText(loaded.Root, loaded.Source.Text), false);
    }

    /// <summary>Every node's span within the text (each shared, aliased node visited once).</summary>
    private static string? SpansOutOfText(Node root, string text)
    {
        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Node>([root]);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            if (OutOfText(node.Span, text) is { } problem)
            {
                return $"{node.Display}: {problem}";
            }

            var children = node switch
            {
                MappingNode m => m.Entries.SelectMany(e => new[] { e.Key, e.Value }),
                SequenceNode s => s.Items,
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push(child);
            }
        }

        return null;
    }

    private static string? OutOfText(SourceSpan? span, string text)
    {
        if (span is null)
        {
            return "an error without a location";
        }

        // YAML breaks lines at CR LF, LF and a lone CR (and so do the loader's line numbers).
        var lines = 1 + text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r');
        return span.Start.Line < 1 || span.Start.Column < 1 || span.Start.Line > lines + 1
            || span.Start.Offset < 0 || span.End.Offset < span.Start.Offset || span.End.Offset > text.Length
            ? $"the span {span.Start}..{span.End} lies outside the text ({text.Length} characters, {lines} lines)"
            : null;
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var steps = 1 + random.Next(3);
        for (var s = 0; s < steps; s++)
        {
            if (random.Next(4) > 0)
            {
                bytes = Encoding.UTF8.GetBytes(YamlMutations.Mutate(Encoding.UTF8.GetString(bytes), random));
                continue;
            }

            var insert = HostileBytes[random.Next(HostileBytes.Length)];
            var at = random.Next(4) == 0 ? 0 : random.Next(bytes.Length + 1);
            bytes = [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
        }

        return bytes;
    }

    /// <summary>Repeatedly drops chunks (halves down to single bytes) while the input still shows a problem.</summary>
    private static byte[] Minimise(string path, byte[] bytes, string problem)
    {
        var kind = problem.Split(':')[0];
        for (var chunk = bytes.Length / 2; chunk >= 1; chunk /= 2)
        {
            for (var at = 0; at + chunk <= bytes.Length;)
            {
                byte[] smaller = [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + chunk)];
                if (Problem(path, smaller).Problem is { } p && p.Split(':')[0] == kind)
                {
                    bytes = smaller;
                }
                else
                {
                    at += chunk;
                }
            }
        }

        return bytes;
    }

    private static string Printable(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return System.Text.Json.JsonSerializer.Serialize(text.Length > 200 ? text[..200] + "…" : text);
    }

    /// <summary>The repository's example specs, the small bad-input cases and the regression inputs.</summary>
    private static List<(string Name, byte[] Bytes)> Seeds()
    {
        var examples = Directory.EnumerateFiles(Path.Combine(Golden.RepositoryRoot, "examples"), "*.yml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Golden.RepositoryRoot, f), File.ReadAllBytes(f)));
        var badInput = BadInputCases.All
            .SelectMany(c => c.Files.Select(f => ($"bad-input {c.Name}/{f.Key}", f.Value)))
            .Where(f => f.Value.Length < 64 * 1024);
        var regressions = RegressionFiles().Select(r => ($"regression {r}", File.ReadAllBytes(Path.Combine(RegressionFolder, r))));
        var seeds = examples.Concat(badInput).Concat(regressions).ToList();
        Assert.True(seeds.Count > 30, $"{seeds.Count} seeds");
        return seeds;
    }
}
