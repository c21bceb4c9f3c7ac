using System.IO.Compression;
using System.Text.Json.Nodes;
using Spec.Backends.Packaging;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Backends.CustomResources;

/// <summary><c>spec package</c> builds <c>custom-resources.zip</c> whenever the plan has a custom-resource function.</summary>
public sealed class CustomResourcesPackageTests : IDisposable
{
    private const string AllThreeKinds = """
        service: svc
        provider:
          name: aws
          runtime: nodejs20.x
          eventBridge: {useCloudFormation: false}
        functions:
          worker:
            handler: handler.worker
            events:
              - s3: {bucket: uploads, existing: true}
              - cognitoUserPool: {pool: Users, trigger: PreSignUp, existing: true}
              - eventBridge: {pattern: {source: [app]}}
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "spec-crpkg-" + Guid.NewGuid().ToString("N"));

    public CustomResourcesPackageTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "handler.js"), "exports.worker = async () => {};");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PackageResult Package(string yaml)
    {
        var bag = new DiagnosticBag();
        var path = Path.Combine(_dir, "serverless.yml");
        File.WriteAllText(path, yaml);
        var loaded = new YamlLoader().LoadFile(path, bag);
        var result = Packager.Package(new ResolvedSpec(loaded, loaded.Root, "dev", "us-east-1"), bag,
            outputDirectory: Path.Combine(_dir, Packager.DefaultOutputDirectory));
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result;
    }

    private static List<string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    [Fact]
    public void Package_WritesTheZipAtTheKeyTheTemplateNames_HoldingEveryHandlerTheTemplateNames()
    {
        var result = Package(AllThreeKinds);
        var zip = Assert.Single(result.Artifacts, a => a.Name == "custom-resources.zip");
        var entries = Entries(zip.Bytes);
        var functions = JsonNode.Parse(result.Compile.Text!)!["Resources"]!.AsObject()
            .Select(p => p.Value!["Properties"])
            .Where(p => p?["Code"]?["S3Key"]?.GetValue<string>().EndsWith("/custom-resources.zip", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(3, functions.Count);
        foreach (var props in functions)
        {
            Assert.Equal(zip.S3Key, props!["Code"]!["S3Key"]!.GetValue<string>());
            var handler = props["Handler"]!.GetValue<string>();
            Assert.Contains(handler[..handler.LastIndexOf('.')] + ".js", entries);
        }

        Assert.Contains("lib/custom-resource.js", entries);
        Assert.DoesNotContain(entries, e => e.Contains("test", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(CustomResourcesPackage.RequiredFiles(result.Compile.Plan).Order(), functions
            .Select(p => p!["Handler"]!.GetValue<string>()).Select(h => h[..h.LastIndexOf('.')] + ".js").Order());
    }

    [Fact]
    public void Package_TwoRuns_GiveIdenticalZipBytesAndTemplate()
    {
        var first = Package(AllThreeKinds);
        var second = Package(AllThreeKinds);
        Assert.Equal(first.Artifacts.Single(a => a.Name == "custom-resources.zip").Bytes,
            second.Artifacts.Single(a => a.Name == "custom-resources.zip").Bytes);
        Assert.Equal(first.Compile.Text, second.Compile.Text);
    }

    [Fact]
    public void Package_WithoutCustomResources_HasNoCustomResourcesZip()
    {
        var result = Package("""
            service: svc
            provider: {name: aws, runtime: nodejs20.x}
            functions:
              worker: {handler: handler.worker, events: [{s3: uploads}]}
            """);
        Assert.DoesNotContain(result.Artifacts, a => a.Name == "custom-resources.zip");
    }

    [Fact]
    public void Zip_HoldsOnlyTheEmbeddedHandlerSources()
    {
        var entries = Entries(CustomResourcesPackage.Zip());
        Assert.Equal(
            ["api-gateway-cloud-watch-role/handler.js", "cognito-user-pool/handler.js", "event-bridge/handler.js", "lib/custom-resource.js",
                "s3/handler.js"],
            entries);
    }
}
