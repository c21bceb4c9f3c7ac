using System.Text.Json.Nodes;
using Spec.Backends.CloudFormation;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Tests.Backends.Pulumi;

namespace Spec.Tests.Backends.CustomResources;

/// <summary>
/// Custom::EventBridge becomes native AWS classic resources in the Pulumi programs; Custom::CognitoUserPool stays in
/// the leftover CloudFormation stack with SPEC-PULUMI-001.
/// </summary>
public sealed class CustomResourcePulumiTests
{
    private static (PulumiProgram Program, DiagnosticBag Diagnostics) Build(string yaml)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("serverless.yml", yaml, bag);
        var plan = CloudFormationCompiler.Compile(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag).Plan;
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return (PulumiProgramBuilder.Build(PulumiSource.FromPlan(plan), bag), bag);
    }

    private static PulumiResource Resource(PulumiProgram program, string name) =>
        program.Resources.SingleOrDefault(r => r.Name == name) ?? throw new Xunit.Sdk.XunitException($"no resource {name}");

    private static PulumiValue? Input(PulumiResource resource, string key) =>
        resource.Properties.SingleOrDefault(p => p.Key == key).Value;

    private const string EventBridgeSpec = """
        service: eb
        provider:
          name: aws
          runtime: nodejs20.x
          eventBridge: {useCloudFormation: false}
        functions:
          consumer:
            handler: h.a
            events:
              - eventBridge: {schedule: rate(10 minutes), input: {key1: value1}}
              - eventBridge: {eventBus: orders, pattern: {source: [shop]}, inputPath: $.detail}
          auditor:
            handler: h.b
            events:
              - eventBridge:
                  eventBus: orders
                  name: audit-rule
                  enabled: false
                  pattern: {source: [shop]}
                  inputTransformer: {inputPathsMap: {t: $.time}, inputTemplate: '{"t": <t>}'}
              - eventBridge: {eventBus: 'arn:aws:events:us-east-1:1:event-bus/partner', pattern: {source: [p]}}
        """;

    [Fact]
    public void EventBridge_RuleTargetBusAndPermission_AreNativeResources()
    {
        var (program, bag) = Build(EventBridgeSpec);
        Assert.DoesNotContain(bag.Items, d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId);
        Assert.DoesNotContain(program.Leftovers, id => id.Contains("CustomEventBridge", StringComparison.Ordinal));

        var scheduled = Resource(program, "ConsumerCustomEventBridge1");
        Assert.Equal("aws:cloudwatch/eventRule:EventRule", scheduled.Type.Token);
        Assert.Equal(PulumiLiteral.String("eb-dev-consumer-rule-1"), Input(scheduled, "name"));
        Assert.Equal(PulumiLiteral.String("rate(10 minutes)"), Input(scheduled, "scheduleExpression"));
        Assert.Null(Input(scheduled, "eventBusName"));
        Assert.Contains("ConsumerLambdaFunction", scheduled.DependsOn);
        var scheduledTarget = Resource(program, "ConsumerCustomEventBridge1Target1");
        Assert.Equal(PulumiLiteral.String("""{"key1":"value1"}"""), Input(scheduledTarget, "input"));
        Assert.Equal(PulumiLiteral.String("eb-dev-consumer-rule-1-target"), Input(scheduledTarget, "targetId"));
        Assert.Equal(new PulumiAttribute("ConsumerCustomEventBridge1", "name"), Input(scheduledTarget, "rule"));

        var bus = Assert.Single(program.Resources, r => r.Type.Token == "aws:cloudwatch/eventBus:EventBus");
        Assert.Equal("OrdersEventBridgeEventBus", bus.Name);
        Assert.Equal(PulumiLiteral.String("orders"), Input(bus, "name"));
        foreach (var rule in new[] { "ConsumerCustomEventBridge2", "AuditorCustomEventBridge1" })
        {
            Assert.Equal(new PulumiAttribute("OrdersEventBridgeEventBus", "name"), Input(Resource(program, rule), "eventBusName"));
            Assert.Equal(new PulumiAttribute("OrdersEventBridgeEventBus", "name"), Input(Resource(program, rule + "Target1"), "eventBusName"));
        }

        var audit = Resource(program, "AuditorCustomEventBridge1");
        Assert.Equal(PulumiLiteral.String("DISABLED"), Input(audit, "state"));
        Assert.IsType<PulumiObject>(Input(Resource(program, "AuditorCustomEventBridge1Target1"), "inputTransformer"));
        Assert.Equal(PulumiLiteral.String("$.detail"), Input(Resource(program, "ConsumerCustomEventBridge2Target1"), "inputPath"));
        Assert.Equal(PulumiLiteral.String("arn:aws:events:us-east-1:1:event-bus/partner"),
            Input(Resource(program, "AuditorCustomEventBridge2"), "eventBusName"));

        var permission = Resource(program, "AuditorCustomEventBridge2Permission");
        Assert.Equal("aws:lambda/permission:Permission", permission.Type.Token);
        Assert.Equal(PulumiLiteral.String("eb-dev-auditor"), Input(permission, "function"));
        Assert.Equal(PulumiLiteral.String("events.amazonaws.com"), Input(permission, "principal"));
        Assert.Equal(new PulumiAttribute("AuditorCustomEventBridge2", "arn"), Input(permission, "sourceArn"));
        Assert.DoesNotContain(program.Resources, r => r.Type.Token == "aws:cloudformation/stack:Stack");
    }

    [Fact]
    public void ExistingCognitoPool_StaysInTheLeftoverStack_WithTheDiagnostic()
    {
        var (program, bag) = Build("""
            service: s
            provider: {name: aws, runtime: nodejs20.x}
            functions:
              fn: {handler: h.fn, events: [{cognitoUserPool: {pool: p, trigger: PreSignUp, existing: true}}]}
            """);
        Assert.Contains("FnCustomCognitoUserPool1", program.Leftovers);
        var d = Assert.Single(bag.Items, d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId);
        Assert.Contains("Custom::CognitoUserPool", d.Message, StringComparison.Ordinal);
        // Its function is a Pulumi resource whose code is the packaged custom-resources.zip.
        var function = Resource(program, "CustomDashresourceDashexistingDashcupLambdaFunction");
        Assert.Equal(new PulumiArchive("./.spec/custom-resources.zip"), Input(function, "code"));
    }

    [SkippableFact]
    public void EventBridgeProgram_PassesTscStrictAndRegistersItsResourcesUnderMocks()
    {
        TestSkip.If(PulumiHarness.Missing, "needs the Pulumi Node SDK in tests/pulumi: run tests/tools/install-pulumi.sh (CI does)");
        var (program, _) = Build(EventBridgeSpec);
        var work = Path.Combine(Path.GetTempPath(), "spec-crpulumi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(work, "program"));
        try
        {
            File.WriteAllText(Path.Combine(work, "package.json"), "{ \"private\": true, \"type\": \"commonjs\" }\n");
            Directory.CreateSymbolicLink(Path.Combine(work, "node_modules"), Path.Combine(PulumiHarness.Directory!, "node_modules"));
            File.Copy(Path.Combine(PulumiHarness.Directory!, "dryrun.ts"), Path.Combine(work, "dryrun.ts"));
            File.WriteAllText(Path.Combine(work, "tsconfig.json"), """
                {
                  "compilerOptions": {
                    "strict": true, "target": "ES2022", "module": "nodenext", "moduleResolution": "nodenext",
                    "types": ["node"], "outDir": "bin", "rootDir": ".", "skipLibCheck": true, "noEmitOnError": true
                  },
                  "include": ["dryrun.ts", "program/index.ts"]
                }
                """);
            File.WriteAllText(Path.Combine(work, "program", "index.ts"), TypeScriptWriter.Write(program));
            var tsc = PulumiHarness.Run("node", [PulumiHarness.Tsc, "-p", "."], work);
            Assert.True(tsc.ExitCode == 0, tsc.Output);
            var dump = Path.Combine(work, "dump.json");
            var run = PulumiHarness.Run("node",
                [Path.Combine(work, "bin", "dryrun.js"), "one", Path.Combine(work, "bin", "program", "index.js"), dump, program.Project, program.Stage],
                work);
            Assert.True(run.ExitCode == 0, run.Output);
            var registered = JsonNode.Parse(File.ReadAllText(dump))!["resources"]!.AsArray()
                .Select(r => ((string)r!["type"]!, (string)r["name"]!)).ToHashSet();
            foreach (var resource in program.Resources)
            {
                Assert.Contains((resource.Type.Token, resource.Name), registered);
            }

            Assert.Contains(("aws:cloudwatch/eventTarget:EventTarget", "AuditorCustomEventBridge1Target1"), registered);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
