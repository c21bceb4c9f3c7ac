namespace Spec.Core.Resolve;

/// <summary>A config property's path (<c>provider</c>, <c>stage</c>) as a memo key and as messages show it.</summary>
internal static class PropertyPath
{
    public static string Key(IReadOnlyList<string> path) => string.Join('\0', path);

    public static string Humanize(IReadOnlyList<string> path) => path.Count == 0 ? "(root)" : string.Join('.', path);

    /// <summary>The path of a child: a new array, copied by index (no enumerator, no wrapper).</summary>
    public static string[] Child(IReadOnlyList<string> path, string key)
    {
        var child = new string[path.Count + 1];
        for (var i = 0; i < path.Count; i++)
        {
            child[i] = path[i];
        }

        child[^1] = key;
        return child;
    }
}
