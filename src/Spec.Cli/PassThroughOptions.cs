namespace Spec.Cli;

/// <summary>
/// Options the CLI does not define (<c>--name value</c>, <c>--name=value</c>, or a bare <c>--flag</c>), kept for
/// <c>${opt:name}</c>. Like the Framework (minimist), a following token that does not start with <c>-</c> is the
/// value, otherwise the option is <c>true</c>. Tokens after <c>--</c> are never options.
/// </summary>
internal sealed class PassThroughOptions
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    /// <summary>Splits <paramref name="args"/> into the tokens the parser knows and the pass-through options.</summary>
    public static (string[] Known, PassThroughOptions PassThrough) Extract(
        IReadOnlyList<string> args, IReadOnlySet<string> knownOptionNames)
    {
        var known = new List<string>(args.Count);
        var passThrough = new PassThroughOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                known.AddRange(args.Skip(i));
                break;
            }

            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                known.Add(token);
                continue;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? token[..equals] : token;
            if (knownOptionNames.Contains(name))
            {
                known.Add(token);
                continue;
            }

            string value;
            if (equals > 0)
            {
                value = token[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                value = args[++i];
            }
            else
            {
                value = "true";
            }

            passThrough._items.Add(new(name[2..], value));
        }

        return ([.. known], passThrough);
    }

    /// <summary>
    /// The options as <c>--name=value</c> tokens for the resolver's argument parser (one token each, so a value
    /// that starts with <c>-</c> cannot be mistaken for an option).
    /// </summary>
    public IEnumerable<string> ToArguments() => _items.Select(item => $"--{item.Key}={item.Value}");
}
