using Spec.Core.Diagnostics;

namespace Spec.Tests.Bind;

/// <summary>The binder over the real-spec corpus (serverless/examples, MIT; see shared/corpus/README.md).</summary>
public class BinderCorpusTests
{
    [SkippableFact]
    public void Corpus_every_raw_spec_binds_without_an_exception_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var files = Directory.EnumerateFiles(Path.Combine(SharedData.Corpus!, "sls-examples-raw"), "serverless.y*ml",
            SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 191, $"expected the 191 corpus specs, found {files.Count}");
        var nonAws = 0;
        foreach (var file in files)
        {
            var (service, bag) = BindHelper.BindFile(file);
            if (bag.Items.Any(d => d.Id == DiagnosticIds.Unsupported && d.Message.StartsWith("provider", StringComparison.Ordinal)))
            {
                nonAws++;
                Assert.Null(service);
                Assert.Single(bag.Items, d => d.Severity == Severity.Error);
            }
        }

        Assert.Equal(60, nonAws);
    }

    /// <summary>Cases whose printed config holds a real error the Framework let through (it only warns), with the
    /// reason. Anything else must bind with zero errors.</summary>
    private static readonly Dictionary<string, string> KnownErrors = new(StringComparer.Ordinal)
    {
        // The Framework copies the string into the template; CloudFormation rejects a non-integer MemorySize.
        ["aws-node-puppeteer"] = "'functions.hello.memorySize' must be an integer, not the string '1536MB'",
    };

    /// <summary>The warnings the binder gives on the printed corpus configs. Each is one the Framework gives too
    /// (configValidationMode warn), or a plugin section whose plugin was stripped from the case.</summary>
    private static readonly string[] ExpectedWarnings =
    [
        // http.request has no 'parameter' / 'paths' (they belong under request.parameters): the Framework ignores them.
        "aws-golang-http-get-post: unknown property 'parameter' in 'functions.get.events[0].http.request'",
        "aws-node-fullstack_backend: unknown property 'tenant' at the top level",
        "aws-python-pynamodb-s3-sigurl: unknown property 'paths' in 'functions.get.events[0].http.request'",
        "aws-python-pynamodb-s3-sigurl: unknown property 'paths' in 'functions.update.events[0].http.request'",
        "aws-python-pynamodb-s3-sigurl: unknown property 'paths' in 'functions.delete.events[0].http.request'",
        "aws-python-rest-api-with-pynamodb: unknown property 'paths' in 'functions.get.events[0].http.request'",
        "aws-python-rest-api-with-pynamodb: unknown property 'paths' in 'functions.update.events[0].http.request'",
        "aws-python-rest-api-with-pynamodb: unknown property 'paths' in 'functions.delete.events[0].http.request'",
        // serverless-step-functions was stripped from these cases.
        "aws-ruby-step-functions: unknown property 'stepFunctions' at the top level",
        "aws-ruby-step-functions-express: unknown property 'stepFunctions' at the top level",
        "aws-ruby-step-functions-with-callback: unknown property 'stepFunctions' at the top level",
    ];

    [SkippableFact]
    public void Corpus_every_printed_config_binds_with_zero_errors_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var failures = new List<string>();
        foreach (var dir in SharedData.CorpusCases())
        {
            var name = Path.GetFileName(dir);
            var (service, bag) = BindHelper.BindFile(Path.Combine(dir, "expected.print.json"));
            var errors = bag.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList();
            if (KnownErrors.TryGetValue(name, out var known))
            {
                if (!errors.SequenceEqual([known]))
                {
                    failures.Add($"{name}: expected only the known error, got: {string.Join("; ", errors)}");
                }

                continue;
            }

            if (service is null || errors.Count > 0)
            {
                failures.Add($"{name}: {string.Join("; ", bag.Items.Where(d => d.Severity == Severity.Error))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void Corpus_unknown_key_warnings_are_only_those_the_Framework_gives_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var warnings = new List<string>();
        foreach (var dir in SharedData.CorpusCases())
        {
            var (_, bag) = BindHelper.BindFile(Path.Combine(dir, "expected.print.json"));
            warnings.AddRange(bag.Items.Where(d => d.Severity == Severity.Warning)
                .Select(d => $"{Path.GetFileName(dir)}: {d.Message}"));
        }

        Assert.True(ExpectedWarnings.SequenceEqual(warnings), "warnings differ; actual:\n" + string.Join("\n", warnings));
    }
}

/// <summary>Load → Resolve → Bind on the corpus cases' own serverless.yml, with each case's args and env.</summary>
public class BinderPipelineCorpusTests
{
    [SkippableFact]
    public void Corpus_resolved_specs_bind_with_zero_errors_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var failures = new List<string>();
        foreach (var dir in SharedData.CorpusCases())
        {
            var name = Path.GetFileName(dir);
            using var caseJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "case.json")));
            var args = caseJson.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
            var env = caseJson.RootElement.GetProperty("env").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            var config = caseJson.RootElement.GetProperty("config").GetString()!;
            var bag = new DiagnosticBag();
            var loaded = new Spec.Core.Syntax.YamlLoader().LoadFile(Path.Combine(dir, config), bag);
            var resolved = Spec.Core.Resolve.VariableResolver.Resolve(loaded, Spec.Core.Resolve.ResolveOptions.FromArguments(args, env), bag);
            var bindBag = new DiagnosticBag();
            var service = Spec.Core.Bind.Binder.Bind(resolved, bindBag);
            var errors = bindBag.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList();
            if (name == "aws-node-puppeteer" && errors.SequenceEqual(["'functions.hello.memorySize' must be an integer, not the string '1536MB'"]))
            {
                continue;
            }

            if (service is null || errors.Count > 0)
            {
                failures.Add($"{name}: {string.Join("; ", bindBag.Items.Where(d => d.Severity == Severity.Error))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
