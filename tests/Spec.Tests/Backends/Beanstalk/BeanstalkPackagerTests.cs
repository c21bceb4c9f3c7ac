using System.IO.Compression;
using Spec.Backends.Beanstalk;
using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Resolve;
using Spec.Tests.Cli;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary><c>spec package --target beanstalk</c>: one deterministic zip per environment plus the companion template.</summary>
public sealed class BeanstalkPackagerTests
{
    private const string Spec = """
        service: shop
        provider:
          name: aws
          runtime: nodejs20.x
        package:
          patterns: ['!secret.txt']
        functions:
          api:
            handler: src/api.handler
            events:
              - httpApi: GET /
          worker:
            handler: src/worker.handler
            events:
              - sqs: arn:aws:sqs:us-east-1:123456789012:jobs
        """;

    private static TempDir Service()
    {
        var dir = new TempDir();
        dir.Write("serverless.yml", Spec);
        dir.Write("src/api.js", "exports.handler = async () => ({ statusCode: 200 });\n");
        dir.Write("src/worker.js", "exports.handler = async () => {};\n");
        dir.Write("secret.txt", "not packaged\n");
        dir.Write("Procfile", "web: node mine.js\n");
        var hook = dir.Write(".platform/hooks/predeploy/01-migrate.sh", "#!/bin/sh\necho migrate\n");
        if (!OperatingSystem.IsWindows())
        {
            // not executable on disk: the packager makes hooks executable anyway
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return dir;
    }

    [Fact]
    public void Each_environment_gets_a_zip_rooted_at_its_bundle_with_the_code_and_executable_hooks()
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "package", "--target", "beanstalk");

        Assert.True(run.ExitCode == 0, run.ToString());
        var output = Path.Combine(dir.Path, ".spec", "beanstalk");
        Assert.Equal(["companion.template.json", "jobs.options.json", "jobs.stack-options.json", "jobs.zip", "web.options.json",
            "web.stack-options.json", "web.zip"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var web = ZipFile.OpenRead(Path.Combine(output, "web.zip"));
        var names = web.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("src/api.js", names);
        Assert.Contains(".spec-eb/web.js", names);
        Assert.Contains(".ebextensions/00-environment.config", names);
        Assert.DoesNotContain("secret.txt", names);
        Assert.DoesNotContain(names, n => n.StartsWith(".spec/", StringComparison.Ordinal) || n == "serverless.yml");
        Assert.All(names, n => Assert.False(n.StartsWith("web/", StringComparison.Ordinal), n));
        using (var procfile = new StreamReader(web.GetEntry("Procfile")!.Open()))
        {
            Assert.Equal("web: node .spec-eb/web.js\n", procfile.ReadToEnd());
        }

        Assert.Equal(0b111_101_101, (web.GetEntry(".platform/hooks/predeploy/01-migrate.sh")!.ExternalAttributes >> 16) & 0b111_111_111);
        Assert.Equal(0b110_100_100, (web.GetEntry("src/api.js")!.ExternalAttributes >> 16) & 0b111_111_111);
        using var jobs = ZipFile.OpenRead(Path.Combine(output, "jobs.zip"));
        Assert.NotNull(jobs.GetEntry(".spec-eb/worker.js"));
    }

    [Fact]
    public void Two_runs_give_byte_identical_zips()
    {
        using var dir = Service();

        var first = Package(dir, BeanstalkPackager.MaxBundleBytes, out _)!;
        var second = Package(dir, BeanstalkPackager.MaxBundleBytes, out _)!;

        Assert.Equal(first.Files.Select(f => (f.Path, Convert.ToHexString(f.Content))), second.Files.Select(f => (f.Path, Convert.ToHexString(f.Content))));
    }

    [Fact]
    public void A_bundle_over_the_size_limit_is_an_error()
    {
        using var dir = Service();

        var package = Package(dir, maxBundleBytes: 1024, out var diagnostics);

        Assert.Null(package);
        Assert.Contains(diagnostics.Items, d => d.Id == BeanstalkDiagnosticIds.Package && d.Message.Contains("accepts at most", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_is_refused_with_the_beanstalk_target()
    {
        using var dir = Service();

        var run = CliRunner.InProcess(dir.Path, "package", "--target", "beanstalk", "--format", "yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format applies only to --target cloudformation", run.Error, StringComparison.Ordinal);
    }

    private static BeanstalkPackage? Package(TempDir dir, long maxBundleBytes, out DiagnosticBag diagnostics)
    {
        var resolved = new SpecPipeline().Run(Path.Combine(dir.Path, "serverless.yml"), ResolveOptions.Empty, PipelineStage.Resolve).Resolved!;
        diagnostics = new DiagnosticBag();
        return BeanstalkPackager.Package(resolved, diagnostics, Path.Combine(dir.Path, ".spec", "beanstalk"), maxBundleBytes);
    }
}
