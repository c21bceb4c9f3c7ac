using System.Text.Json.Nodes;
using Spec.Backends.Pulumi;
using Spec.Core.Diagnostics;
using Spec.Tests.Backends.Pulumi;

namespace Spec.Tests.Backends.Events;

/// <summary>
/// The alb and cloudFront fixtures compiled to Pulumi: target groups (with attachments), listener rules, cache policies and
/// the distribution are AWS classic resources, not leftovers; the TypeScript programs (and the Pulumi YAML ones, through
/// the harness's translation) pass <c>tsc --strict</c> and, run under Pulumi's mocks, register exactly the program's
/// resources with the key inputs.
/// </summary>
public sealed class EdgePulumiTests
{
    private static readonly HashSet<string> EdgeTypes = new(StringComparer.Ordinal)
    {
        "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::ElasticLoadBalancingV2::ListenerRule",
        "AWS::CloudFront::Distribution", "AWS::CloudFront::CachePolicy",
    };

    /// <summary>
    /// The edge resources that must stay in the CloudFormation stack: an OIDC action that reuses the listener's stored
    /// client secret (<c>UseExistingClientSecret</c>), and a Lambda@Edge association without an event type (the
    /// Framework writes none when the event has no eventType); Pulumi classic can express neither.
    /// </summary>
    private static readonly HashSet<string> ExpectedLeftovers = new(StringComparer.Ordinal)
    {
        "alb-Full/HelloAlbListenerRule2", "cloudFront-Merged/CloudFrontDistribution",
    };

    private sealed record EdgeProgram(string Name, Spec.Backends.Plan.ServicePlan Plan, PulumiProgram Program, DiagnosticBag Diagnostics);

    private static IEnumerable<EdgeProgram> Programs()
    {
        foreach (var (fixture, shapes) in new[] { ("alb", AlbFixture.Shapes), ("cloudFront", CloudFrontFixture.Shapes) })
        {
            foreach (var (name, (spec, _)) in shapes)
            {
                var (result, bag) = AlbEventTests.Compile(spec);
                Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
                var diagnostics = new DiagnosticBag();
                var program = PulumiProgramBuilder.Build(PulumiSource.FromPlan(result.Plan), diagnostics);
                yield return new EdgeProgram($"{fixture}-{name}", result.Plan, program, diagnostics);
            }
        }
    }

