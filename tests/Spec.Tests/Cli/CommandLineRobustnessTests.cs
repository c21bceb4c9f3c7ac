using Spec.Backends.Targets;
using Spec.Tests.BadInput;

namespace Spec.Tests.Cli;

/// <summary>
/// Flags that would do the wrong thing quietly (issue 14): a typo in one of Spec's options, an empty path, a spec
/// given positionally; and values that overflow or name paths, which are diagnostics on every command, never exit 3.
/// </summary>
public sealed class CommandLineRobustnessTests
{
    private const string Service = """
        service: svc
        provider:
          name: aws
          runtime: nodejs22.x
        functions:
          hello:
            handler: handler.hello
        """;

    public static TheoryData<string> TargetNames() => [.. TargetRegistry.All.Select(t => t.Name)];

    [Theory]
    [InlineData("check", "--fial-on", "warning", "--fail-on")]
    [InlineData("compile", "--taget", "pulumi-ts", "--target")]
    [InlineData("compile", "--ouptut", "elsewhere", "--output")]
    [InlineData("print", "--formt", "json", "--format")]
    public void A_typo_of_an_own_option_that_the_spec_does_not_read_is_a_usage_error(string command, string typo, string value, string meant)
    {
        using var dir = ServiceDir(Service);

        var run = SecurityTests.Run(dir.Path, null, command, typo, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"did you mean '{meant}'", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".spec")), "nothing is written");
    }

    [Fact]
    public void An_option_the_spec_reads_is_passed_through_without_a_word()
    {
        using var dir = ServiceDir(Service + "\ncustom:\n  gate: ${opt:fial-on, 'none'}\n");

        var run = SecurityTests.Run(dir.Path, null, "print", "--fial-on", "warning", "--path", "custom.gate");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("warning", run.Out.Trim());
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void An_option_read_in_an_included_file_is_passed_through_without_a_word()
    {
        using var dir = ServiceDir(Service + "\ncustom: ${file(./config/custom.yml)}\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "config"));
        File.WriteAllText(Path.Combine(dir.Path, "config", "custom.yml"), "shared: ${file(./config/shared.yml):gate}\n");
        File.WriteAllText(Path.Combine(dir.Path, "config", "shared.yml"), "gate: ${opt:fial-on, 'none'}\n");

        var run = SecurityTests.Run(dir.Path, null, "print", "--fial-on", "warning", "--path", "custom.shared");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("warning", run.Out.Trim());
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void An_include_whose_path_is_a_variable_may_read_any_option()
    {
        using var dir = ServiceDir(Service + "\ncustom: ${file(./config/${opt:stage, 'dev'}.yml)}\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "config"));
        File.WriteAllText(Path.Combine(dir.Path, "config", "dev.yml"), "gate: ${opt:fial-on, 'none'}\n");

        var run = SecurityTests.Run(dir.Path, null, "print", "--fial-on", "warning", "--path", "custom.gate");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("warning", run.Out.Trim());
    }

    [Fact]
    public void An_include_outside_the_service_folder_is_not_read_for_options()
    {
        using var outside = new TempDir();
        File.WriteAllText(Path.Combine(outside.Path, "shared.yml"), "gate: ${opt:fial-on, 'none'}\n");
        using var dir = ServiceDir(Service + $"\ncustom: ${{file({Path.Combine(outside.Path, "shared.yml")})}}\n");

        var run = SecurityTests.Run(dir.Path, null, "check", "--fial-on", "warning");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean '--fail-on'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_unread_option_is_a_warning()
    {
        using var dir = ServiceDir(Service);

        var run = SecurityTests.Run(dir.Path, null, "print", "--aws-profile", "dev");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: '--aws-profile' is not an option of Spec", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "")]
    [InlineData("compile", "--output", "")]
    [InlineData("compile", "--output=")]
    [InlineData("package", "--output", "")]
    [InlineData("check", "--output", "")]
    [InlineData("print", "")]
    public void An_empty_path_is_a_usage_error(params string[] args)
    {
        using var dir = ServiceDir(Service);

        var run = SecurityTests.Run(dir.Path, null, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("empty", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("print")]
    [InlineData("compile")]
    [InlineData("package")]
    public void Every_command_takes_the_spec_positionally(string command)
    {
        using var dir = ServiceDir("placeholder: true");
        var service = Directory.CreateDirectory(Path.Combine(dir.Path, "svc")).FullName;
        File.WriteAllText(Path.Combine(service, "other.yml"), Service + "\n");
        File.WriteAllText(Path.Combine(service, "handler.js"), "exports.hello = () => 1;\n");

        var run = SecurityTests.Run(dir.Path, null, command, "svc/other.yml");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Deploy_takes_the_spec_positionally()
    {
        using var dir = ServiceDir(Service);
        var empty = Directory.CreateDirectory(Path.Combine(dir.Path, "empty-bin")).FullName;

        var run = SecurityTests.Run(dir.Path, new Dictionary<string, string> { ["PATH"] = empty }, "deploy", "serverless.yml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not on PATH", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void A_number_that_overflows_a_double_is_a_diagnostic_on_every_target(string target)
    {
        using var dir = ServiceDir(Service + """

                timeout: 1e400
                memorySize: -1e999
            resources:
              Resources:
                Queue:
                  Type: AWS::SQS::Queue
                  Properties:
                    DelaySeconds: 1e400
                    MessageRetentionPeriod: !Sub []
            """);

        var run = SecurityTests.Run(dir.Path, null, "compile", "--target", target, "--output", "out");

        Assert.True(run.ExitCode is 0 or 1 or 2, run.ToString());
        Assert.DoesNotContain("Infinity", ReadAll(Path.Combine(dir.Path, "out")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_that_overflows_a_double_is_a_diagnostic_for_package_and_check()
    {
        using var dir = ServiceDir(Service + "\n    timeout: 1e400\n");

        Assert.True(SecurityTests.Run(dir.Path, null, "package", "--output", "out").ExitCode is 0 or 1);
        var check = SecurityTests.Run(dir.Path, null, "check");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("serverless.yml:8:", check.All, StringComparison.Ordinal);
    }

    private static string ReadAll(string directory) => !Directory.Exists(directory)
        ? string.Empty
        : string.Concat(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".zip", StringComparison.Ordinal)).Select(File.ReadAllText));

    private static TempDir ServiceDir(string spec)
    {
        var dir = new TempDir();
        dir.Write("serverless.yml", spec + "\n");
        dir.Write("handler.js", "exports.hello = () => 1;\n");
        return dir;
    }
}
