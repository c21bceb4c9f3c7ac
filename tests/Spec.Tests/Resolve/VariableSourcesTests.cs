using Spec.Core.Resolve.Sources;
using Spec.Core.Syntax;

namespace Spec.Tests.Resolve;

/// <summary>The registry of variable sources: what each source says about itself matches what it does.</summary>
public sealed class VariableSourcesTests : IDisposable
{
    private readonly ResolveFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    /// <summary>One variable per source and address kind; a source added to the registry needs a line here.</summary>
    private static readonly (string Key, string Source, string? Address, string Variable)[] Cases =
    [
        ("self", "self", "service", "${self:service}"),
        ("opt", "opt", "stage", "${opt:stage}"),
        ("env", "env", "NAME", "${env:NAME}"),
        ("file", "file", null, "${file(./values.yml):key}"),
        ("sls", "sls", "stage", "${sls:stage}"),
        ("awsRegion", "aws", "region", "${aws:region}"),
        ("awsAccount", "aws", "accountId", "${aws:accountId}"),
        ("param", "param", "p", "${param:p}"),
        ("strToBool", "strToBool", null, "${strToBool(true)}"),
        ("ssm", "ssm", "/app/key", "${ssm:/app/key}"),
        ("cf", "cf", "stack.Output", "${cf:stack.Output}"),
        ("s3", "s3", "bucket/key", "${s3:bucket/key}"),
    ];

    [Fact]
    public void EverySourceThatNeedsAws_IsKeptAsADeployTimeReference_AndNoOther()
    {
        _fixture.File("values.yml", "key: from-file\n");
        var yaml = "service: svc\nprovider:\n  name: aws\ncustom:\n"
            + string.Concat(Cases.Select(c => $"  {c.Key}: {c.Variable}\n"));
        var options = NodePath.Options("--stage", "dev", "--param", "p=v").WithEnvironment(("NAME", "value"));

        var (spec, bag) = _fixture.Resolve(yaml, options);

        Assert.Empty(bag.Items);
        foreach (var (key, name, address, _) in Cases)
        {
            var source = VariableSources.Default.Find(name);
            Assert.NotNull(source);
            var value = spec.At("custom." + key);
            Assert.True(source.NeedsAws(address) == value is DeployTimeNode,
                $"{name}:{address} says NeedsAws={source.NeedsAws(address)} but resolved to {value.GetType().Name}");
        }

        Assert.Equal(
            VariableSources.Default.All.Select(s => s.Name).Order(StringComparer.Ordinal),
            Cases.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnUnknownSource_ListsTheRegisteredSources()
    {
        var (_, bag) = _fixture.Resolve("service: svc\ncustom:\n  x: ${foo:bar}\n");

        var d = bag.Single();
        Assert.Equal("Unrecognized configuration variable sources: \"foo\" (${foo:bar})", d.Message);
        Assert.Equal("the sources are self, opt, env, file, sls, aws, param, strToBool, ssm, cf and s3", d.Help);
    }
}
