using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Backends.CloudFormation;
using Spec.Backends.Packaging;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.Layers;

public sealed partial class LayerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "spec-layers-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>The deployment folder of an S3 key (the Framework's is a timestamp, Spec's a content hash).</summary>
    [GeneratedRegex("(serverless/[^/\"]+/dev/)[^/\"]+/")]
    private static partial Regex DeploymentFolder();

    internal static JsonObject WithoutDeploymentFolder(string templateText) =>
        JsonNode.Parse(DeploymentFolder().Replace(templateText, "$1#/"))!.AsObject();

    private static ResolvedSpec Resolve(string yaml, DiagnosticBag bag, string path = "serverless.yml")
    {
        var loaded = new YamlLoader().LoadText(path, yaml, bag);
        return new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1");
    }

    private static CompileResult Compile(string yaml, DiagnosticBag bag, PlanOptions? options = null) =>
        CloudFormationCompiler.Compile(Resolve(yaml, bag), bag, options);

    private static void AssertSameTemplate(string frameworkTemplate, CompileResult ours)
    {
        Assert.NotNull(ours.Text);
        var differences = TemplateComparer.Differences(WithoutDeploymentFolder(frameworkTemplate), WithoutDeploymentFolder(ours.Text!));
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void LayersFromFolders_EqualTheFrameworkTemplate_HashesIncluded()
    {
        // With the Framework's zip bytes the SHA-1 (Hash output, retained layer ids) must be the Framework's exactly.
        var bag = new DiagnosticBag();
        var result = Compile(LayersFixture.FoldersSpec, bag, new PlanOptions
        {
            ArtifactContents = new Dictionary<string, byte[]>
            {
                ["common.zip"] = LayersFixture.FoldersCommonZip,
                ["kept-layer.zip"] = LayersFixture.FoldersKeptZip,
            },
        });
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        AssertSameTemplate(LayersFixture.FoldersTemplate, result);
        var expected = JsonNode.Parse(LayersFixture.FoldersTemplate)!["Resources"]!.AsObject();
        var ours = JsonNode.Parse(result.Text!)!["Resources"]!.AsObject();
        Assert.Equal(expected.Select(p => p.Key).Where(k => k.Contains("Layer", StringComparison.Ordinal)),
            ours.Select(p => p.Key).Where(k => k.Contains("Layer", StringComparison.Ordinal)));
    }

    [Fact]
    public void PrebuiltAndRetainedLayers_EqualTheFrameworkTemplate_HashesIncluded()
    {
        var bag = new DiagnosticBag();
        var result = Compile(LayersFixture.PrebuiltSpec, bag, new PlanOptions
        {
            ArtifactContents = new Dictionary<string, byte[]>
            {
                ["deps.zip"] = LayersFixture.FoldersCommonZip,
                ["shared_tools.zip"] = LayersFixture.PrebuiltSharedToolsZip,
            },
        });
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        AssertSameTemplate(LayersFixture.PrebuiltTemplate, result);
    }

    [Fact]
    public void Compile_WithoutPackaging_IsDeterministicAndStillMatchesTheFrameworkModuloHashes()
    {
        var bag = new DiagnosticBag();
        var first = Compile(LayersFixture.FoldersSpec, bag);
        var second = Compile(LayersFixture.FoldersSpec, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.Equal(first.Text, second.Text);
        var hash = first.Plan.Outputs["KeptDashlayerLambdaLayerHash"]!["Value"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{40}$", hash);
        Assert.True(first.Plan.Contains("KeptDashlayerLambdaLayer" + hash));
        Assert.True(first.Plan.Contains("KeptDashlayer210987654321LambdaLayerPermission" + hash));
    }

    private void Write(string relative, string text, bool executable = false)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
    }

    private PackageResult Package(string yaml, DiagnosticBag bag)
    {
        var path = Path.Combine(_dir, "serverless.yml");
        Write("serverless.yml", yaml);
        return Packager.Package(Resolve(File.ReadAllText(path), bag, path), bag);
    }

    private static List<string> ZipEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    private static string ZipText(byte[] zip, string entry)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private const string PackagedSpec = """
        service: svc
        provider: {name: aws, runtime: nodejs20.x}
        package:
          patterns: ['!**/*.txt']
        layers:
          tools:
            path: layers/tools
            package:
              patterns: ['!**/*.md']
          deps:
            package: {artifact: prebuilt/deps.zip}
        functions:
          api:
            handler: app.handler
            layers: [{Ref: ToolsLambdaLayer}, {Ref: DepsLambdaLayer}]
        """;

    private void WriteServiceFiles()
    {
        Write("app.js", "exports.handler = 1;");
        Write("layers/tools/bin/tool.sh", "echo hi", executable: true);
        Write("layers/tools/nodejs/node_modules/x/index.js", "module.exports = 1;");
        Write("layers/tools/nodejs/README.md", "doc");
        Write("layers/tools/notes.txt", "notes");
        Directory.CreateDirectory(Path.Combine(_dir, "prebuilt"));
        File.WriteAllBytes(Path.Combine(_dir, "prebuilt", "deps.zip"), LayersFixture.FoldersCommonZip);
    }

    [Fact]
    public void Package_ZipsEachLayerFromItsFolder_DeterministicallyAndWithPatterns()
    {
        WriteServiceFiles();
        var bag = new DiagnosticBag();
        var first = Package(PackagedSpec, bag);
        File.SetLastWriteTimeUtc(Path.Combine(_dir, "layers", "tools", "bin", "tool.sh"), DateTime.UtcNow.AddDays(-2));
        var second = Package(PackagedSpec, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));

        Assert.Equal(["deps.zip", "svc.zip", "tools.zip"], first.Artifacts.Select(a => a.Name).Order(StringComparer.Ordinal));
        foreach (var artifact in first.Artifacts)
        {
            Assert.Equal(artifact.Bytes, second.Artifacts.Single(a => a.Name == artifact.Name).Bytes);
        }

        Assert.Equal(first.Compile.Text, second.Compile.Text);
        var tools = first.Artifacts.Single(a => a.Name == "tools.zip");
        // Named from the layer folder; the service's '!**/*.txt' and the layer's '!**/*.md' both apply.
        Assert.Equal(["bin/tool.sh", "nodejs/node_modules/x/index.js"], ZipEntries(tools.Bytes));
        using (var archive = new ZipArchive(new MemoryStream(tools.Bytes)))
        {
            Assert.Equal(0b111_101_101, (archive.GetEntry("bin/tool.sh")!.ExternalAttributes >> 16) & 0x1FF);
        }

        // The service zip never holds a layer's folder.
        Assert.Equal(["app.js", "prebuilt/deps.zip"], ZipEntries(first.Artifacts.Single(a => a.Name == "svc.zip").Bytes));
        Assert.Equal("module.exports = 1;", ZipText(tools.Bytes, "nodejs/node_modules/x/index.js"));

        var layer = first.Compile.Plan["ToolsLambdaLayer"]!;
        Assert.Equal(tools.S3Key, layer.Properties["Content"]!["S3Key"]!.GetValue<string>());
        Assert.Equal(tools.S3Key, first.Compile.Plan.Outputs["ToolsLambdaLayerS3Key"]!["Value"]!.GetValue<string>());
    }

    [Fact]
    public void FunctionCodeChange_KeepsTheLayerS3KeySoNoNewLayerVersionIsPublished()
    {
        WriteServiceFiles();
        var bag = new DiagnosticBag();
        var before = Package(PackagedSpec, bag);
        Write("app.js", "exports.handler = 2;");
        var after = Package(PackagedSpec, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        static string Key(PackageResult r, string name) => r.Artifacts.Single(a => a.Name == name).S3Key;
        Assert.NotEqual(Key(before, "svc.zip"), Key(after, "svc.zip"));
        Assert.Equal(Key(before, "tools.zip"), Key(after, "tools.zip"));
        Assert.Equal(Key(before, "deps.zip"), Key(after, "deps.zip"));
        Assert.Equal(before.Compile.Plan["ToolsLambdaLayer"]!.Body.ToJsonString(), after.Compile.Plan["ToolsLambdaLayer"]!.Body.ToJsonString());
    }

    [Fact]
    public void Package_PrebuiltLayerArtifact_GivesTheFrameworkHash()
    {
        // prebuilt/deps.zip holds the Framework's own common.zip bytes; with the same resource JSON (LayerName 'deps',
        // no other property) the Framework's hash for this layer in LayersFixture.PrebuiltTemplate is f833cadf….
        WriteServiceFiles();
        var bag = new DiagnosticBag();
        var result = Package("""
            service: layer-svc2
            provider: {name: aws, runtime: python3.12, deploymentBucket: {name: my-artifacts-bucket}}
            layers:
              deps:
                package: {artifact: prebuilt/deps.zip}
                compatibleRuntimes: [python3.12]
            functions:
              api: {handler: app.handler}
            """, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var expected = JsonNode.Parse(LayersFixture.PrebuiltTemplate)!["Outputs"]!["DepsLambdaLayerHash"]!["Value"]!.GetValue<string>();
        Assert.Equal(expected, result.Compile.Plan.Outputs["DepsLambdaLayerHash"]!["Value"]!.GetValue<string>());
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "prebuilt", "deps.zip")), result.Artifacts.Single(a => a.Name == "deps.zip").Bytes);
    }

    [Fact]
    public void LayerContentChange_ChangesLayerHashAndTheVersionOfFunctionsUsingIt()
    {
        WriteServiceFiles();
        var bag = new DiagnosticBag();
        var before = Package(PackagedSpec, bag);
        Write("layers/tools/nodejs/node_modules/x/index.js", "module.exports = 2;");
        var after = Package(PackagedSpec, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        static string Hash(PackageResult r) => r.Compile.Plan.Outputs["ToolsLambdaLayerHash"]!["Value"]!.GetValue<string>();
        static string Version(PackageResult r) => r.Compile.Plan.Resources.Single(x => x.Type == "AWS::Lambda::Version").LogicalId;
        Assert.NotEqual(Hash(before), Hash(after));
        Assert.NotEqual(Version(before), Version(after));
        Assert.Equal(before.Artifacts.Single(a => a.Name == "svc.zip").Bytes, after.Artifacts.Single(a => a.Name == "svc.zip").Bytes);
    }

    [Fact]
    public void MissingLayerFolder_IsADiagnosticAtItsPath()
    {
        Write("app.js", "x");
        var bag = new DiagnosticBag();
        var result = Package("""
            service: svc
            provider: {name: aws}
            layers:
              gone: {path: nowhere}
            functions:
              f: {handler: app.f}
            """, bag);
        var d = Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.Output);
        Assert.Equal(4, d.Span!.Line);
        Assert.Contains("nowhere", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Artifacts, a => a.Name == "gone.zip");
    }

    [Fact]
    public void UnquotedAccountId_IsAStringPrincipal()
    {
        var bag = new DiagnosticBag();
        var result = Compile("""
            service: svc
            provider: {name: aws}
            layers:
              shared: {path: shared, allowedAccounts: [123456789012]}
            functions:
              f: {handler: app.f}
            """, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var principal = result.Plan["Shared123456789012LambdaLayerPermission"]!.Properties["Principal"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, principal.GetValueKind());
        Assert.Equal("123456789012", principal.GetValue<string>());
    }

    [Fact]
    public void LayerWithoutPathOrArtifact_IsADiagnostic()
    {
        var bag = new DiagnosticBag();
        var result = Compile("""
            service: svc
            provider: {name: aws}
            layers:
              empty: {description: nothing to zip}
            functions:
              f: {handler: app.f}
            """, bag);
        var d = Assert.Single(bag.Items, d => d.Id == CloudFormationDiagnosticIds.InvalidSpec);
        Assert.Equal(4, d.Span!.Line);
        Assert.Null(result.Text);
    }

    [SkippableFact]
    public void Corpus_FfmpegLayerExample_EqualsTheFrameworkTemplate_RequiresShared()
    {
        TestSkip.If(SharedData.Missing, SharedData.SkipReason);
        var path = Path.Combine(SharedData.Corpus!, "sls-examples-raw", "aws-ffmpeg-layer", "serverless.yml");
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadFile(path, bag);
        var spec = VariableResolver.Resolve(loaded, ResolveOptions.Empty, bag);
        var result = CloudFormationCompiler.Compile(spec, bag, new PlanOptions
        {
            ArtifactContents = new Dictionary<string, byte[]> { ["ffmpeg.zip"] = FfmpegLayerCorpusFixture.LayerZip },
        });
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        AssertSameTemplate(FfmpegLayerCorpusFixture.Template, result);
    }
}
