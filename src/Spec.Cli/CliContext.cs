using System.Text;

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

    /// <summary>
    /// Called once the command line names a one-shot command (anything but <c>lsp</c>), with the size of the spec
    /// files it names (null when unknown): the real process may defer its garbage collections
    /// (<see cref="OneShotCollections"/>); a test host running commands in-process does not.
    /// </summary>
    public Action<long?>? DeferCollections { get; init; }

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

        return new CliContext(StandardOutput(), Console.Error, System.Environment.CurrentDirectory, env,
            !Console.IsOutputRedirected)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
            DeferCollections = static specBytes => OneShotCollections.Defer(specBytes),
        };
    }

    /// <summary>
    /// Standard output with a 64 KB buffer, flushed after every write as <see cref="Console.Out"/> is (so it still
    /// interleaves with standard error), but a long report goes out in 64 KB writes: Console.Out's 256-byte buffer
    /// made a 6 MB report 25,000 system calls.
    /// </summary>
    private static TextWriter StandardOutput()
    {
        var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)
            : Console.OutputEncoding;
        return TextWriter.Synchronized(
            new StreamWriter(Console.OpenStandardOutput(), encoding, 1 << 16, leaveOpen: true) { AutoFlush = true });
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
