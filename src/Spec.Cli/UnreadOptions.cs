using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Spec.Core.Bind;
using Spec.Core.Files;
using Spec.Core.Pipeline;
using Spec.Core.Syntax;

namespace Spec.Cli;

/// <summary>
/// Options Spec does not define are passed to <c>${opt:…}</c>, as the Framework does, so a typo in one of Spec's own
/// options would otherwise pass silently (<c>--fial-on warning</c> exits 0, a CI gate disabled). An unknown option
/// within edit distance 2 (1 for names of up to 5 characters) of an option of the command that the spec never reads through <c>${opt:…}</c> is a usage
/// error with "did you mean"; any other unread one is a warning. The spec is read as text (the positional specs, else
/// <c>--config</c>, else the one in the working directory): a variable names its option literally.
/// </summary>
internal static partial class UnreadOptions
{
    private const int MaxDistance = 2;

    /// <summary>How many files the include walk reads at most (a spec with more is read that far).</summary>
    private const int MaxIncludes = 256;

    /// <summary>Stands for an included file whose path is a variable: it may read any option.</summary>
    private const string MayReadAnyOption = "${opt:}";

    /// <summary>Reports on stderr; returns the exit code when the command must not run.</summary>
    public static int? Check(ParseResult parse, PassThroughOptions passThrough, GlobalOptions globals, CliContext context)
    {
        if (passThrough.Items.Count == 0)
        {
            return null;
        }

        var texts = SpecTexts(parse, globals, context);
        if (texts.Exists(t => ReadsEveryOption().IsMatch(t)))
        {
            return null;
        }

        var own = OwnOptionNames(parse.CommandResult.Command, parse.RootCommandResult.Command);
        int? exit = null;
        foreach (var name in passThrough.Items.Select(i => i.Key).Distinct(StringComparer.Ordinal))
        {
            var reads = new Regex(@"opt:\s*" + Regex.Escape(name) + @"(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (texts.Exists(reads.IsMatch))
            {
                continue;
            }

            var nearest = own.Select(o => (Name: o, Distance: KeySuggester.Distance("--" + name, o)))
                .Where(o => o.Distance <= Tolerance(name)).OrderBy(o => o.Distance).ThenBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => o.Name).FirstOrDefault();
            if (nearest is not null)
            {
                context.Error.WriteLine($"error: unknown option '--{name}'; did you mean '{nearest}'?");
                exit = ExitCodes.Unprocessable;
            }
            else
            {
                context.Error.WriteLine(
                    $"warning: '--{name}' is not an option of Spec and the spec does not read it through ${{opt:{name}}}; it has no effect");
            }
        }

        if (exit is not null)
        {
            context.Error.WriteLine("run `spec --help` for usage (an option the spec reads through ${opt:…} is passed to it)");
        }

        return exit;
    }

    /// <summary>Edit distance 2, less for short names: '--foo' is not a typo of '--fix'.</summary>
    private static int Tolerance(string name) => Math.Clamp(name.Length / 3, 1, MaxDistance);

    private static List<string> OwnOptionNames(Command command, Command root) =>
    [
        .. command.Options.Concat(root.Options.Where(o => o.Recursive))
            .SelectMany(o => o.Aliases.Append(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal),
    ];

    private static List<string> SpecTexts(ParseResult parse, GlobalOptions globals, CliContext context)
    {
        var given = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).ToList();
        if (given.Count == 0)
        {
            given.Add(parse.GetValue(globals.Config) ?? ".");
        }

        var texts = new List<string>();
        foreach (var path in given.Select(context.Locate))
        {
            var file = UntrustedFile.KindOf(path) == FileKind.Directory
                ? ConfigDiscovery.FileNames.Select(n => Path.Combine(path, n)).FirstOrDefault(File.Exists)
                : path;
            if (file is not null)
            {
                AddWithIncludes(file, Path.GetDirectoryName(Path.GetFullPath(file))!, texts, new HashSet<string>(StringComparer.Ordinal));
            }
        }

        return texts;
    }

    /// <summary>
    /// The text of <paramref name="file"/> and of the files it includes through <c>${file(…)}</c> with a literal path
    /// inside the service folder (where the resolver may read them). An include whose path is itself a variable may be
    /// any file: its text is taken to read every option.
    /// </summary>
    private static void AddWithIncludes(string file, string serviceDirectory, List<string> texts, HashSet<string> seen)
    {
        if (seen.Count > MaxIncludes || !seen.Add(Path.GetFullPath(file)))
        {
            return;
        }

        string text;
        try
        {
            text = UntrustedFile.ReadAllText(file, LoadLimits.Default.MaxFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // the command reports an unreadable spec or include itself
        }

        texts.Add(text);
        foreach (Match include in FileInclude().Matches(text))
        {
            var relative = include.Groups["path"].Value.Trim().Trim('\'', '"');
            if (relative.Contains('$', StringComparison.Ordinal))
            {
                texts.Add(MayReadAnyOption);
                continue;
            }

            if (Inside(serviceDirectory, relative) is { } full)
            {
                AddWithIncludes(full, serviceDirectory, texts, seen);
            }
        }
    }

    /// <summary>The include's full path when it is a regular file inside the service folder, links resolved; else null.</summary>
    private static string? Inside(string serviceDirectory, string relative)
    {
        try
        {
            var full = Path.GetFullPath(Path.Combine(serviceDirectory, relative));
            return UntrustedFile.IsInside(full, serviceDirectory) && UntrustedFile.KindOf(full) == FileKind.Regular
                && UntrustedFile.IsInside(UntrustedFile.RealPath(full), UntrustedFile.RealPath(serviceDirectory))
                ? full
                : null;
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\$\{\s*file\((?<path>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex FileInclude();

    [GeneratedRegex(@"\$\{\s*opt:\s*[},]", RegexOptions.CultureInvariant)]
    private static partial Regex ReadsEveryOption();
}
