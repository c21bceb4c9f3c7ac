namespace Spec.Core.Resolve;

/// <summary>What the command line and the process give the resolver: options, <c>--param</c>s and the environment.</summary>
public sealed record ResolveOptions
{
    public static readonly ResolveOptions Empty = new();

    /// <summary>
    /// Every <c>--name value</c> option (<c>stage</c>, <c>region</c>, anything read by <c>${opt:name}</c>).
    /// A flag without a value (<c>--verbose</c>) is <c>"true"</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The <c>--param k=v</c> pairs in command-line order (a later one wins).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Params { get; init; } = [];

    /// <summary>The environment <c>${env:…}</c> reads (before <c>.env</c> files are added with <c>useDotenv</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Lets <c>${file(…)}</c> read files outside the service directory.</summary>
    public bool AllowOutsideFiles { get; init; }

    public string? Stage => Options.TryGetValue("stage", out var s) && s.Length > 0 ? s : null;

    public string? Region => Options.TryGetValue("region", out var r) && r.Length > 0 ? r : null;

    /// <summary>
    /// Parses CLI-style arguments as a case's <c>args</c> are written: <c>--stage dev</c>, <c>--param k=v</c>,
    /// <c>--name=value</c>, a bare <c>--flag</c> (= <c>"true"</c>), and the short forms <c>-s</c> (stage) and
    /// <c>-r</c> (region). <c>--allow-outside-files</c> also sets <see cref="AllowOutsideFiles"/>. Arguments that
    /// are not options are ignored.
    /// </summary>
    public static ResolveOptions FromArguments(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                name = arg[2..];
            }
            else if (arg is "-s" or "-r")
            {
                name = arg == "-s" ? "stage" : "region";
            }
            else
            {
                continue;
            }

            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Count && !IsOption(args[i + 1]))
            {
                value = args[++i];
            }
            else
            {
                value = "true";
            }

            if (name == "param")
            {
                var sep = value.IndexOf('=', StringComparison.Ordinal);
                if (sep > 0)
                {
                    parameters.Add(new(value[..sep], value[(sep + 1)..]));
                }

                continue;
            }

            options[name] = value;
        }

        return new ResolveOptions
        {
            AllowOutsideFiles = options.TryGetValue("allow-outside-files", out var allow) && allow == "true",
            Options = options,
            Params = parameters,
            Environment = new Dictionary<string, string>(environment, StringComparer.Ordinal),
        };
    }

    private static bool IsOption(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 || arg is "-s" or "-r";
}
