namespace Spec.Core.Resolve;

/// <summary>A config property's path (<c>provider</c>, <c>stage</c>) as a memo key and as messages show it.</summary>
internal static class PropertyPath
{
    public static string Key(IReadOnlyList<string> path) => string.Join('\0', path);

    public static string Humanize(IReadOnlyList<string> path) => path.Count == 0 ? "(root)" : string.Join('.', path);
}
