namespace Spec.Tests.Schema;

/// <summary>The schema against the 106 real specs that Serverless Framework 3.40.0 packaged (corpus/sls-examples).</summary>
public sealed class SchemaCorpusTests
{
    /// <summary>
    /// Errors in the corpus that are true positives: the Framework itself reports them ("unrecognized property",
    /// value outside its enum) and only compiles because its validation mode defaults to warn. Keyed by "case path".
    /// </summary>
    private static readonly Dictionary<string, string> KnownTruePositives = new(StringComparer.Ordinal)
    {
        ["aws-golang-http-get-post functions.get.events[0].http.request.parameter"] =
            "typo for `parameters`; the path parameter is never declared",
        ["aws-node-puppeteer functions.hello.memorySize"] =
            "`memorySize: 1536MB` is copied into the template as MemorySize \"1536MB\", which CloudFormation rejects",
        ["aws-python-pynamodb-s3-sigurl functions.get.events[0].http.request.paths"] =
            "`paths` belongs under `request.parameters`",
        ["aws-python-pynamodb-s3-sigurl functions.update.events[0].http.request.paths"] =
            "`paths` belongs under `request.parameters`",
        ["aws-python-pynamodb-s3-sigurl functions.delete.events[0].http.request.paths"] =
            "`paths` belongs under `request.parameters`",
        ["aws-python-rest-api-with-pynamodb functions.get.events[0].http.request.paths"] =
            "`paths` belongs under `request.parameters`",
        ["aws-python-rest-api-with-pynamodb functions.update.events[0].http.request.paths"] =
            "`paths` belongs under `request.parameters`",
        ["aws-python-rest-api-with-pynamodb functions.delete.events[0].http.request.paths"] =
            "`paths` belongs under `request.parameters`",
        ["aws-node-fullstack_backend tenant"] =
            "`tenant` is the Dashboard v1 name of `org`; v3 reports it as an unrecognized property (and so does the binder)",
        ["aws-rust-simple-http-endpoint provider.runtime"] =
            "`rust` is the serverless-rust plugin's pseudo-runtime, not a Lambda runtime (the plugin was stripped)",
    };

    [SkippableFact]
    public void Corpus_EverySpecValidatesWithoutFalseErrors_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var found = new List<string>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in SharedData.CorpusCases())
        {
            var name = Path.GetFileName(dir);
            foreach (var error in SchemaValidator.Validate(SpecJson.FromFile(Path.Combine(dir, "serverless.yml"))))
            {
                found.Add($"{name} {error}");
                paths.Add($"{name} {error[..error.LastIndexOf(": ", StringComparison.Ordinal)]}");
            }
        }

        Assert.Equal(106, SharedData.CorpusCases().Count);
        var unexpected = found.Where(f => !KnownTruePositives.ContainsKey(f[..f.LastIndexOf(": ", StringComparison.Ordinal)])).ToList();
        Assert.True(unexpected.Count == 0, "false errors on the corpus:\n" + string.Join("\n", unexpected));
        var stale = KnownTruePositives.Keys.Except(paths).ToList();
        Assert.True(stale.Count == 0, "known true positives no longer reported:\n" + string.Join("\n", stale));
    }
}
