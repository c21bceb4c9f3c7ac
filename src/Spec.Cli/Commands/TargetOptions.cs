using System.CommandLine;
using Spec.Backends.Targets;

namespace Spec.Cli.Commands;

/// <summary>
/// The command-line options of the targets (<c>spec compile</c>) or engines (<c>spec deploy</c>) of the registry, built
/// from their <see cref="TargetOption"/> data: each says in its description which targets or engines take it, and
/// giving it with another one is a usage error.
/// </summary>
internal sealed class TargetOptions
{
    private readonly string _selector;
    private readonly List<(Option Option, List<string> Owners)> _options = [];

    /// <param name="selector">The option that chooses the owner: <c>--target</c> or <c>--engine</c>.</param>
    /// <param name="owners">Each target or engine with its options, in registry order.</param>
    public TargetOptions(string selector, IEnumerable<(string Owner, IReadOnlyList<TargetOption> Options)> owners)
    {
        _selector = selector;
        var specs = new List<(TargetOption Spec, List<string> Owners)>();
        foreach (var (owner, options) in owners)
        {
            foreach (var option in options)
            {
                if (specs.Find(s => s.Spec.Name == option.Name) is { Spec: not null } known)
                {
                    known.Owners.Add(owner);
                }
                else
                {
                    specs.Add((option, [owner]));
                }
            }
        }

        _options.AddRange(specs.Select(s => (Create(s.Spec, $"{s.Spec.Description} ({string.Join(", ", s.Owners)} only)"), s.Owners)));
    }

    /// <summary>Adds the options to <paramref name="command"/> after those it has, and returns it.</summary>
    public Command AddTo(Command command)
    {
        foreach (var (option, _) in _options)
        {
            command.Add(option);
        }

        return command;
    }

    /// <summary>A command-line option for <paramref name="spec"/> (a flag, or a value with its default and allowed values).</summary>
    public static Option Create(TargetOption spec, string description)
    {
        string[] aliases = spec.Alias is null ? [] : [spec.Alias];
        return spec.IsFlag ? new Option<bool>(spec.Name, aliases) { Description = description } : Valued(spec, description);
    }

    public static Option<string> Valued(TargetOption spec, string description)
    {
        var option = new Option<string>(spec.Name, spec.Alias is null ? [] : [spec.Alias]) { Description = description, HelpName = spec.HelpName };
        if (spec.Default is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        if (spec.AllowedValues.Count > 0)
        {
            option.AcceptOnlyFromAmong([.. spec.AllowedValues]);
        }

        return option;
    }

    /// <summary>
    /// A usage error (exit 2) for every given option that <paramref name="chosen"/> does not take, e.g.
    /// <c>error: --stack applies only to --engine pulumi, not to --engine cloudformation</c>; null when there is none.
    /// </summary>
    public int? RejectInapplicable(CommandEnvironment environment, ParseResult parse, string chosen)
    {
        var given = _options.Where(o => !o.Owners.Contains(chosen) && parse.GetResult(o.Option) is { Implicit: false }).ToList();
        if (given.Count == 0)
        {
            return null;
        }

        foreach (var (option, owners) in given)
        {
            var appliesTo = string.Join(" or ", owners.Select(owner => $"{_selector} {owner}"));
            environment.Context.Error.WriteLine($"error: {option.Name} applies only to {appliesTo}, not to {_selector} {chosen}");
        }

        environment.Context.Error.WriteLine($"run `spec {parse.CommandResult.Command.Name} --help` for usage");
        return ExitCodes.Unprocessable;
    }

    /// <summary>The values of <paramref name="chosen"/>'s options (a flag that was given is <c>"true"</c>).</summary>
    public TargetSettings Settings(ParseResult parse, string chosen) => new(_options
        .Where(o => o.Owners.Contains(chosen))
        .ToDictionary(o => o.Option.Name, o => o.Option switch
        {
            Option<bool> flag => parse.GetValue(flag) ? "true" : null,
            Option<string> valued => parse.GetValue(valued),
            _ => null,
        }, StringComparer.Ordinal));

    /// <summary>"a, b or c" (<paramref name="serialComma"/>: "a, b, or c"; two items: "a, or b").</summary>
    public static string JoinOr(IReadOnlyList<string> items, bool serialComma) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + (serialComma ? ", or " : " or ") + items[^1],
    };
}
