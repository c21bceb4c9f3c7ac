using System.CommandLine;
using System.Globalization;
using System.Text;
using Spec.Cli.Output;
using Spec.Core.Emit;
using Spec.Core.Pipeline;
using Spec.Core.Syntax;
using Spec.Rules.Checking;
using Spec.Rules.Engine;
using Spec.Rules.Files;
using Spec.Rules.Output;
using Spec.Rules.Suppression;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec check [FILES|GLOBS…]</c>: Load → Resolve → Bind → Check every spec (in parallel, reported in input order)
/// and write one or more reports. Exit 0: nothing at or above <c>--fail-on</c>; 1: something is; 2: a spec or an
/// argument could not be processed; 3: internal error.
/// </summary>
internal sealed class CheckCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string[]> _files = new("files")
    {
        Description = "Spec files, directories or globs (default: serverless.yml/.yaml/.json in the current directory)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string[]> _format = new("--format", "-f")
    {
        Description = "Output format: text, json, sarif, github, junit, parseable (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> _output = new("--output", "-o")
    {
        Description = "Write the report of the --format before it to FILE (atomically)",
    };

    private readonly Option<string?> _asOf = new("--as-of")
    {
        Description = "Judge runtime deprecations as of this date, YYYY-MM-DD (default: today, UTC)",
    };

    private readonly Option<string> _failOn = new("--fail-on")
    {
        Description = "Exit 1 when a finding of this severity or worse is reported: error, warning, info, none",
        DefaultValueFactory = _ => "error",
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "Hide findings recorded in this baseline file",
    };

    private readonly Option<string?> _baselineWrite = new("--baseline-write")
    {
        Description = "Record every reported finding in this baseline file",
    };

    private readonly Option<bool> _noInlineSuppressions = new("--no-inline-suppressions")
    {
        Description = "Ignore `# spec-ignore` comments in the specs",
    };

    private readonly Option<bool> _fix = new("--fix")
    {
        Description = "Apply the safe fixes to the files, then report what remains",
    };

    private readonly Option<bool> _fixUnsafe = new("--fix-unsafe")
    {
        Description = "Apply the unsafe fixes too (e.g. a runtime moved across major versions: test the code after)",
    };

    public Command Build()
    {
        _format.AcceptOnlyFromAmong([.. CheckFormats.Names]);
        _failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var command = new Command("check", "Report every problem in the specs (exit 0: none, 1: at --fail-on or worse, 2: unreadable)")
        {
            _files, _format, _output, _asOf, _failOn, _baseline, _baselineWrite, _noInlineSuppressions, _fix, _fixUnsafe,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var context = environment.Context;
        var outputs = CheckOutputPlan.From(parse, _format, _output, out var planError);
        if (planError is not null)
        {
            return Refuse(planError);
        }

        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        if (parse.GetValue(_asOf) is { } asOfText
            && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return Refuse($"--as-of {asOfText}: expected a date as YYYY-MM-DD");
        }

        FailThreshold.TryParse(parse.GetValue(_failOn) ?? "error", out var failOn);
        Baseline? baseline = null;
        if (parse.GetValue(_baseline) is { } baselinePath)
        {
            try
            {
                baseline = Baseline.Read(context.Locate(baselinePath));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return Refuse(e is InvalidDataException ? e.Message : $"cannot read baseline {baselinePath}: {e.Message}");
            }
        }

        var targets = Targets(parse, out var unmatched);
        if (unmatched.Count > 0)
        {
            return Refuse($"no files match {string.Join(", ", unmatched)}");
        }

        var checker = new SpecChecker(new SpecCheckOptions
        {
            Resolve = environment.ResolveOptions(parse),
            AsOf = asOf,
            InlineSuppressions = !parse.GetValue(_noInlineSuppressions),
            Baseline = baseline,
            BaseDirectory = context.WorkingDirectory,
            Planner = Spec.Backends.Plan.GeneratedForRules.Plan,
        });
        var progress = targets.Count > 1 && context.ErrorIsTerminal ? new ProgressLine(context.Error) : null;
        var results = checker.CheckAll(targets, progress);
        try
        {
            results = WriteResults(parse, checker, results, outputs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse($"cannot write: {e.Message}");
        }

        if (results.Any(r => r.CouldNotLoad))
        {
            return ExitCodes.Unprocessable;
        }

        if (parse.GetValue(_baselineWrite) is not null)
        {
            return ExitCodes.Ok;
        }

        return FailThreshold.IsReached(results.SelectMany(r => r.Result.Diagnostics), failOn)
            ? ExitCodes.Errors
            : ExitCodes.Ok;
    }

    /// <summary>Applies the fixes, writes the baseline and the reports; a file that cannot be written throws.</summary>
    private IReadOnlyList<SpecCheckResult> WriteResults(ParseResult parse, SpecChecker checker,
        IReadOnlyList<SpecCheckResult> results, IReadOnlyList<CheckOutput> outputs)
    {
        var context = environment.Context;
        if (parse.GetValue(_fix) || parse.GetValue(_fixUnsafe))
        {
            results = Fix(checker, results, includeUnsafe: parse.GetValue(_fixUnsafe));
        }

        var findings = results.SelectMany(r => r.Result.Findings).ToList();
        if (parse.GetValue(_baselineWrite) is { } baselineOut)
        {
            Baseline.Write(context.Locate(baselineOut), findings, context.WorkingDirectory);
            var recorded = findings.Count(f => !f.IsSuppressed);
            context.Error.WriteLine($"wrote {recorded} finding{(recorded == 1 ? string.Empty : "s")} to baseline {baselineOut}");
        }

        foreach (var output in outputs)
        {
            Write(output, results, findings);
        }

        return results;
    }

    private List<string> Targets(ParseResult parse, out IReadOnlyList<string> unmatched)
    {
        var context = environment.Context;
        var files = parse.GetValue(_files);
        if (files is not { Length: > 0 })
        {
            unmatched = [];
            return [.. environment.Targets(parse, files)];
        }

        var expanded = SpecFileSet.Expand(files, context.WorkingDirectory);
        unmatched = expanded.Unmatched;
        return [.. expanded.Paths.Select(p => context.Locate(Path.IsPathRooted(p) ? Shown(p) : p))];
    }

    /// <summary>A glob match as the user would write it: relative to the working directory when below it.</summary>
    private string Shown(string absolute)
    {
        var relative = Path.GetRelativePath(environment.Context.WorkingDirectory, absolute);
        return relative.StartsWith("..", StringComparison.Ordinal) ? absolute : relative;
    }

    private List<SpecCheckResult> Fix(SpecChecker checker, IReadOnlyList<SpecCheckResult> results, bool includeUnsafe)
    {
        var fixedResults = new List<SpecCheckResult>(results.Count);
        foreach (var result in results)
        {
            if (!result.Result.Findings.Any(f => !f.IsSuppressed && f.Diagnostic.Fix is not null))
            {
                fixedResults.Add(result);
                continue;
            }

            var (fixes, after) = checker.FixAndRecheck(result, includeUnsafe);
            foreach (var fix in fixes.Where(f => f.Changed))
            {
                environment.Context.Error.WriteLine(
                    $"fixed {fix.Applied.Count} problem{(fix.Applied.Count == 1 ? string.Empty : "s")} in {fix.Path}"
                    + (fix.Skipped.Count > 0 ? $" ({fix.Skipped.Count} overlapping fix(es) left for the next run)" : string.Empty));
            }

            fixedResults.Add(after);
        }

        return fixedResults;
    }

    private void Write(CheckOutput output, IReadOnlyList<SpecCheckResult> results, IReadOnlyList<Finding> findings)
    {
        var context = environment.Context;
        if (output.File is null)
        {
            // Straight out in blocks: the report of 10,000 findings is megabytes, not worth holding whole.
            using var stream = new BlockWriter(context.Out) { NewLine = "\n" };
            Render(output, results, findings, context.UseColor, stream);
            return;
        }

        var path = context.Locate(output.File);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.Write(path, file =>
        {
            using var text = new StreamWriter(file, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            Render(output, results, findings, useColor: false, text);
        });
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private void Render(CheckOutput output, IReadOnlyList<SpecCheckResult> results, IReadOnlyList<Finding> findings, bool useColor,
        TextWriter text)
    {
        var context = environment.Context;
        if (output.Format == CheckFormats.Text)
        {
            var report = new CheckReport([.. results.Select(r => r.Pipeline with { Diagnostics = r.Result.Diagnostics })]);
            new TextCheckRenderer(useColor).Render(report, text);
            return;
        }

        var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var loaded in results.Select(r => r.Loaded).OfType<LoadResult>())
        {
            sources.TryAdd(loaded.Source.Path, loaded.Source);
        }

        var input = new ReportInput(DiagnosticOrderOf(findings), RuleCatalog.Descriptors(), context.WorkingDirectory)
        {
            Descriptors = DiagnosticCatalog.All,
            CheckedFiles = [.. results.Select(r => r.Path)],
            ConfigFiles = [.. results.Select(r => KeyValuePair.Create(r.Path, r.ConfigFile))],
            Sources = sources,
        };
        ReportFormats.Get(output.Format)!.Write(input, text);
    }

    private static List<Finding> DiagnosticOrderOf(IEnumerable<Finding> findings) =>
        [.. findings.OrderBy(f => f.Diagnostic, DiagnosticOrder.Instance)];

    private int Refuse(string message)
    {
        environment.Context.Error.WriteLine($"error: {message}");
        return ExitCodes.Unprocessable;
    }
}
