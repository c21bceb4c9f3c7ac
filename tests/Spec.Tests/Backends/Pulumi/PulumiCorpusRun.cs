using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>One corpus case compiled to the three Pulumi targets, with the harness's results for it.</summary>
internal sealed record PulumiCase(string Name, ServicePlan Plan, PulumiProgram Program, string TypeScript, string Yaml, string CSharp)
{
    public JsonObject? TsDump { get; set; }

    public JsonObject? YamlDump { get; set; }
}

/// <summary>
/// Compiles every corpus case (and the checked-in <see cref="PulumiLocalCases"/>) to pulumi-ts and pulumi-yaml in one workspace, translates the YAML programs with
/// <c>yaml2ts.js</c> (one node process), type-checks every TypeScript file in ONE tsc run (the @pulumi/aws declarations
/// dominate its time), then runs every program under Pulumi's mocks (<c>dryrun.ts</c>). Built once per test run.
/// </summary>
internal sealed class PulumiCorpusRun
{
    private static readonly Lazy<PulumiCorpusRun> Instance = new(() => new PulumiCorpusRun());

    public static PulumiCorpusRun Get() => Instance.Value;

    public List<PulumiCase> Cases { get; } = [];

    public (int ExitCode, string Output) Yaml2Ts { get; }

    public (int ExitCode, string Output) Tsc { get; }

    public (int ExitCode, string Output) DryRun { get; }

    private PulumiCorpusRun()
    {
        var harness = PulumiHarness.Directory!;
        var work = Directory.CreateTempSubdirectory("spec-pulumi-").FullName;
        File.WriteAllText(Path.Combine(work, "package.json"), "{ \"private\": true, \"type\": \"commonjs\" }\n");
        Directory.CreateSymbolicLink(Path.Combine(work, "node_modules"), Path.Combine(harness, "node_modules"));
        File.Copy(Path.Combine(harness, "dryrun.ts"), Path.Combine(work, "dryrun.ts"));
        File.WriteAllText(Path.Combine(work, "tsconfig.json"), """
            {
              "compilerOptions": {
                "strict": true, "target": "ES2022", "module": "nodenext", "moduleResolution": "nodenext",
                "types": ["node"], "outDir": "bin", "rootDir": ".", "skipLibCheck": true, "noEmitOnError": false
              },
              "include": ["dryrun.ts", "cases/*/ts/index.ts", "cases/*/yaml/program.ts"]
            }
            """);

        var yamlArgs = new List<string> { Path.Combine(harness, "yaml2ts.js") };
        var manifest = new JsonArray();
        foreach (var c in CorpusCase.All().Select(c => (c.Name, Resolve: (Func<DiagnosticBag, Spec.Core.Resolve.ResolvedSpec>)c.Resolve)).Concat(PulumiLocalCases.All()))
        {
            var diagnostics = new DiagnosticBag();
            var plan = CloudFormationCompiler.Compile(c.Resolve(diagnostics), diagnostics).Plan;
            var program = PulumiProgramBuilder.Build(PulumiSource.FromPlan(plan), diagnostics);
            var pc = new PulumiCase(c.Name, plan, program, TypeScriptWriter.Write(program), YamlWriter.Write(program), CSharpWriter.Write(program));
            Cases.Add(pc);
            var dir = Path.Combine(work, "cases", c.Name);
            Directory.CreateDirectory(Path.Combine(dir, "ts"));
            Directory.CreateDirectory(Path.Combine(dir, "yaml"));
            File.WriteAllText(Path.Combine(dir, "ts", "index.ts"), pc.TypeScript);
            File.WriteAllText(Path.Combine(dir, "yaml", "Pulumi.yaml"), pc.Yaml);
            yamlArgs.Add(Path.Combine(dir, "yaml", "Pulumi.yaml"));
            yamlArgs.Add(Path.Combine(dir, "yaml", "program.ts"));
            foreach (var kind in new[] { "ts/index", "yaml/program" })
            {
                manifest.Add(new JsonObject
                {
                    ["program"] = Path.Combine(work, "bin", "cases", c.Name, kind + ".js"),
                    ["out"] = Path.Combine(dir, kind.Replace('/', '-') + ".json"),
                    ["project"] = program.Project,
                    ["stack"] = program.Stage,
                });
            }
        }

        Yaml2Ts = PulumiHarness.Run("node", yamlArgs, work);
        Tsc = PulumiHarness.Run("node", [PulumiHarness.Tsc, "-p", "."], work);
        File.WriteAllText(Path.Combine(work, "manifest.json"), manifest.ToJsonString());
        DryRun = PulumiHarness.Run("node", [Path.Combine(work, "bin", "dryrun.js"), "all", "manifest.json", "2"], work);
        foreach (var pc in Cases)
        {
            var dir = Path.Combine(work, "cases", pc.Name);
            pc.TsDump = Load(Path.Combine(dir, "ts-index.json"));
            pc.YamlDump = Load(Path.Combine(dir, "yaml-program.json"));
        }

        WorkDirectory = work;

        // Everything the tests read is in memory now. A failing run keeps its programs for whoever reads the failure
        // message; a passing one leaves nothing behind.
        if (Yaml2Ts.ExitCode == 0 && Tsc.ExitCode == 0 && DryRun.ExitCode == 0)
        {
            Directory.Delete(work, recursive: true);
        }
    }

    public string WorkDirectory { get; }

    private static JsonObject? Load(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?.AsObject() : null;
}
