using System.Diagnostics;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Resolve;

public sealed class VariableResolverTests : IDisposable
{
    private readonly ResolveFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private const string Head = "service: svc\nprovider:\n  name: aws\n";

    [Fact]
    public void Self_WholeValueKeepsTheTypeAndRemembersWhereItCameFrom()
    {
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              num: 42
              list: [a, b]
              map: {k: v}
              n: ${self:custom.num}
              l: ${self:custom.list}
              m: ${self:custom.map}
            """);
        Assert.Empty(bag.Items);
        var n = Assert.IsType<ScalarNode>(spec.At("custom.n"));
        Assert.Equal(ScalarKind.Int, n.Kind);
        Assert.Equal("42", n.Text);
        Assert.Equal("${self:custom.num}", n.Expression);
        Assert.Equal(8, n.Span.Line);
        Assert.Equal(5, n.Origin!.Line);
        Assert.False(n.IsSensitive);
        Assert.Equal(2, Assert.IsType<SequenceNode>(spec.At("custom.l")).Items.Count);
        var m = Assert.IsType<MappingNode>(spec.At("custom.m"));
        Assert.Equal("v", Assert.IsType<ScalarNode>(m["k"]).Text);
        Assert.Equal(7, m.Origin!.Line);
    }

    [Fact]
    public void Self_ReadsTheRawConfigBeforeDefaults()
    {
        var (_, bag) = _fixture.Resolve(Head + "custom:\n  s: ${opt:stage, self:provider.stage}\n", NodePath.Options());
        var d = bag.Single();
        Assert.Equal(DiagnosticIds.Variable, d.Id);
        Assert.Contains("Value not found at \"self\" source", d.Message, StringComparison.Ordinal);
        Assert.Equal("5:6", d.At());
    }

    [Fact]
    public void Fallbacks_FirstValueWins_LiteralsKeepTheirType()
    {
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              a: ${opt:stage, self:provider.stage, 'dev'}
              b: ${opt:nope, "double"}
              c: ${opt:nope, 10}
              d: ${opt:nope, 1.5}
              e: ${opt:nope, true}
              f: ${opt:nope, false}
              g: ${opt:nope, null}
              h: ${opt:stage, 'dev'}
              i: ${env:NOPE, opt:nope, self:custom.c}
            """, NodePath.Options("--stage", "prod"));
        Assert.Empty(bag.Items);
        Assert.Equal("prod", spec.Text("custom.a"));
        Assert.Equal("double", spec.Text("custom.b"));
        Assert.Equal(ScalarKind.Int, Assert.IsType<ScalarNode>(spec.At("custom.c")).Kind);
        Assert.Equal(ScalarKind.Float, Assert.IsType<ScalarNode>(spec.At("custom.d")).Kind);
        Assert.True(Assert.IsType<ScalarNode>(spec.At("custom.e")).AsBool);
        Assert.False(Assert.IsType<ScalarNode>(spec.At("custom.f")).AsBool);
        Assert.True(Assert.IsType<ScalarNode>(spec.At("custom.g")).IsNull);
        Assert.Equal("prod", spec.Text("custom.h"));
        Assert.Equal("10", spec.Text("custom.i"));
    }

    [Fact]
    public void NestedVariablesInAnAddressResolveFirst()
    {
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              dev: {mem: 256}
              prod: {mem: 1024}
              mem: ${self:custom.${sls:stage}.mem}
            """, NodePath.Options("--stage", "prod"));
        Assert.Empty(bag.Items);
        Assert.Equal("1024", spec.Text("custom.mem"));
    }

    [Fact]
    public void EscapedVariablesStayLiteral_ForeignOnesAreUntouched()
    {
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              escaped: 'lit \${self:service}'
              region: ${AWS::Region}-${sls:stage}
              sub: !Sub '${MyParam}-${AWS::AccountId}-${self:service}'
              dollar: cost $5 and ${} too
            """);
        Assert.Empty(bag.Items);
        Assert.Equal("lit ${self:service}", spec.Text("custom.escaped"));
        Assert.Equal("${AWS::Region}-dev", spec.Text("custom.region"));
        var sub = Assert.IsType<MappingNode>(spec.At("custom.sub"));
        Assert.Equal("${MyParam}-${AWS::AccountId}-svc", Assert.IsType<ScalarNode>(sub["Fn::Sub"]).Text);
        Assert.Equal("cost $5 and ${} too", spec.Text("custom.dollar"));
    }

    [Fact]
    public void ConcatenationStringifiesNumbersAndBooleans_ButNotListsOrMappings()
    {
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              n: 1.50
              b: true
              list: [1, 2]
              s: ${self:custom.n}-${self:custom.b}
              bad: x-${self:custom.list}
            """);
        Assert.Equal("1.5-true", spec.Text("custom.s"));
        var d = bag.Single();
        Assert.Contains("non-string value", d.Message, StringComparison.Ordinal);
        Assert.Contains("${self:custom.list} is a list", d.Message, StringComparison.Ordinal);
        Assert.Equal("9:10", d.At());
        Assert.Equal("x-${self:custom.list}", spec.Text("custom.bad"));
    }

    [Fact]
    public void Cycles_AreOneErrorAtTheVariableThatClosesThem()
    {
        var (_, bag) = _fixture.Resolve(Head + """
            custom:
              a: ${self:custom.b}
              b: x-${self:custom.a}
              self: ${self:custom.self}
            """);
        Assert.Equal(2, bag.Items.Count);
        var among = bag.Items.Single(d => d.Message.Contains("among", StringComparison.Ordinal));
        Assert.Contains("Circular reference among \"custom.b\" and \"custom.a\"", among.Message, StringComparison.Ordinal);
        Assert.Equal("6:8", among.At());
        var itself = bag.Items.Single(d => d.Message.Contains("refers to itself", StringComparison.Ordinal));
        Assert.Equal("7:9", itself.At());
    }

    [Fact]
    public void NestingDeeperThanTenLevelsIsAnError()
    {
        var env = Enumerable.Range(1, 12).Select(i => ($"V{i}", i < 12 ? $"${{env:V{i + 1}}}" : "end")).ToArray();
        var (spec, bag) = _fixture.Resolve(Head + "custom:\n  deep: ${env:V1}\n  ok: ${env:V5}\n",
            NodePath.Options().WithEnvironment(env));
        var d = bag.Single();
        Assert.Contains("Excessive variables nest depth", d.Message, StringComparison.Ordinal);
        Assert.Equal("5:9", d.At());
        Assert.Equal("end", spec.Text("custom.ok"));
    }

    [Fact]
    public void UnknownSourcesAreReported()
    {
        var (_, bag) = _fixture.Resolve(Head + "custom:\n  lift: ${construct:queue.arn}\n");
        var d = bag.Single();
        Assert.StartsWith("Unrecognized configuration variable sources: \"construct\"", d.Message, StringComparison.Ordinal);
        Assert.Equal("5:9", d.At());
    }

    [Fact]
    public void MissingValuesPointAtTheVariable_AndErrorsAreBatched()
    {
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              a: prefix-${env:NOPE}
              b: "quoted ${opt:nope}"
              c: ${self:service}
              d: |
                line one
                line ${opt:two}
            """);
        Assert.Equal(3, bag.Items.Count);
        Assert.Equal("5:13", bag.Items[0].At());
        Assert.Contains("Value not found at \"env\" source (${env:NOPE})", bag.Items[0].Message, StringComparison.Ordinal);
        Assert.Equal("6:14", bag.Items[1].At());
        Assert.Equal("10:10", bag.Items[2].At());
        Assert.Equal("svc", spec.Text("custom.c"));
    }

    [Fact]
    public void SyntaxErrorsHaveALocation()
    {
        var (_, bag) = _fixture.Resolve(Head + "custom:\n  a: x-${self:custom\n");
        var d = bag.Single();
        Assert.Contains("Missing variable closing bracket", d.Message, StringComparison.Ordinal);
        Assert.Equal("5:8", d.At());
    }

    [Fact]
    public void EnvValuesAreSensitive_AndNeverEchoed()
    {
        var options = NodePath.Options().WithEnvironment(("TOKEN", "s3cr3t"), ("LIST", "a"));
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              token: ${env:TOKEN}
              both: ${env:TOKEN}-${self:service}
              bad: ${strToBool(${env:TOKEN})}
            """, options);
        var token = Assert.IsType<ScalarNode>(spec.At("custom.token"));
        Assert.True(token.IsSensitive);
        Assert.Equal("${env:TOKEN}", token.Expression);
        Assert.Equal("${env:TOKEN}", token.Display);
        Assert.True(spec.At("custom.both").IsSensitive);
        var d = bag.Single();
        Assert.DoesNotContain("s3cr3t", d.Message, StringComparison.Ordinal);
        Assert.Contains("strToBool", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_YamlWithTags_Json_Text_AndMissingFilesUseTheFallback()
    {
        _fixture.File("conf/data.yml", "x:\n  y:\n    z: ${self:service}\n    ref: !Ref Foo\n")
            .File("data.json", """{"k": [1, "two"], "s": "${sls:stage}"}""")
            .File("note.txt", "hello\n");
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              yml: ${file(./conf/data.yml):x.y}
              json: ${file(data.json)}
              text: ${file(./note.txt)}
              missing: ${file(./nope.yml), 'dflt'}
              missingKey: ${file(./conf/data.yml):x.nope, 'none'}
            """);
        Assert.Empty(bag.Items);
        var yml = Assert.IsType<MappingNode>(spec.At("custom.yml"));
        Assert.Equal("svc", Assert.IsType<ScalarNode>(yml["z"]).Text);
        Assert.Equal("Foo", Assert.IsType<ScalarNode>(Assert.IsType<MappingNode>(yml["ref"])["Ref"]).Text);
        Assert.True(yml.IsSensitive);
        Assert.True(yml["ref"]!.IsSensitive);
        Assert.EndsWith("data.yml", yml.Origin!.File, StringComparison.Ordinal);
        Assert.Equal(5, yml.Span.Line);
        Assert.Equal("dev", spec.Text("custom.json.s"));
        Assert.Equal("hello\n", spec.Text("custom.text"));
        Assert.Equal("dflt", spec.Text("custom.missing"));
        Assert.Equal("none", spec.Text("custom.missingKey"));
    }

    [Fact]
    public void Files_IncludedAsAWholeProperty_ReferToTheirOwnKeysThroughSelf()
    {
        // The Framework places the included mapping first, then resolves its variables as properties of the main
        // config: ${self:custom.stage} inside the file included as custom is the file's stage, not a cycle.
        _fixture.File("common.yml", """
            custom:
              stage: ${opt:stage, 'dev'}
              domains: {dev: api-dev.example.com, prod: api.example.com}
              domainName: ${self:custom.domains.${self:custom.stage}}
              certificate: ${self:custom.domainName}
              loop: ${self:custom}
            """);
        var (spec, bag) = _fixture.Resolve(Head + "custom: ${file(./common.yml):custom}\n");
        Assert.Equal("dev", spec.Text("custom.stage"));
        Assert.Equal("api-dev.example.com", spec.Text("custom.domainName"));
        Assert.Equal("api-dev.example.com", spec.Text("custom.certificate"));
        var cycle = Assert.Single(bag.Items);
        Assert.Contains("Circular reference", cycle.Message, StringComparison.Ordinal);
        Assert.True(spec.At("custom").IsSensitive);
    }

    [Fact]
    public void Files_JavaScriptIsNotExecuted()
    {
        _fixture.File("config.js", "module.exports = () => ({ a: 1 });");
        var (_, bag) = _fixture.Resolve(Head + "custom:\n  js: ${file(./config.js):a}\n  gone: ${file(./gone.js), 'x'}\n");
        var d = bag.Single();
        Assert.Equal(DiagnosticIds.Unsupported, d.Id);
        Assert.Contains("does not execute JavaScript", d.Message, StringComparison.Ordinal);
        Assert.Equal("5:7", d.At());
    }

    [Fact]
    public void Files_OutsideTheServiceDirectoryNeedAnOptIn()
    {
        _fixture.File("../secret.yml", "key: hunter2\n");
        const string yaml = Head + "custom:\n  s: ${file(../secret.yml):key}\n";
        var (_, bag) = _fixture.Resolve(yaml);
        var d = bag.Single();
        Assert.Contains("outside the service directory", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", d.Message, StringComparison.Ordinal);
        Assert.Equal("5:6", d.At());

        var (spec, allowed) = _fixture.Resolve(yaml, ResolveOptions.Empty with { AllowOutsideFiles = true });
        Assert.Empty(allowed.Items);
        Assert.Equal("hunter2", spec.Text("custom.s"));
    }

    [Fact]
    public void SlsAndAwsSources_FollowTheFrameworkPrecedence()
    {
        const string yaml = Head + """
              stage: staging
              region: eu-west-1
            custom:
              stage: ${sls:stage}
              region: ${aws:region}
              id: ${sls:instanceId}
            """;
        var (spec, bag) = _fixture.Resolve(yaml);
        Assert.Empty(bag.Items);
        Assert.Equal("staging", spec.Text("custom.stage"));
        Assert.Equal("eu-west-1", spec.Text("custom.region"));
        Assert.Equal(("staging", "eu-west-1"), (spec.Stage, spec.Region));
        var id = spec.Text("custom.id");
        Assert.Matches("^[0-9]{13}$", id);
        Assert.Equal(id, _fixture.Resolve(yaml).Spec.Text("custom.id"));

        var (cli, _) = _fixture.Resolve(yaml, NodePath.Options("--stage", "prod", "--region", "us-west-2"));
        Assert.Equal("prod", cli.Text("custom.stage"));
        Assert.Equal("us-west-2", cli.Text("custom.region"));
        Assert.Equal(("prod", "us-west-2"), (cli.Stage, cli.Region));

        var (bare, _) = _fixture.Resolve(Head + "custom:\n  s: ${sls:stage}\n");
        Assert.Equal(("dev", "us-east-1"), (bare.Stage, bare.Region));
    }

    [Fact]
    public void Params_CliBeatsStageBeatsDefault()
    {
        const string yaml = Head + """
            params:
              default: {a: default-a, b: default-b, c: default-c}
              prod: {a: prod-a, b: prod-b}
            custom:
              a: ${param:a}
              b: ${param:b}
              c: ${param:c}
              d: ${param:d, 'none'}
            """;
        var (spec, bag) = _fixture.Resolve(yaml, NodePath.Options("--stage", "prod", "--param", "a=cli-a"));
        Assert.Empty(bag.Items);
        Assert.Equal(["cli-a", "prod-b", "default-c", "none"],
            new[] { "a", "b", "c", "d" }.Select(k => spec.Text("custom." + k)));
    }

    [Fact]
    public void StrToBool_AcceptsTrueFalseOneZero()
    {
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              t: ${strToBool(true)}
              one: ${strToBool('1')}
              f: ${strToBool("false")}
              bad: ${strToBool(maybe)}
            """);
        Assert.True(Assert.IsType<ScalarNode>(spec.At("custom.t")).AsBool);
        Assert.True(Assert.IsType<ScalarNode>(spec.At("custom.one")).AsBool);
        Assert.False(Assert.IsType<ScalarNode>(spec.At("custom.f")).AsBool);
        var d = bag.Single();
        Assert.Contains("Invalid \"strToBool\" input", d.Message, StringComparison.Ordinal);
        Assert.Equal("8:8", d.At());
    }

    [Fact]
    public void DeployTimeSources_BecomeDeployTimeNodes()
    {
        var (spec, bag) = _fixture.Resolve(Head + """
            custom:
              secret: ${ssm:/app/${sls:stage}/db}
              arn: arn:aws:sqs:${aws:region}:${aws:accountId}:queue
              out: ${cf(eu-west-1):other-stack.QueueUrl}
              obj: ${s3:bucket/key}
              copy: ${self:custom.secret}
            """);
        Assert.Empty(bag.Items);
        var secret = Assert.IsType<DeployTimeNode>(spec.At("custom.secret"));
        Assert.True(secret.IsWholeValue);
        var reference = Assert.IsType<DeployTimeReference>(secret.Parts[0]);
        Assert.Equal(("ssm", "/app/dev/db"), (reference.Source, reference.Address));
        Assert.Equal("${ssm:/app/dev/db}", reference.Expression);

        var arn = Assert.IsType<DeployTimeNode>(spec.At("custom.arn"));
        Assert.False(arn.IsWholeValue);
        Assert.Equal(["arn:aws:sqs:us-east-1:", "${aws:accountId}", ":queue"], arn.Parts.Select(p => p.Display));
        var cf = Assert.IsType<DeployTimeReference>(Assert.IsType<DeployTimeNode>(spec.At("custom.out")).Parts[0]);
        Assert.Equal(["eu-west-1"], cf.Parameters);
        Assert.Equal("other-stack.QueueUrl", cf.Address);
        Assert.IsType<DeployTimeNode>(spec.At("custom.obj"));
        Assert.IsType<DeployTimeNode>(spec.At("custom.copy"));
    }

    [Fact]
    public void HostileSelfReferences_FinishFast()
    {
        var strings = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"  s{i}: ${{self:custom.s{i + 1}}}${{self:custom.s{i + 1}}}"));
        var lists = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"  l{i}: [\"${{self:custom.l{i + 1}}}\", \"${{self:custom.l{i + 1}}}\"]"));
        var watch = Stopwatch.StartNew();
        var (spec, bag) = _fixture.Resolve(Head + "custom:\n" + strings + "\n  s40: ab\n" + lists + "\n  l40: x\n");
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains(bag.Items, d => d.Message.Contains("longer than", StringComparison.Ordinal));
        Assert.Contains(bag.Items, d => d.Message.Contains("expands to more than", StringComparison.Ordinal));
        Assert.Null(spec.Root);
    }

    [Fact]
    public void LongReferenceChains_AreCutBeforeTheStackIs()
    {
        var chain = string.Join("\n", Enumerable.Range(0, 3000).Select(i => $"  c{i}: ${{self:custom.c{i + 1}}}"));
        var (spec, bag) = _fixture.Resolve(Head + "custom:\n" + chain + "\n  c3000: end\n  other: ${self:service}\n");
        Assert.NotEmpty(bag.Items);
        Assert.All(bag.Items, d => Assert.Contains("more than 500 levels deep", d.Message, StringComparison.Ordinal));
        Assert.Equal("svc", spec.Text("custom.other"));
        Assert.Equal("end", spec.Text("custom.c2999"));
    }

    [Fact]
    public void Dotenv_LoadsTheStageFileFirst()
    {
        _fixture.File(".env", "ONLY_DEFAULT=yes\nNAME=default\n")
            .File(".env.prod", "# comment\nexport NAME=\"prod name\"\nQUOTED='single' # trailing\nREF=${NAME}-x\n");
        const string yaml = Head + """
            useDotenv: true
            custom:
              name: ${env:NAME}
              quoted: ${env:QUOTED}
              ref: ${env:REF}
              fromDefault: ${env:ONLY_DEFAULT, 'not loaded'}
            """;
        var (spec, bag) = _fixture.Resolve(yaml, NodePath.Options("--stage", "prod"));
        Assert.Empty(bag.Items);
        Assert.Equal(["prod name", "single", "prod name-x", "not loaded"],
            new[] { "name", "quoted", "ref", "fromDefault" }.Select(k => spec.Text("custom." + k)));

        var (dev, _) = _fixture.Resolve(yaml);
        Assert.Equal("default", dev.Text("custom.name"));
        Assert.Equal("yes", dev.Text("custom.fromDefault"));
    }

    [Fact]
    public void Dotenv_IsIgnoredWithoutUseDotenv_AndDoesNotOverrideTheEnvironment()
    {
        _fixture.File(".env", "NAME=file\n");
        var (spec, _) = _fixture.Resolve(Head + "custom:\n  name: ${env:NAME, 'unset'}\n");
        Assert.Equal("unset", spec.Text("custom.name"));
        var (env, _) = _fixture.Resolve(Head + "useDotenv: true\ncustom:\n  name: ${env:NAME}\n",
            NodePath.Options().WithEnvironment(("NAME", "process")));
        Assert.Equal("process", env.Text("custom.name"));
    }

    [Fact]
    public void FromArguments_ReadsOptionsParamsAndFlags()
    {
        var options = ResolveOptions.FromArguments(
            ["--stage", "dev", "--param", "k=v", "--param=x=y=z", "--foo", "bar", "--flag", "-r", "eu-west-1", "--last"],
            new Dictionary<string, string> { ["A"] = "1" });
        Assert.Equal("dev", options.Stage);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("bar", options.Options["foo"]);
        Assert.Equal("true", options.Options["flag"]);
        Assert.Equal("true", options.Options["last"]);
        Assert.Equal([new("k", "v"), new KeyValuePair<string, string>("x", "y=z")], options.Params);
        Assert.Equal("1", options.Environment["A"]);
    }
}
