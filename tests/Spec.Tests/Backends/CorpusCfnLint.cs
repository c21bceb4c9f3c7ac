namespace Spec.Tests.Backends;

/// <summary>
/// One cfn-lint run over the corpus, shared by the tests that judge it (it starts slowly and takes minutes over the
/// corpus): the Framework's template of every case of both corpus parts (<c>theirs/NAME.json</c>) and our template of
/// every sls-examples case (<c>ours/NAME.json</c>). <see cref="CfnToolTests"/> compares ours with theirs,
/// <c>CfnLintComparisonTests</c> compares theirs with what <c>spec check</c> reports, and the Elastic Beanstalk lint test
/// takes its baseline from theirs.
/// </summary>
internal static class CorpusCfnLint
{
    private static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> Findings = new(Run);

    /// <summary>cfn-lint's errors (<see cref="CfnToolTests.RunCfnLint"/>'s form) on the Framework's template of a case.</summary>
    public static HashSet<string> Theirs(string caseName) => Findings.Value.GetValueOrDefault(Path.Combine("theirs", caseName + ".json")) ?? [];

    /// <summary>cfn-lint's errors on our template of an sls-examples case.</summary>
    public static HashSet<string> Ours(string caseName) => Findings.Value.GetValueOrDefault(Path.Combine("ours", caseName + ".json")) ?? [];

    /// <summary>True when cfn-lint reported any error at all (the Framework's deprecated runtimes guarantee some).</summary>
    public static bool FoundAnything => Findings.Value.Count > 0;

    private static Dictionary<string, HashSet<string>> Run()
    {
        var dir = Directory.CreateTempSubdirectory("spec-cfnlint-corpus-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "ours"));
            Directory.CreateDirectory(Path.Combine(dir, "theirs"));
            foreach (var c in CorpusCase.All())
            {
                var (_, result, _) = CfnConformanceTests.Run(c);
                File.WriteAllText(Path.Combine(dir, "ours", c.Name + ".json"),
                    Spec.Backends.CloudFormation.CloudFormationCompiler.Render(result.Template, Spec.Backends.CloudFormation.TemplateFormat.Json));
            }

            foreach (var c in SharedData.CorpusCases().Concat(SharedData.RealWorldCases()))
            {
                File.Copy(Path.Combine(c, "expected.cloudformation.json"), Path.Combine(dir, "theirs", Path.GetFileName(c) + ".json"));
            }

            return CfnToolTests.RunCfnLint(dir, "ours/*.json", "theirs/*.json");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