    [Fact]
    public void EdgeResources_AreClassicResources_NotLeftovers()
    {
        var failures = new List<string>();
        foreach (var p in Programs())
        {
            foreach (var r in p.Plan.Resources.Where(r => EdgeTypes.Contains(r.Type)))
            {
                var leftover = p.Program.Leftovers.Contains(r.LogicalId);
                if (leftover != ExpectedLeftovers.Contains($"{p.Name}/{r.LogicalId}"))
                {
                    failures.Add($"{p.Name}: {r.LogicalId} ({r.Type}) {(leftover ? "is in the leftover stack" : "was expected in the leftover stack")}");
                }
            }

            foreach (var d in p.Diagnostics.Items.Where(d => d.Id == PulumiProgramBuilder.LeftoverDiagnosticId))
            {
                var named = p.Plan.Resources.Where(r => EdgeTypes.Contains(r.Type) && d.Message.Contains($"({r.LogicalId})", StringComparison.Ordinal));
                foreach (var r in named.Where(r => !ExpectedLeftovers.Contains($"{p.Name}/{r.LogicalId}")))
                {
                    failures.Add($"{p.Name}: SPEC-PULUMI-001 for {r.LogicalId}: {d.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static PulumiValue Input(PulumiResource r, string key) =>
        r.Properties.SingleOrDefault(p => p.Key == key).Value ?? throw new Xunit.Sdk.XunitException($"{r.Name} has no input '{key}'");

    private static PulumiValue Entry(PulumiValue o, string key) =>
        ((PulumiObject)o).Entries.SingleOrDefault(e => e.Key == key).Value ?? throw new Xunit.Sdk.XunitException($"no '{key}' in {o}");

    [Fact]
    public void TargetGroup_FoldsHealthCheckAndAttributes_AndAttachesTheFunction()
    {
        var program = Programs().Single(p => p.Name == "alb-Full").Program;
        var byName = program.Resources.ToDictionary(r => r.Name);
        var group = byName["OtherUnderscorefnAlbTargetGroupMyListener"];
        Assert.Equal("aws:lb/targetGroup:TargetGroup", group.Type.Token);
        Assert.Equal(PulumiLiteral.String("lambda"), Input(group, "targetType"));
        Assert.Equal(PulumiLiteral.String("my-tg"), Input(group, "name"));
        Assert.Equal(PulumiLiteral.Bool(false), Input(group, "lambdaMultiValueHeadersEnabled"));
        var health = Input(group, "healthCheck");
        Assert.Equal("lb.TargetGroupHealthCheck", ((PulumiObject)health).ArgsType);
        Assert.Equal(PulumiLiteral.Bool(true), Entry(health, "enabled"));
        Assert.Equal(PulumiLiteral.String("/health"), Entry(health, "path"));
        Assert.Equal(PulumiLiteral.Number("60"), Entry(health, "interval"));
        Assert.Equal(PulumiLiteral.String("200-299"), Entry(health, "matcher"));
        Assert.Single(group.Properties, p => p.Key == "healthCheck");
        Assert.Contains("OtherUnderscorefnLambdaPermissionRegisterTarget", group.DependsOn);

        var attachment = byName["OtherUnderscorefnAlbTargetGroupMyListenerTarget1"];
        Assert.Equal("aws:lb/targetGroupAttachment:TargetGroupAttachment", attachment.Type.Token);
        Assert.Equal(new PulumiAttribute("OtherUnderscorefnAlbTargetGroupMyListener", "arn"), Input(attachment, "targetGroupArn"));
        Assert.IsType<PulumiInterpolation>(Input(attachment, "targetId")); // the function ARN qualified with the alias

        var rule = byName["OtherUnderscorefnAlbListenerRule3"];
        Assert.Equal(PulumiLiteral.Number("3"), Input(rule, "priority"));
        var actions = ((PulumiList)Input(rule, "actions")).Items;
        Assert.Equal(PulumiLiteral.String("s3cret"), Entry(Entry(actions[0], "authenticateOidc"), "clientSecret"));
        Assert.Equal(new PulumiAttribute("OtherUnderscorefnAlbTargetGroupMyListener", "arn"), Entry(actions[1], "targetGroupArn"));
        var conditions = ((PulumiList)Input(rule, "conditions")).Items;
        Assert.Equal(2, conditions.Count);
        Assert.Equal(PulumiLiteral.String("X-B"), Entry(Entry(conditions[1], "httpHeader"), "httpHeaderName"));
    }

    [Fact]
    public void Distribution_GetsCloudFormationDefaultsForWhatClassicRequires()
    {
        var program = Programs().Single(p => p.Name == "cloudFront-Full").Program;
        var distribution = program.Resources.Single(r => r.Name == "CloudFrontDistribution");
        Assert.Equal("aws:cloudfront/distribution:Distribution", distribution.Type.Token);
        Assert.Equal(PulumiLiteral.Bool(true), Input(distribution, "enabled"));
        Assert.Equal(PulumiLiteral.String("none"), Entry(Entry(Input(distribution, "restrictions"), "geoRestriction"), "restrictionType"));
        Assert.Equal(PulumiLiteral.Bool(true), Entry(Input(distribution, "viewerCertificate"), "cloudfrontDefaultCertificate"));
        var defaultBehavior = Input(distribution, "defaultCacheBehavior");
        Assert.Equal([PulumiLiteral.String("GET"), PulumiLiteral.String("HEAD")], ((PulumiList)Entry(defaultBehavior, "allowedMethods")).Items);
        Assert.Equal(new PulumiAttribute("CloudFrontCachePolicyMyPolicy", "id"), Entry(defaultBehavior, "cachePolicyId"));
        var association = ((PulumiList)Entry(defaultBehavior, "lambdaFunctionAssociations")).Items.Single();
        Assert.Equal(new PulumiAttribute("ViewerLambdaFunction", "qualifiedArn"), Entry(association, "lambdaArn"));
        var origins = ((PulumiList)Input(distribution, "origins")).Items;
        Assert.Equal(3, origins.Count);
        Assert.Equal(PulumiLiteral.String(string.Empty), Entry(Entry(origins[0], "s3OriginConfig"), "originAccessIdentity"));
        Assert.Equal(PulumiLiteral.Number("443"), Entry(Entry(origins[1], "customOriginConfig"), "httpsPort"));
        var ordered = ((PulumiList)Input(distribution, "orderedCacheBehaviors")).Items;
        Assert.Equal(PulumiLiteral.String("/api/*"), Entry(ordered[1], "pathPattern"));
        Assert.Equal(PulumiLiteral.String("none"), Entry(Entry(Entry(ordered[1], "forwardedValues"), "cookies"), "forward"));
        var policy = program.Resources.Single(r => r.Name == "CloudFrontCachePolicyMyPolicy");
        Assert.Equal(PulumiLiteral.String("edge-cf-dev-myPolicy"), Input(policy, "name"));
        Assert.Equal(PulumiLiteral.String("none"),
            Entry(Entry(Input(policy, "parametersInCacheKeyAndForwardedToOrigin"), "cookiesConfig"), "cookieBehavior"));
        var edgeFunction = program.Resources.Single(r => r.Name == "ViewerLambdaFunction");
        Assert.True(edgeFunction.RetainOnDelete);
    }

    [Fact]
    public void CSharpPrograms_UseThePulumiAwsNamespacesOfTheEdgeModules()
    {
        var alb = CSharpWriter.Write(Programs().Single(p => p.Name == "alb-Full").Program);
        Assert.Contains("new Aws.LB.TargetGroup(", alb, StringComparison.Ordinal);
        Assert.Contains("new Aws.LB.TargetGroupAttachment(", alb, StringComparison.Ordinal);
        Assert.Contains("new Aws.LB.Inputs.TargetGroupHealthCheckArgs", alb, StringComparison.Ordinal);
        Assert.Contains("new Aws.LB.ListenerRule(", alb, StringComparison.Ordinal);
        var cloudFront = CSharpWriter.Write(Programs().Single(p => p.Name == "cloudFront-Full").Program);
        Assert.Contains("new Aws.CloudFront.Distribution(", cloudFront, StringComparison.Ordinal);
        Assert.Contains("new Aws.CloudFront.CachePolicy(", cloudFront, StringComparison.Ordinal);
        Assert.Contains("new Aws.CloudFront.Inputs.DistributionDefaultCacheBehaviorArgs", cloudFront, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void TypeScriptPrograms_PassTscStrict_AndRegisterThePlannedResources_RequiresPulumiHarness()
    {
        TestSkip.If(PulumiHarness.Missing, PulumiHarness.SkipReason);
        var programs = Programs().ToList();
        var work = Path.Combine(Path.GetTempPath(), $"spec-edge-pulumi-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            File.WriteAllText(Path.Combine(work, "package.json"), "{ \"private\": true, \"type\": \"commonjs\" }\n");
            Directory.CreateSymbolicLink(Path.Combine(work, "node_modules"), Path.Combine(PulumiHarness.Directory!, "node_modules"));
            File.Copy(Path.Combine(PulumiHarness.Directory!, "dryrun.ts"), Path.Combine(work, "dryrun.ts"));
            File.WriteAllText(Path.Combine(work, "tsconfig.json"), """
                {
                  "compilerOptions": {
                    "strict": true, "target": "ES2022", "module": "nodenext", "moduleResolution": "nodenext",
                    "types": ["node"], "outDir": "bin", "rootDir": ".", "skipLibCheck": true, "noEmitOnError": false
                  },
                  "include": ["dryrun.ts", "cases/*/index.ts", "cases/*/program.ts"]
                }
                """);
            var manifest = new JsonArray();
            var yamlArgs = new List<string> { Path.Combine(PulumiHarness.Directory!, "yaml2ts.js") };
            foreach (var p in programs)
            {
                var dir = Path.Combine(work, "cases", p.Name);
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "index.ts"), TypeScriptWriter.Write(p.Program));
                File.WriteAllText(Path.Combine(dir, "Pulumi.yaml"), YamlWriter.Write(p.Program));
                yamlArgs.AddRange([Path.Combine(dir, "Pulumi.yaml"), Path.Combine(dir, "program.ts")]);
                foreach (var (program, dump) in new[] { ("index", "dump.json"), ("program", "yaml-dump.json") })
                {
                    manifest.Add(new JsonObject
                    {
                        ["program"] = Path.Combine(work, "bin", "cases", p.Name, program + ".js"),
                        ["out"] = Path.Combine(dir, dump),
                        ["project"] = p.Program.Project,
                        ["stack"] = p.Program.Stage,
                    });
                }
            }

            var yaml = PulumiHarness.Run("node", yamlArgs, work);
            Assert.True(yaml.ExitCode == 0, "yaml2ts (Pulumi YAML programs):\n" + yaml.Output);
            var tsc = PulumiHarness.Run("node", [PulumiHarness.Tsc, "-p", "."], work);
            Assert.True(tsc.ExitCode == 0, "tsc --strict:\n" + tsc.Output);
            File.WriteAllText(Path.Combine(work, "manifest.json"), manifest.ToJsonString());
            var dryRun = PulumiHarness.Run("node", [Path.Combine(work, "bin", "dryrun.js"), "batch", "manifest.json"], work);
            Assert.True(dryRun.ExitCode == 0, "dry run:\n" + dryRun.Output);

            var failures = new List<string>();
            foreach (var p in programs)
            {
                var dump = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "cases", p.Name, "dump.json")))!;
                var recorded = (dump["resources"] as JsonArray ?? []).OfType<JsonObject>()
                    .ToDictionary(r => (string)r["name"]!, r => (Type: (string)r["type"]!, Inputs: r["inputs"] as JsonObject));
                foreach (var r in p.Program.Resources)
                {
                    if (!recorded.TryGetValue(r.Name, out var got) || got.Type != r.Type.Token)
                    {
                        failures.Add($"{p.Name}: {r.Name} ({r.Type.Token}) was not registered");
                    }
                }

                failures.AddRange(recorded.Keys.Except(p.Program.Resources.Select(r => r.Name)).Select(n => $"{p.Name}: unexpected {n}"));
                var yamlDump = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "cases", p.Name, "yaml-dump.json")))!;
                var fromYaml = (yamlDump["resources"] as JsonArray ?? []).OfType<JsonObject>().Select(r => $"{r["type"]} {r["name"]}").Order();
                if (!fromYaml.SequenceEqual(recorded.Select(r => $"{r.Value.Type} {r.Key}").Order()))
                {
                    failures.Add($"{p.Name}: the YAML program registers other resources than the TypeScript one");
                }

                foreach (var r in p.Plan.Resources.Where(r => EdgeTypes.Contains(r.Type) && !p.Program.Leftovers.Contains(r.LogicalId)))
                {
                    if (recorded.GetValueOrDefault(r.LogicalId).Inputs is not { } inputs)
                    {
                        failures.Add($"{p.Name}: {r.LogicalId} registered without inputs");
                        continue;
                    }

                    var key = r.Type switch
                    {
                        "AWS::ElasticLoadBalancingV2::TargetGroup" => inputs["targetType"]?.ToString() == "lambda" && inputs["name"] is not null,
                        "AWS::ElasticLoadBalancingV2::ListenerRule" => inputs["priority"]?.ToString() == r.Properties["Priority"]?.ToString() &&
                                                                        inputs["listenerArn"] is not null && inputs["actions"] is JsonArray { Count: > 0 },
                        "AWS::CloudFront::CachePolicy" => inputs["name"]?.ToString() == r.Properties["CachePolicyConfig"]?["Name"]?.ToString(),
                        _ => inputs["enabled"]?.ToString() == "true" && inputs["origins"] is JsonArray origins &&
                             origins.Count == (r.Properties["DistributionConfig"]?["Origins"] as JsonArray)?.Count &&
                             inputs["defaultCacheBehavior"]?["targetOriginId"] is not null,
                    };
                    if (!key)
                    {
                        failures.Add($"{p.Name}: {r.LogicalId} registered without its key inputs: {inputs.ToJsonString()}");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
