using System.IO.Compression;
using Spec.Backends.CloudFormation;
using Spec.Backends.Packaging;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends;

public sealed class PackagerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "spec-pkg-" + Guid.NewGuid().ToString("N"));

    public PackagerTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "src"));
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
        File.WriteAllText(Path.Combine(_dir, "src", "a.js"), "exports.a = 1;");
        File.WriteAllText(Path.Combine(_dir, "src", "b.js"), "exports.b = 2;");
        File.WriteAllText(Path.Combine(_dir, "README.md"), "readme");
        File.WriteAllText(Path.Combine(_dir, ".git", "HEAD"), "ref");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PackageResult Package(string yaml, DiagnosticBag bag)
    {
        var path = Path.Combine(_dir, "serverless.yml");
        File.WriteAllText(path, yaml);
        var loaded = new YamlLoader().LoadFile(path, bag);
        return Packager.Package(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag);
    }

    private static List<string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    [Fact]
    public void ServiceZip_IsDeterministicAndFollowsPatternsAndDefaultExcludes()
    {
        const string yaml = """
            service: svc
            provider: {name: aws}
            package: {patterns: ['!README.md']}
            functions:
              f: {handler: src/a.handler}
            """;
        var bag = new DiagnosticBag();
        var first = Package(yaml, bag);
        File.SetLastWriteTimeUtc(Path.Combine(_dir, "src", "a.js"), DateTime.UtcNow.AddDays(-3));
        var second = Package(yaml, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var artifact = Assert.Single(first.Artifacts);
        Assert.Equal("svc.zip", artifact.Name);
        Assert.Equal(artifact.Bytes, Assert.Single(second.Artifacts).Bytes);
        Assert.Equal(["src/a.js", "src/b.js"], Entries(artifact.Bytes));
        var function = first.Compile.Plan["FLambdaFunction"]!;
        Assert.Equal(artifact.S3Key, function.Properties["Code"]!["S3Key"]!.GetValue<string>());
        var version = first.Compile.Plan.Resources.Single(r => r.Type == "AWS::Lambda::Version");
        Assert.Equal(artifact.Sha256Base64, version.Properties["CodeSha256"]!.GetValue<string>());
        Assert.Equal(first.Compile.Text, second.Compile.Text);
    }

    [Fact]
    public void Individually_GivesOneZipPerFunctionWithItsOwnPatterns()
    {
        var bag = new DiagnosticBag();
        var result = Package("""
            service: svc
            provider: {name: aws}
            package: {individually: true, patterns: ['!**', 'src/**']}
            functions:
              a: {handler: src/a.handler, package: {patterns: ['!src/b.js']}}
              b: {handler: src/b.handler, package: {patterns: ['!src/a.js']}}
            """, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.Equal(["a.zip", "b.zip"], result.Artifacts.Select(a => a.Name).Order());
        Assert.Equal(["src/a.js"], Entries(result.Artifacts.Single(a => a.Name == "a.zip").Bytes));
        Assert.Equal(["src/b.js"], Entries(result.Artifacts.Single(a => a.Name == "b.zip").Bytes));
        var outDir = Path.Combine(_dir, ".spec");
        Assert.True(Packager.Write(result, outDir, TemplateFormat.Json, bag));
        Assert.True(File.Exists(Path.Combine(outDir, "a.zip")));
        Assert.True(File.Exists(Path.Combine(outDir, "cloudformation-template-update-stack.json")));
    }

    [Theory]
    [InlineData("src/**", "src/x/y.js", true)]
    [InlineData("./bin/**", "bin/app", true)]
    [InlineData("*.md", "docs/a.md", false)]
    [InlineData("**/*.md", "docs/a.md", true)]
    [InlineData("node_modules", "node_modules/x/index.js", true)]
    [InlineData("yarn-*.log", "yarn-error.log", true)]
    public void Glob_MatchesLikeTheFramework(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new GlobPattern(pattern).IsMatch(path));
}
