using System.Globalization;

namespace Spec.Backends;

/// <summary>
/// Hands out <c>name</c>, else <c>name-2</c>, <c>name-3</c>… (or another separator): the first not handed out before.
/// Names are never given back, so a name's next try starts after the suffixes it found taken last time instead of from
/// the beginning (Beanstalk environment keys and cron tasks, graph node ids: thousands can share a name).
/// </summary>
internal sealed class UniqueNames(char separator = '-')
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextTry = new(StringComparer.Ordinal);

    public string Take(string name)
    {
        var n = _nextTry.GetValueOrDefault(name, 1);
        var unique = Candidate(name, n);
        while (!_taken.Add(unique))
        {
            unique = Candidate(name, ++n);
        }

        _nextTry[name] = n + 1;
        return unique;
    }

    private string Candidate(string name, int n) =>
        n == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}{separator}{n}");
}
