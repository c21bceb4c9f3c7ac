using System.Diagnostics;
using System.IO.Compression;
using Spec.Backends.Deploy;
using Spec.Core.Emit;
using Spec.Core.Diagnostics;
using Spec.Core.Files;
using Spec.Rules.Beanstalk.Input;
using Spec.Rules.Suppression;
using Spec.Tests.Cli;

namespace Spec.Tests.BadInput;

/// <summary>
/// A spec's repository is untrusted input (issue 14, "Security"): nothing from it is run, nothing outside it is read
/// or written without saying so, FIFOs and devices are never read, and hostile names are diagnostics, never exit 3.
/// </summary>
public sealed class SecurityTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private const string Service = """
        service: svc
        provider:
          name: aws
          runtime: nodejs22.x
        functions:
          hello:
            handler: handler.hello
        """;

    // 1. deploy resolves aws/pulumi on PATH only
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Tools_are_found_on_PATH_only_never_in_the_working_directory_or_a_relative_entry()
    {
        TestSkip.If(OperatingSystem.IsWindows(), "executable bits are a Unix notion");
        using var dir = new TempDir();
        var bin = Directory.CreateDirectory(Path.Combine(dir.Path, "bin")).FullName;
        Executable(Path.Combine(dir.Path, "aws"), "#!/bin/sh\nexit 0\n");

        Assert.Null(ToolLocator.OnPath("aws", string.Join(Path.PathSeparator, "", ".", "./", "bin")));
        Assert.Null(ToolLocator.OnPath("aws", null));

        File.WriteAllText(Path.Combine(bin, "aws"), "#!/bin/sh\nexit 0\n"); // not executable: skipped, not run
        Assert.Null(ToolLocator.OnPath("aws", bin));
        File.SetUnixFileMode(Path.Combine(bin, "aws"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Assert.Equal(Path.Combine(bin, "aws"), ToolLocator.OnPath("aws", "." + Path.PathSeparator + bin));
    }

    [Fact]
    public void Deploy_never_runs_an_aws_from_the_working_directory()
    {
        TestSkip.If(OperatingSystem.IsWindows(), "the planted aws is a shell script");
        using var dir = ServiceDir(Service);
        var marker = Path.Combine(dir.Path, "ran");
        Executable(Path.Combine(dir.Path, "aws"), $"#!/bin/sh\ntouch '{marker}'\n");
        var empty = Directory.CreateDirectory(Path.Combine(dir.Path, "empty-bin")).FullName;

        var run = Run(dir.Path, new Dictionary<string, string> { ["PATH"] = empty }, "deploy");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(CloudFormationDeployer.MissingCliId, run.All, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the aws in the working directory ran");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"Stacks\": {\"0\": 1}}")]
    [InlineData("{\"Stacks\": [{\"Outputs\": [{\"OutputKey\": 5}]}], \"StackEvents\": 3}")]
    public void Deploy_with_an_aws_cli_that_prints_unexpected_output_is_a_diagnostic(string output)
    {
        TestSkip.If(OperatingSystem.IsWindows(), "the stand-in aws is a shell script");
        using var dir = ServiceDir(Service);
        var bin = Directory.CreateDirectory(Path.Combine(dir.Path, "bin")).FullName;
        Executable(Path.Combine(bin, "aws"), $"#!/bin/sh\ncat <<'EOF'\n{output}\nEOF\n");

        var run = Run(dir.Path, new Dictionary<string, string> { ["PATH"] = bin }, "deploy");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(CloudFormationDeployer.FailedId, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC-INTERNAL", run.All, StringComparison.Ordinal);
    }

    // 2, 5. names used in file paths
    [Theory]
    [InlineData("functions", "../../escaped")]
    [InlineData("functions", "/tmp/spec-absolute-name")]
    [InlineData("layers", "../escaped")]
    public void Package_refuses_function_and_layer_names_that_are_not_file_names(string section, string name)
    {
        using var dir = new TempDir();
        var serviceDir = Path.Combine(dir.Path, "a", "b", "svc");
        Directory.CreateDirectory(Path.Combine(serviceDir, "lay"));
        File.WriteAllText(Path.Combine(serviceDir, "lay", "x.txt"), "x");
        File.WriteAllText(Path.Combine(serviceDir, "handler.js"), "exports.hello = () => 1;\n");
        var unit = section == "layers" ? "    path: lay\n" : "    handler: handler.hello\n";
        File.WriteAllText(Path.Combine(serviceDir, "serverless.yml"),
            $"service: svc\nprovider:\n  name: aws\n  runtime: nodejs22.x\npackage:\n  individually: true\n{section}:\n  \"{name}\":\n{unit}");
        var before = Directory.GetFiles(dir.Path, "*.zip", SearchOption.AllDirectories);

        var run = Run(serviceDir, null, "package", "--output", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot be a file name", run.All, StringComparison.Ordinal);
        Assert.Matches(@"serverless\.yml:8:\d+", run.All);
        Assert.Equal(before, Directory.GetFiles(dir.Path, "*.zip", SearchOption.AllDirectories));
        Assert.False(File.Exists("/tmp/spec-absolute-name.zip"));
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("/tmp/escaped.txt")]
    [InlineData("a/../../escaped.txt")]
    [InlineData("")]
    public void AtomicFile_WriteAll_never_writes_outside_its_folder(string name)
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, "out");

        Assert.Throws<IOException>(() => AtomicFile.WriteAll(output, [KeyValuePair.Create(name, "x"u8.ToArray())]));
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("x/../../evil")]
    [InlineData("a/b")]
    [InlineData("long")]
    public void A_stage_that_is_not_a_file_name_is_a_diagnostic_for_pulumi_targets(string stage)
    {
        stage = stage == "long" ? new string('s', 300) : stage;
        foreach (var target in new[] { "pulumi-yaml", "pulumi-ts", "pulumi-csharp" })
        {
            using var dir = ServiceDir(Service);
            var run = Run(dir.Path, null, "compile", "--target", target, "--stage", stage, "--output", "out");

            Assert.True(run.ExitCode is 1 or 2, target + ": " + run);
            Assert.DoesNotContain("SPEC-INTERNAL", run.All, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(dir.Path)!, "evil*"));
        }
    }

    // 3. one atomic writer for the whole tool
    [Fact]
    public void Every_file_the_tool_writes_goes_through_AtomicFile()
    {
        var src = SourceRoot();
        var writers = new System.Text.RegularExpressions.Regex(@"(?<!\w)File\.(WriteAll|AppendAll|Create\(|Open\(|OpenWrite|Move\(|Copy\()|new FileStream\(");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not ("AtomicFile.cs" or "UntrustedFile.cs"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => writers.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "write through AtomicFile instead:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Every_file_the_tool_reads_goes_through_UntrustedFile()
    {
        var src = SourceRoot();
        var readers = new System.Text.RegularExpressions.Regex(@"(?<!\w)File\.(ReadAll|ReadLines|OpenRead|OpenText)");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not "UntrustedFile.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => readers.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "read through UntrustedFile (size limit, no FIFOs or devices) instead:\n" + string.Join('\n', offenders));
    }

    [SkippableFact]
    public void An_ebextensions_config_that_is_a_fifo_is_reported_not_read()
    {
        using var dir = new TempDir();
        var extensions = Path.Combine(dir.Path, ".ebextensions");
        Directory.CreateDirectory(extensions);
        var fifo = Path.Combine(extensions, "01-options.config");
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false });
            mkfifo!.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            TestSkip.If(true, "mkfifo is not available");
        }

        TestSkip.IfNot(File.Exists(fifo), "mkfifo made no FIFO");
        var load = Task.Run(() => EbBundle.FromFiles([fifo]));

        Assert.True(load.Wait(TimeSpan.FromSeconds(30)), "reading the FIFO blocked");
        var notice = Assert.Single(load.Result.Notices);
        Assert.Equal(Severity.Error, notice.Severity);
        Assert.Contains("not a regular file", notice.Message, StringComparison.Ordinal);
    }

    // 4. the ${file()} sandbox checks the real path
    [Theory]
    [InlineData("file")]
    [InlineData("folder")]
    public void File_variable_through_a_symlink_that_leads_outside_is_refused_with_a_location(string what)
    {
        using var outside = new TempDir();
        File.WriteAllText(Path.Combine(outside.Path, "secret.yml"), "key: outside-secret-value\n");
        using var dir = ServiceDir(Service + "\ncustom:\n  stolen: ${file(./link" + (what == "folder" ? "/secret.yml" : string.Empty) + "):key}\n");
        var link = Path.Combine(dir.Path, "link");
        if (what == "folder")
        {
            Directory.CreateSymbolicLink(link, outside.Path);
        }
        else
        {
            File.CreateSymbolicLink(link, Path.Combine(outside.Path, "secret.yml"));
        }

        foreach (var command in new[] { "check", "print" })
        {
            var run = Run(dir.Path, null, command);

            Assert.True(run.ExitCode is 1 or 2, run.ToString());
            Assert.Contains("symbolic link that leads outside", run.All, StringComparison.Ordinal);
            Assert.Contains("serverless.yml:9:", run.All, StringComparison.Ordinal);
            Assert.DoesNotContain("outside-secret-value", run.All, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void File_variable_through_a_symlink_that_stays_inside_is_read()
    {
        using var dir = ServiceDir(Service + "\ncustom:\n  value: ${file(./link.yml):key}\n");
        File.WriteAllText(Path.Combine(dir.Path, "real.yml"), "key: inside-value\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.yml"), "real.yml");

        var run = Run(dir.Path, null, "print", "--path", "custom.value");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("inside-value", run.Out, StringComparison.Ordinal);
    }

    // FIFOs and devices are never read, also behind a link
    [Theory]
    [InlineData("fifo")]
    [InlineData("device")]
    public void File_variable_on_a_fifo_or_a_device_is_a_diagnostic_not_a_hang(string kind)
    {
        TestSkip.If(!OperatingSystem.IsLinux(), "FIFOs and /dev/zero as on Linux");
        using var dir = ServiceDir(Service + "\ncustom:\n  a: ${file(./special.txt)}\n  b: ${file(./special.yml):key}\n");
        foreach (var name in new[] { "special.txt", "special.yml" })
        {
            Special(Path.Combine(dir.Path, name), kind);
        }

        // a link to /dev/zero leads outside the service too: allowed here, so the device check is what refuses it
        var run = Run(dir.Path, null, "check", "--allow-outside-files");

        Assert.True(run.ExitCode is 1 or 2, run.ToString());
        Assert.Contains("not a regular file", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC-INTERNAL", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("device")]
    public void A_spec_or_a_config_that_is_a_fifo_or_a_device_is_a_diagnostic_not_a_hang(string kind)
    {
        TestSkip.If(!OperatingSystem.IsLinux(), "FIFOs and /dev/zero as on Linux");
        using var dir = ServiceDir(Service);
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        Special(Path.Combine(dir.Path, ".spec.yml"), kind);

        var config = Run(dir.Path, null, "check");
        Assert.True(config.ExitCode is 0 or 1 or 2, config.ToString());
        Assert.Contains("not a regular file", config.All, StringComparison.Ordinal);

        File.Delete(Path.Combine(dir.Path, ".spec.yml"));
        File.Delete(Path.Combine(dir.Path, "serverless.yml"));
        Special(Path.Combine(dir.Path, "serverless.yml"), kind);
        var spec = Run(dir.Path, null, "check");
        Assert.Equal(2, spec.ExitCode);
        Assert.Contains("not a regular file", spec.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_counts_the_bytes_read_not_the_reported_length()
    {
        TestSkip.If(!OperatingSystem.IsLinux(), "/dev/zero as on Linux");
        Assert.Equal(FileKind.Special, UntrustedFile.KindOf("/dev/zero"));
        Assert.Throws<NotRegularFileException>(() => UntrustedFile.ReadAllBytes("/dev/zero", 1024));
        using var dir = new TempDir();
        var path = dir.Write("big.txt", new string('x', 2048));
        Assert.Throws<FileTooLargeException>(() => UntrustedFile.ReadAllBytes(path, 1024));
        Assert.Equal(2048, UntrustedFile.ReadAllBytes(path, 2048).Length);
    }

    // 6. values from ${env:} and ${file()} are never echoed
    [Fact]
    public void Rule_messages_never_echo_a_stage_or_an_http_method_from_the_environment()
    {
        using var dir = ServiceDir("""
            service: svc
            provider:
              name: aws
              runtime: nodejs22.x
              stage: ${env:SECRET_STAGE}
            functions:
              hello:
                handler: handler.hello
                events:
                  - http:
                      path: /x
                      method: ${env:SECRET_METHOD}
                  - httpApi:
                      path: /y
                      method: ${file(./secret.yml):method}
            """);
        dir.Write("secret.yml", "method: zzfilesecret\n");
        var environment = new Dictionary<string, string>
        {
            ["SECRET_STAGE"] = "stagesecret" + new string('s', 60),
            ["SECRET_METHOD"] = "zzenvsecret",
        };

        var run = Run(dir.Path, environment, "check", "--fail-on", "none");

        Assert.Contains("SLS-GEN-004", run.All, StringComparison.Ordinal);
        Assert.Contains("SLS-APIGW-007", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.All.Replace("SECRET_", string.Empty, StringComparison.Ordinal)
            .Replace("secret.yml", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    // 7. .spec.yml stops at the repository root or home, and the JSON report says which applied
    [Fact]
    public void A_config_above_the_repository_root_is_never_used()
    {
        using var shared = new TempDir();
        File.WriteAllText(Path.Combine(shared.Path, ".spec.yml"), "rules:\n  SLS-GEN-004: off\n");
        var repo = Directory.CreateDirectory(Path.Combine(shared.Path, "repo")).FullName;
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        var service = Directory.CreateDirectory(Path.Combine(repo, "svc")).FullName;
        File.WriteAllText(Path.Combine(service, "serverless.yml"), Service.Replace("hello:", "\"bad name!\":", StringComparison.Ordinal));

        var run = Run(service, null, "check", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SLS-GEN-004", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"configs\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"config\": null", run.Out, StringComparison.Ordinal);

        // the bad name also fails the generated function's FunctionName pattern (SLS-GEN-009) and the Framework schema's
        // function-name pattern (SLS-GEN-010), which report it once SLS-GEN-004 is off
        File.WriteAllText(Path.Combine(repo, ".spec.yml"), "rules:\n  SLS-GEN-004: off\n  SLS-GEN-009: off\n  SLS-GEN-010: off\n");
        var inside = Run(service, null, "check", "--format", "json");
        Assert.Equal(0, inside.ExitCode);
        Assert.Contains($"\"config\": \"{Path.Combine(repo, ".spec.yml")}\"", inside.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_repository_or_home_above_it_only_the_spec_folder_is_searched()
    {
        using var shared = new TempDir();
        File.WriteAllText(Path.Combine(shared.Path, ".spec.yml"), "rules: {}\n");
        var spec = Path.Combine(Directory.CreateDirectory(Path.Combine(shared.Path, "svc")).FullName, "serverless.yml");

        Assert.Null(SpecConfigLoader.Find(spec, homeDirectory: "/nonexistent-home"));
        Assert.Equal(Path.Combine(shared.Path, ".spec.yml"), SpecConfigLoader.Find(spec, homeDirectory: shared.Path));
    }

    // 8. packaging and links
    [Fact]
    public void Package_skips_links_out_of_the_service_dangling_links_loops_and_fifos_and_says_so()
    {
        TestSkip.If(!OperatingSystem.IsLinux(), "links and FIFOs as on Linux");
        using var outside = new TempDir();
        File.WriteAllText(Path.Combine(outside.Path, "credentials"), "outside-secret");
        using var dir = ServiceDir(Service);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "creds"), Path.Combine(outside.Path, "credentials"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "home"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "dangling"), Path.Combine(dir.Path, "missing"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "loop"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "again"), Path.Combine(dir.Path, "loop"));
        File.WriteAllText(Path.Combine(dir.Path, "real.txt"), "inside");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "alias.txt"), "real.txt");
        Special(Path.Combine(dir.Path, "pipe"), "fifo");

        var run = Run(dir.Path, null, "package", "--output", "out");

        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "creds", "home", "dangling", "loop/again", "pipe" })
        {
            Assert.Contains($"'{name}' is not packaged", run.All, StringComparison.Ordinal);
        }

        using var zip = ZipFile.OpenRead(Path.Combine(dir.Path, "out", "svc.zip"));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(["alias.txt", "handler.js", "real.txt"], names);
        Assert.All(names, n => Assert.DoesNotContain('\\', n));
    }

    [Fact]
    public void Deep_globs_in_package_patterns_and_config_ignores_stay_bounded()
    {
        var deep = string.Concat(Enumerable.Repeat("**/", 400)) + "x";
        using var dir = ServiceDir(Service + $"\npackage:\n  patterns:\n    - '!{deep}'\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        File.WriteAllText(Path.Combine(dir.Path, ".spec.yml"),
            $"ignore:\n  - rule: SLS-LAMBDA-*\n    files: '{deep}'\n    path: '{string.Concat(Enumerable.Repeat("**.", 400))}x'\n    reason: probe\n");
        var nested = Directory.CreateDirectory(Path.Combine(dir.Path, string.Join('/', Enumerable.Repeat("d", 60)))).FullName;
        File.WriteAllText(Path.Combine(nested, "y"), "y");

        Assert.Equal(0, Run(dir.Path, null, "package", "--output", "out").ExitCode);
        Assert.True(Run(dir.Path, null, "check").ExitCode is 0 or 1);
        Assert.True(new GlobMatcher(deep).IsMatch(string.Join('/', Enumerable.Repeat("d", 500)) + "/x"));
        Assert.False(new GlobMatcher(deep).IsMatch(string.Join('/', Enumerable.Repeat("d", 500)) + "/y"));
    }

    private static TempDir ServiceDir(string spec)
    {
        var dir = new TempDir();
        dir.Write("serverless.yml", spec + "\n");
        dir.Write("handler.js", "exports.hello = () => 1;\n");
        return dir;
    }

    /// <summary>Runs the CLI in-process, failing (instead of hanging the suite) when it does not finish in time.</summary>
    internal static CliRun Run(string directory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var task = Task.Run(() => CliRunner.InProcess(directory, environment, args));
        Assert.True(task.Wait(Budget), $"spec {string.Join(' ', args)} did not finish in {Budget.TotalSeconds} s");
        Assert.DoesNotContain("SPEC-INTERNAL", task.Result.All, StringComparison.Ordinal);
        return task.Result;
    }

    private static string Executable(string path, string script)
    {
        File.WriteAllText(path, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static void Special(string path, string kind)
    {
        if (kind == "device")
        {
            File.CreateSymbolicLink(path, "/dev/zero");
            return;
        }

        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Spec.sln")))
            {
                return Path.Combine(dir.FullName, "src");
            }
        }

        throw new DirectoryNotFoundException("Spec.sln not found above the test binary");
    }
}
