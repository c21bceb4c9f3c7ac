using System.Text.Json;

namespace Spec.Tests.Cli;

public sealed class CheckCommandTests
{
    internal const string ValidSpec = """
        service: demo
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs18.x
        functions:
          hello:
            handler: handler.hello
        """;

    /// <summary>
    /// The date <see cref="ValidSpec"/> is clean on: its nodejs18.x is blocked for updates from 2027-02-01, so every
    /// check of it passes this date rather than reading the clock.
    /// </summary>
    internal const string AsOf = "2026-11-23";

    // The Framework refuses a repeated key (js-yaml), so this spec cannot be processed: exit 2.
    private const string DuplicateKeySpec = "service: demo\nprovider:\n  name: aws\nservice: other\n";

    // A spec that loads but has an error finding (a function without a handler): exit 1.
    private const string MissingHandlerSpec =
        "service: demo\nframeworkVersion: '3'\nprovider:\n  name: aws\n  runtime: nodejs18.x\nfunctions:\n  hello:\n    timeout: 6\n";

    [Fact]
    public void Check_clean_spec_exits_0_and_says_ok()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", ValidSpec);

        var run = CliRunner.InProcess(dir.Path, "check", file, "--as-of", AsOf);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ok: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("0 errors", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_errors_are_rustc_style_with_caret_and_related_note()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", DuplicateKeySpec);

        var run = CliRunner.InProcess(dir.Path, "check", file);
        file = CliRunner.Shown(dir.Path, file);

        Assert.True(run.ExitCode == 2, run.ToString());
        var expected = $"""
            error[SLS-GEN-001]: duplicate key 'service'
             --> {file}:4:1
              |
            4 | service: other
              | ^^^^^^^
            """;
        Assert.Contains(expected.ReplaceLineEndings("\n"), run.Out, StringComparison.Ordinal);
        Assert.Contains($"note: first defined here\n --> {file}:1:1", run.Out, StringComparison.Ordinal);
        Assert.Contains("  = help: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("failed: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_list_at_root_exits_2()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", "- a\n- b\n");

        var run = CliRunner.InProcess(dir.Path, "check", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("the root of a spec must be a mapping, not a list", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_worst_file_decides_the_exit_code()
    {
        using var dir = new TempDir();
        var good = dir.Write("a/serverless.yml", ValidSpec);
        var bad = dir.Write("b/serverless.yml", MissingHandlerSpec);
        var broken = dir.Write("c/serverless.yml", "");

        Assert.Equal(1, CliRunner.InProcess(dir.Path, "check", good, bad, "--as-of", AsOf).ExitCode);
        Assert.Equal(2, CliRunner.InProcess(dir.Path, "check", good, bad, broken, "--as-of", AsOf).ExitCode);
        var run = CliRunner.InProcess(dir.Path, "check", good, bad, broken, "--as-of", AsOf);
        Assert.Contains("failed: 3 files: 2 errors", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_json_format_follows_the_documented_schema()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", DuplicateKeySpec);

        var run = CliRunner.InProcess(dir.Path, "check", "--format", "json", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("spec", root.GetProperty("tool").GetProperty("name").GetString());
        var d = root.GetProperty("findings")[0];
        Assert.Equal("SLS-GEN-001", d.GetProperty("ruleId").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("serverless.yml", d.GetProperty("file").GetString());
        Assert.Equal(4, d.GetProperty("line").GetInt32());
        Assert.Equal(1, d.GetProperty("column").GetInt32());
        Assert.Equal(4, d.GetProperty("endLine").GetInt32());
        Assert.Equal(8, d.GetProperty("endColumn").GetInt32());
        Assert.Equal(1, d.GetProperty("related")[0].GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.String, d.GetProperty("help").ValueKind);
        Assert.Equal(JsonValueKind.String, d.GetProperty("fingerprint").ValueKind);
        Assert.False(d.TryGetProperty("fix", out _));
        Assert.Equal(0, root.GetProperty("summary").GetProperty("suppressed").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Check_output_is_byte_identical_across_runs()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", DuplicateKeySpec + "provider: again\n");

        var first = CliRunner.InProcess(dir.Path, "check", "--format", "json", file);
        var second = CliRunner.InProcess(dir.Path, "check", "--format", "json", file);

        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Check_uses_colour_only_on_a_terminal_without_NO_COLOR()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", DuplicateKeySpec);
        var noEnv = new Dictionary<string, string>();

        var terminal = CliRunner.InProcess(dir.Path, noEnv, terminal: true, "check", file);
        var redirected = CliRunner.InProcess(dir.Path, noEnv, terminal: false, "check", file);
        var noColor = CliRunner.InProcess(dir.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" },
            terminal: true, "check", file);

        Assert.Contains("\e[1;31merror[SLS-GEN-001]\e[0m", terminal.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\e', redirected.Out);
        Assert.DoesNotContain('\e', noColor.Out);
    }

    [Fact]
    public void Check_without_files_discovers_the_spec_in_the_working_directory()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yaml", DuplicateKeySpec);

        var run = CliRunner.InProcess(dir.Path, "check");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("serverless.yaml:4:1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_prefers_yml_over_yaml_over_json()
    {
        using var dir = new TempDir();
        dir.Write("serverless.json", "[1]");
        dir.Write("serverless.yaml", DuplicateKeySpec);

        var run = CliRunner.InProcess(dir.Path, "check", dir.Path);

        Assert.Contains("serverless.yaml:4:1", run.Out, StringComparison.Ordinal);
        dir.Write("serverless.yml", "- list\n");
        Assert.Contains("serverless.yml:1:1", CliRunner.InProcess(dir.Path, "check", dir.Path).Out,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reads_serverless_json()
    {
        using var dir = new TempDir();
        // JSON.parse, as the Framework reads serverless.json: the repeated key's last value wins, no error; the
        // missing provider is the finding.
        dir.Write("serverless.json", """{"service": "a", "service": "b", "functions": {"f": {}}}""");

        var run = CliRunner.InProcess(dir.Path, "check");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("serverless.json:1:", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("duplicate key", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_config_option_selects_the_file()
    {
        using var dir = new TempDir();
        dir.Write("serverless.yml", ValidSpec);
        dir.Write("other.yml", DuplicateKeySpec);

        var run = CliRunner.InProcess(dir.Path, "check", "--config", "other.yml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("other.yml:4:1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_refuses_javascript_configs_with_a_clear_diagnostic()
    {
        using var dir = new TempDir();
        dir.Write("serverless.js", "module.exports = { service: 'x' };");

        var run = CliRunner.InProcess(dir.Path, "check");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error[SLS-GEN-007]: serverless.js is a JavaScript/TypeScript config", run.Out,
            StringComparison.Ordinal);
        Assert.DoesNotContain("module.exports", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_empty_directory_exits_2_with_a_help_line()
    {
        using var dir = new TempDir();

        var run = CliRunner.InProcess(dir.Path, "check");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no serverless.yml, serverless.yaml or serverless.json", run.Out, StringComparison.Ordinal);
        Assert.Contains("= help: pass the spec file explicitly", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_accepts_unknown_options_for_opt_variables()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", ValidSpec);

        var run = CliRunner.InProcess(dir.Path, "check", file, "--as-of", AsOf, "--stage", "prod", "--my-flag", "value",
            "--other=x", "--param", "k=v", "--switch");

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Usage_errors_exit_2_on_stderr()
    {
        using var dir = new TempDir();

        var run = CliRunner.InProcess(dir.Path, "check", "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'xml'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Internal_error_exits_3_with_one_diagnostic_and_no_stack_trace()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", ValidSpec);
        using var stderr = new StringWriter();
        var context = new Spec.Cli.CliContext(new ThrowingWriter(), stderr, dir.Path,
            new Dictionary<string, string>(), OutputIsTerminal: false);

        var exit = Spec.Cli.SpecCli.Run(["check", file], context);

        Assert.Equal(3, exit);
        var text = stderr.ToString();
        Assert.StartsWith("error[SPEC-INTERNAL]: internal error in Spec (InvalidOperationException)", text,
            StringComparison.Ordinal);
        Assert.Contains("please report it", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Spec.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("writer is broken", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_error_shows_the_stack_trace_with_SPEC_DEBUG()
    {
        using var dir = new TempDir();
        var file = dir.Write("serverless.yml", ValidSpec);
        using var stderr = new StringWriter();
        var context = new Spec.Cli.CliContext(new ThrowingWriter(), stderr, dir.Path,
            new Dictionary<string, string> { ["SPEC_DEBUG"] = "1" }, OutputIsTerminal: false);

        Assert.Equal(3, Spec.Cli.SpecCli.Run(["check", file], context));
        Assert.Contains(" at Spec.", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Process_check_exit_codes_match_in_process()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.yml", ValidSpec);
        var bad = dir.Write("bad.yml", DuplicateKeySpec);
        var wrong = dir.Write("wrong.yml", MissingHandlerSpec);

        var ok = CliRunner.Process(dir.Path, "check", good, "--as-of", AsOf);
        var failed = CliRunner.Process(dir.Path, "check", wrong, "--as-of", AsOf);
        var refused = CliRunner.Process(dir.Path, "check", bad, "--as-of", AsOf);

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("bad.yml:4:1", refused.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\e', failed.Out);
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("writer is broken");

        public override void Write(string? value) => throw new InvalidOperationException("writer is broken");

        public override void Write(ReadOnlySpan<char> buffer) => throw new InvalidOperationException("writer is broken");

        public override void Write(System.Text.StringBuilder? value) => throw new InvalidOperationException("writer is broken");

        public override void WriteLine(string? value) => throw new InvalidOperationException("writer is broken");
    }
}
