using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Tests.Backends.Events;
using Spec.Tests.Backends.Layers;

namespace Spec.Tests.Backends.Pulumi;

/// <summary>Layers, API keys and usage plans in the Pulumi backend: mapped to AWS classic, checked by tsc and the mocks.</summary>
public sealed class PulumiLayersAndApiKeysTests
{
    private static (PulumiProgram Program, DiagnosticBag Diagnostics) Program(string yaml)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        var plan = CloudFormationCompiler.Compile(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag).Plan;
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return (PulumiProgramBuilder.Build(PulumiSource.FromPlan(plan), bag), bag);
    }

    private static readonly (string Name, string Spec)[] Cases =
    [
        ("layers-folders", LayersFixture.FoldersSpec),
        ("layers-prebuilt", LayersFixture.PrebuiltSpec),
        ("keys-default-plan", ApiKeysAndLogsFixture.DefaultPlanSpec),
        ("keys-named-plans", ApiKeysAndLogsFixture.NamedPlansSpec),
    ];

    [Fact]
    public void LayerVersions_AreClassicLayersWithTheirZipAsCode()
    {
        var (program, bag) = Program(LayersFixture.FoldersSpec);
        var common = program.Resources.Single(r => r.Name == "CommonLambdaLayer");
        Assert.Equal("aws:lambda/layerVersion:LayerVersion", common.Type.Token);
        Assert.Equal(new PulumiArchive("./.spec/common.zip"), common.Properties.Single(p => p.Key == "code").Value);
        Assert.Contains(new KeyValuePair<string, PulumiValue>("layerName", PulumiLiteral.String("common-libs")), common.Properties);
        var kept = program.Resources.Single(r => r.Name.StartsWith("KeptDashlayerLambdaLayer", StringComparison.Ordinal));
        Assert.True(kept.RetainOnDelete);
        var function = program.Resources.Single(r => r.Name == "HelloLambdaFunction");
        var layers = Assert.IsType<PulumiList>(function.Properties.Single(p => p.Key == "layers").Value);
        Assert.Equal(new PulumiAttribute("CommonLambdaLayer", "arn"), Assert.Single(layers.Items));
        Assert.DoesNotContain(bag.Items, d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId && d.Message.Contains("LayerVersion resource", StringComparison.Ordinal));

        // Layer permissions name the layer and its version number, looked up on the layer's name once it exists.
        Assert.DoesNotContain(program.Leftovers, l => l.StartsWith("Common", StringComparison.Ordinal));
        var permission = program.Resources.Single(r => r.Name == "Common123456789012LambdaLayerPermission");
        Assert.Equal("aws:lambda/layerVersionPermission:LayerVersionPermission", permission.Type.Token);
        var inputs = permission.Properties.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(new PulumiAttribute("CommonLambdaLayer", "layerName"), inputs["layerName"]);
        var version = Assert.IsType<PulumiInvoke>(inputs["versionNumber"]);
        Assert.Equal("aws:lambda/getLayerVersion:getLayerVersion", version.Token);
        Assert.Equal("version", version.Field);
        Assert.Equal(new PulumiAttribute("CommonLambdaLayer", "layerName"), Assert.Single(version.Arguments.Entries).Value);
        Assert.Equal(PulumiLiteral.String("123456789012"), inputs["principal"]);
        Assert.Equal(PulumiLiteral.String("spec-123456789012"), inputs["statementId"]);
        var wildcard = program.Resources.Single(r => r.Name == "CommonWildLambdaLayerPermission");
        Assert.Contains(wildcard.Properties, p => p.Key == "statementId" && p.Value == PulumiLiteral.String("spec-all-accounts"));

        // The lookup reads a resource output: TypeScript writes it where it is used, after the layer, not hoisted.
        var ts = TypeScriptWriter.Write(program);
        Assert.Contains("versionNumber: aws.lambda.getLayerVersionOutput({", ts, StringComparison.Ordinal);
        Assert.True(ts.IndexOf("new aws.lambda.LayerVersion(\"CommonLambdaLayer\"", StringComparison.Ordinal) <
                    ts.IndexOf("getLayerVersionOutput", StringComparison.Ordinal));
        Assert.Contains("Aws.Lambda.GetLayerVersion.Invoke(new() { LayerName = ", CSharpWriter.Write(program), StringComparison.Ordinal);
        Assert.Contains("function: aws:lambda/getLayerVersion:getLayerVersion", YamlWriter.Write(program), StringComparison.Ordinal);
    }

    [Fact]
    public void ApiKeysUsagePlansAndPlanKeys_AreMappedWithoutTheLeftoverStack()
    {
        foreach (var spec in new[] { ApiKeysAndLogsFixture.DefaultPlanSpec, ApiKeysAndLogsFixture.NamedPlansSpec })
        {
            var (program, bag) = Program(spec);
            Assert.DoesNotContain(bag.Items, d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId);
            Assert.Empty(program.Leftovers);
            var tokens = program.Resources.Select(r => r.Type.Token).ToList();
            Assert.Contains("aws:apigateway/apiKey:ApiKey", tokens);
            Assert.Contains("aws:apigateway/usagePlan:UsagePlan", tokens);
            Assert.Contains("aws:apigateway/usagePlanKey:UsagePlanKey", tokens);
        }

        var (named, _) = Program(ApiKeysAndLogsFixture.NamedPlansSpec);
        var free = named.Resources.Single(r => r.Name == "ApiGatewayUsagePlanFree");
        var quota = Assert.IsType<PulumiObject>(free.Properties.Single(p => p.Key == "quotaSettings").Value);
        Assert.Contains(new KeyValuePair<string, PulumiValue>("limit", PulumiLiteral.Number("100")), quota.Entries);
        Assert.Contains(free.Properties, p => p.Key == "apiStages");
        Assert.Contains(free.Properties, p => p.Key == "throttleSettings");
    }

    [SkippableFact]
    public void Programs_PassTscStrictAndTheMockDryRun()
    {
        TestSkip.If(PulumiHarness.Missing, PulumiHarness.SkipReason);
        var harness = PulumiHarness.Directory!;
        var work = Path.Combine(Path.GetTempPath(), "spec-pulumi-layers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
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
            foreach (var (name, spec) in Cases)
            {
                var (program, _) = Program(spec);
                var dir = Path.Combine(work, "cases", name);
                Directory.CreateDirectory(Path.Combine(dir, "ts"));
                Directory.CreateDirectory(Path.Combine(dir, "yaml"));
                File.WriteAllText(Path.Combine(dir, "ts", "index.ts"), TypeScriptWriter.Write(program));
                File.WriteAllText(Path.Combine(dir, "yaml", "Pulumi.yaml"), YamlWriter.Write(program));
                yamlArgs.Add(Path.Combine(dir, "yaml", "Pulumi.yaml"));
                yamlArgs.Add(Path.Combine(dir, "yaml", "program.ts"));
                foreach (var kind in new[] { "ts/index", "yaml/program" })
                {
                    manifest.Add(new JsonObject
                    {
                        ["program"] = Path.Combine(work, "bin", "cases", name, kind + ".js"),
                        ["out"] = Path.Combine(dir, kind.Replace('/', '-') + ".json"),
                        ["project"] = program.Project,
                        ["stack"] = program.Stage,
                    });
                }
            }

            var yaml2Ts = PulumiHarness.Run("node", yamlArgs, work);
            Assert.True(yaml2Ts.ExitCode == 0, "yaml2ts: " + yaml2Ts.Output);
            var tsc = PulumiHarness.Run("node", [PulumiHarness.Tsc, "-p", "."], work);
            Assert.True(tsc.ExitCode == 0, "tsc --strict: " + tsc.Output);
            File.WriteAllText(Path.Combine(work, "manifest.json"), manifest.ToJsonString());
            var dryRun = PulumiHarness.Run("node", [Path.Combine(work, "bin", "dryrun.js"), "all", "manifest.json", "2"], work);
            Assert.True(dryRun.ExitCode == 0, "dry run: " + dryRun.Output);

            var folders = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "cases", "layers-folders", "ts-index.json")))!.ToJsonString();
            Assert.Contains("aws:lambda/layerVersion:LayerVersion", folders, StringComparison.Ordinal);
            Assert.Contains("common.zip", folders, StringComparison.Ordinal);
            var keys = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "cases", "keys-named-plans", "yaml-program.json")))!.ToJsonString();
            Assert.Contains("aws:apigateway/usagePlanKey:UsagePlanKey", keys, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
