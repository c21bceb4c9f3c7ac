using System.Text.Json.Nodes;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using Spec.Rules.Checking;
using Spec.Rules.Suppression;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Tests.Rules.Constraints;

/// <summary>
/// SLS-GEN-009 walks a generated resource's JSON in place (<see cref="GeneratedValue"/>) instead of converting it to
/// nodes first (issue 17): the walk must find exactly what the node walk of the same properties
/// (<see cref="GeneratedResource.Properties"/>) finds — the same values, located at the same spans, with the same paths
/// and messages — on planted violations of every kind and on every generated resource of the corpora.
/// </summary>
public sealed class GeneratedValueTests
{
    private static readonly SourceSpan Origin = SourceSpan.At("serverless.yml", 10, 5);

    private static readonly ScalarNode Setter = new(SourceSpan.At("serverless.yml", 20, 7), "nodejs99.x", ScalarKind.String);

    /// <summary>(resource type, properties JSON, how many violations the walk must find).</summary>
    public static TheoryData<string, string, int> Planted() => new()
    {
        // Enum, range, a number expected, two lengths (a nested one), a required key missing.
        { "AWS::Lambda::Function", """{"Runtime":"nodejs99.x","MemorySize":99999,"Timeout":"soon","Code":{"S3Bucket":"b"}""" + ",\"FunctionName\":\"" + new string('f', 70) + "\"}", 6 },
        // A list too long, and an item outside its enum; a nested required key missing.
        { "AWS::Lambda::Function", """{"Role":"arn:aws:iam::123456789012:role/r","Code":{"S3Bucket":"bucket","S3Key":"k"},"Architectures":["x86_64","arm65"],"EphemeralStorage":{}}""", 3 },
        // Unknown until deploy: functions, variables, dynamic references; and a boolean written as text.
        { "AWS::Lambda::Function", """{"Role":{"Fn::GetAtt":["R","Arn"]},"Code":{"Fn::If":["c",{"S3Bucket":"x"},{"Ref":"AWS::NoValue"}]},"MemorySize":{"Ref":"M"},"Description":"${env:X}","Runtime":"{{resolve:ssm:/rt}}"}""", 0 },
        // An integer with a fraction, a boolean that is not one, a nested range; a list where an object is expected is
        // not judged (the schemas say no more than that it is not a scalar).
        { "AWS::Lambda::EventSourceMapping", """{"FunctionName":"f","BatchSize":2.5,"Enabled":"maybe","ScalingConfig":{"MaximumConcurrency":1},"FilterCriteria":[1]}""", 3 },
        // Neither of a rule's anyOf keys; then both of a oneOf (the finding points at the last key).
        { "AWS::Events::Rule", """{"Name":"nightly","State":"ENABLED"}""", 1 },
        { "AWS::Events::Connection", """{"AuthorizationType":"BASIC","AuthParameters":{"BasicAuthParameters":{"Username":"u","Password":"p"},"OAuthParameters":{"ClientParameters":{"ClientID":"i","ClientSecret":"s"},"AuthorizationEndpoint":"https://a","HttpMethod":"GET"}}}""", 1 },
        // A key under a condition counts as maybe set; a merged object (Fn::Transform) is not judged for keys.
        { "AWS::Events::Rule", """{"EventPattern":{"Fn::If":["c",{"source":["a"]},{"Ref":"AWS::NoValue"}]}}""", 0 },
        { "AWS::Lambda::Function", """{"Fn::Transform":{"Name":"x"}}""", 0 },
        { "AWS::Lambda::Function", "{}", 1 },
    };

    [Theory]
    [MemberData(nameof(Planted))]
    public void The_JSON_walk_finds_what_the_node_walk_finds(string type, string json, int expected)
    {
        var properties = (JsonObject)JsonNode.Parse(json)!;
        // Every second value of the JSON is located where the spec wrote it, the rest at their parent or the setter.
        var sources = new Dictionary<JsonNode, Node>(ReferenceEqualityComparer.Instance);
        var i = 0;
        foreach (var value in Descendants(properties))
        {
            if (i++ % 2 == 1)
            {
                sources[value] = new ScalarNode(SourceSpan.At("serverless.yml", 30 + i, 9), "written", ScalarKind.String);
            }
        }

        var resource = GeneratedResource.FromJson("Res", type, properties, Origin,
            key => key == "Runtime" ? Setter : null, sources);
        var fromJson = Describe(resource, walkJson: true);
        Assert.Equal(Describe(resource, walkJson: false), fromJson);
        Assert.Equal(expected, fromJson.Count);
    }

    [Fact]
    public void A_resource_without_properties_is_reported_at_its_origin_either_way()
    {
        var resource = GeneratedResource.FromJson("Res", "AWS::Lambda::Function", null, Origin);
        var found = Assert.Single(Describe(resource, walkJson: true));
        Assert.Equal(Describe(resource, walkJson: false), [found]);
        Assert.StartsWith($"{Origin} ", found, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_computed_from_a_sensitive_setting_is_shown_by_the_setting()
    {
        var secret = new ScalarNode(SourceSpan.At("serverless.yml", 8, 14), "nodejs99.x", ScalarKind.String) { IsSensitive = true, Expression = "${env:RUNTIME}" };
        var properties = (JsonObject)JsonNode.Parse("""{"Runtime":"nodejs99.x","Role":"arn:aws:iam::123456789012:role/r","Code":{"ZipFile":"x"}}""")!;
        var resource = GeneratedResource.FromJson("Res", "AWS::Lambda::Function", properties, Origin, key => key == "Runtime" ? secret : null);
        var found = Assert.Single(Describe(resource, walkJson: true));
        Assert.Equal(Describe(resource, walkJson: false), [found]);
        Assert.Contains("is ${env:RUNTIME}; allowed:", found, StringComparison.Ordinal);
        Assert.DoesNotContain("'nodejs99.x'", found, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_JSON_walk_finds_what_the_node_walk_finds_on_every_generated_resource_of_the_corpora_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var compared = 0;
        foreach (var corpusCase in Spec.Tests.Backends.CorpusCase.All().Concat(Spec.Tests.Backends.CorpusCase.RealWorld()))
        {
            var generated = new List<GeneratedResource>();
            var checker = new SpecChecker(new SpecCheckOptions
            {
                Resolve = ResolveOptions.FromArguments(corpusCase.Args, corpusCase.Environment),
                AsOf = new DateOnly(2026, 11, 23),
                Config = SpecConfig.Empty,
                BaseDirectory = corpusCase.Directory,
                Planner = service =>
                {
                    var plan = Spec.Backends.Plan.GeneratedForRules.Plan(service);
                    generated.AddRange(plan);
                    return plan;
                },
            });
            _ = checker.Check(Path.Combine(corpusCase.Directory, corpusCase.ConfigFile));
            foreach (var resource in generated)
            {
                Assert.Equal(Describe(resource, walkJson: false), Describe(resource, walkJson: true));
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} generated resources compared");
    }

    private static List<string> Describe(GeneratedResource resource, bool walkJson)
    {
        if (CfnConstraints.Default.Of(resource.Type) is not { } schema)
        {
            return [];
        }

        var violations = walkJson
            ? CfnConstraintChecker.Check(resource.PropertiesValue, schema, resource.OriginNode)
            : CfnConstraintChecker.Check(resource.Properties(), schema, resource.OriginNode);
        return [.. violations.Select(v => $"{v.Node.Span} {v.Node.GetType().Name} {v.Node.Display} [{v.Path}] {v.Problem}")];
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var below in Descendants(child))
            {
                yield return below;
            }
        }
    }
}
