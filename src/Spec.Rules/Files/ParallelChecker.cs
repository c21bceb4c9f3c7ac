namespace Spec.Rules.Files;

/// <summary>
/// Checks many files at once: <paramref name="check"/> runs in parallel, results come back in input order (so output
/// does not depend on scheduling), and a progress line is drawn only when a terminal is watching.
/// </summary>
public static class ParallelChecker
{
    public static IReadOnlyList<TResult> Run<TResult>(
        IReadOnlyList<string> files,
        Func<string, TResult> check,
        ProgressLine? progress = null,
        int maxDegreeOfParallelism = -1)
    {
        var results = new TResult[files.Count];
        var done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount,
        };
        Parallel.For(0, files.Count, options, i =>
        {
            results[i] = check(files[i]);
            progress?.Report(Interlocked.Increment(ref done), files.Count);
        });
        progress?.Clear();
        return results;
    }
}

/// <summary>
/// A single self-overwriting "checked 3/10" line on a terminal. <see cref="ForConsole"/> gives none when stderr is
/// redirected (CI logs, pipes), so only people watching see it.
/// </summary>
public sealed class ProgressLine(TextWriter writer)
{
    private readonly Lock _gate = new();
    private int _width;

    /// <summary>A progress line on stderr, or null when stderr is not a terminal.</summary>
    public static ProgressLine? ForConsole() => Console.IsErrorRedirected ? null : new ProgressLine(Console.Error);

    public void Report(int done, int total)
    {
        lock (_gate)
        {
            var text = FormattableString.Invariant($"checked {done}/{total} files");
            _width = Math.Max(_width, text.Length);
            writer.Write("\r" + text.PadRight(_width));
            writer.Flush();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            if (_width > 0)
            {
                writer.Write("\r" + new string(' ', _width) + "\r");
                writer.Flush();
                _width = 0;
            }
        }
    }
}
