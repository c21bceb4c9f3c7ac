namespace Spec.Cli;

/// <summary>
/// Everything a command may touch outside its arguments. The real process builds one from the console;
/// tests build one with string writers, a temp working directory and a controlled environment.
/// </summary>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    bool OutputIsTerminal)
{
    /// <summary>Standard error is a terminal: only then does <c>spec check</c> draw a progress line.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Colour only on a terminal, never when <c>NO_COLOR</c> is set (no-color.org) or TERM is dumb.</summary>
    public bool UseColor =>
        OutputIsTerminal
        && !(Environment.TryGetValue("NO_COLOR", out var noColor) && noColor.Length > 0)
        && !(Environment.TryGetValue("TERM", out var term) && term == "dumb");

    /// <summary><c>SPEC_DEBUG=1</c> shows stack traces of internal errors; nothing else does.</summary>
    public bool Debug => Environment.TryGetValue("SPEC_DEBUG", out var v) && v == "1";

    public static CliContext FromProcess()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && e.Value is string v)
            {
                env[k] = v;
            }
        }

        return new CliContext(Console.Out, Console.Error, System.Environment.CurrentDirectory, env,
            !Console.IsOutputRedirected)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
    }

    /// <summary>
    /// The path to read for <paramref name="path"/>: relative paths are relative to the working directory, but a
    /// path in the process's own current directory is kept as written so messages show what the user typed.
    /// </summary>
    public string Locate(string path) =>
        Path.IsPathRooted(path) || SameDirectory(WorkingDirectory, System.Environment.CurrentDirectory)
            ? path
            : Path.Combine(WorkingDirectory, path);

    private static bool SameDirectory(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar),
            Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
