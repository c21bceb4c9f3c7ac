using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Files;
using Spec.Core.Syntax;

namespace Spec.Rules.Suppression;

/// <summary>
/// Finds and reads <c>.spec.yml</c>:
/// <code>
/// rules:
///   SLS-LAMBDA-019: off          # off | info | warning | error
/// ignore:
///   - rule: SLS-SQS-009          # an id, a glob (SLS-SQS-*), or a list under `rules:`
///     files: legacy/**           # optional glob, relative to this file's folder
///     path: functions.legacy.**  # optional glob over the finding's structural path
///     reason: drained by hand    # required
/// inlineSuppressions: false      # forbid `# spec-ignore` comments
/// baseline: .spec-baseline.json
/// </code>
/// Problems are diagnostics with id <see cref="ConfigId"/> on the config file, never exceptions.
/// </summary>
public static class SpecConfigLoader
{
    public const string ConfigId = "SPEC-CONFIG-001";

    public static readonly IReadOnlyList<string> FileNames = [".spec.yml", ".spec.yaml"];

    /// <summary>
    /// The nearest config file in the spec's folder or one of its ancestors up to the repository root (the nearest
    /// folder holding <c>.git</c>), else up to the user's home folder, else in the spec's folder only: a config in a
    /// shared parent (a temporary folder, <c>/</c>) never silences the specs below it. Null when there is none.
    /// </summary>
    public static string? Find(string specPath, string? homeDirectory = null)
    {
        var start = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(specPath))!);
        var boundary = SearchBoundary(start, homeDirectory ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            foreach (var name in FileNames)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (UntrustedFile.KindOf(candidate) != FileKind.Missing)
                {
                    return candidate;
                }
            }

            if (string.Equals(dir.FullName, boundary, StringComparison.Ordinal))
            {
                break;
            }
        }

        return null;
    }

    private static string SearchBoundary(DirectoryInfo start, string home)
    {
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (UntrustedFile.KindOf(Path.Combine(dir.FullName, ".git")) != FileKind.Missing)
            {
                return dir.FullName;
            }
        }

        var homeFull = home.Length == 0 ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(home));
        return homeFull is not null && UntrustedFile.IsInside(start.FullName, homeFull) ? homeFull : start.FullName;
    }

    /// <summary>The config that applies to <paramref name="specPath"/> (the empty one when there is none).</summary>
    public static SpecConfig LoadFor(string specPath, IReadOnlyCollection<string> knownIds) =>
        Find(specPath) is { } path ? LoadFile(path, knownIds) : SpecConfig.Empty;

    public static SpecConfig LoadFile(string path, IReadOnlyCollection<string> knownIds)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadFile(path, bag);
        return Read(loaded, knownIds, bag);
    }

    public static SpecConfig Parse(string path, string text, IReadOnlyCollection<string> knownIds)
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText(path, text, bag);
        return Read(loaded, knownIds, bag);
    }

    private static SpecConfig Read(LoadResult loaded, IReadOnlyCollection<string> knownIds, DiagnosticBag bag)
    {
        var problems = bag.Items.Select(d => d with { Id = ConfigId }).ToList();
        var config = new SpecConfig { FilePath = loaded.Source.Path };
        if (loaded.Root is null)
        {
            return config with { Diagnostics = problems };
        }

        if (loaded.Root is not MappingNode root)
        {
            problems.Add(Error("the config must be a mapping (rules:, ignore:, inlineSuppressions:, baseline:)", loaded.Root.Span));
            return config with { Diagnostics = problems };
        }

        var known = new HashSet<string>(knownIds, StringComparer.Ordinal);
        var levels = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
        var ignores = new List<IgnoreEntry>();
        var inline = true;
        string? baseline = null;
        foreach (var entry in root.Entries)
        {
            switch (entry.Key.Text)
            {
                case "rules":
                    ReadLevels(entry.Value, known, levels, problems);
                    break;
                case "ignore":
                    ReadIgnores(entry.Value, ignores, problems);
                    break;
                case "inlineSuppressions":
                    if (entry.Value is ScalarNode { AsBool: { } b })
                    {
                        inline = b;
                    }
                    else
                    {
                        problems.Add(Error("inlineSuppressions must be true or false", entry.Value.Span));
                    }

                    break;
                case "baseline":
                    if (entry.Value is ScalarNode { Kind: ScalarKind.String } s)
                    {
                        baseline = s.Text;
                    }
                    else
                    {
                        problems.Add(Error("baseline must be a file path", entry.Value.Span));
                    }

                    break;
                default:
                    problems.Add(new Diagnostic(ConfigId, Severity.Warning,
                        $"unknown config key '{entry.Key.Text}'", entry.Key.Span)
                    {
                        Help = "known keys: rules, ignore, inlineSuppressions, baseline",
                    });
                    break;
            }
        }

        return config with
        {
            RuleLevels = levels,
            Ignores = ignores,
            InlineSuppressions = inline,
            Baseline = baseline,
            Diagnostics = problems,
        };
    }

    private static void ReadLevels(Node node, HashSet<string> known, Dictionary<string, RuleLevel> levels, List<Diagnostic> problems)
    {
        if (node is not MappingNode rules)
        {
            problems.Add(Error("rules must map rule ids to off, info, warning or error", node.Span));
            return;
        }

        foreach (var entry in rules.Entries)
        {
            var id = entry.Key.Text.ToUpperInvariant();
            if (known.Count > 0 && !known.Contains(id))
            {
                problems.Add(new Diagnostic(ConfigId, Severity.Warning, $"unknown rule id '{entry.Key.Text}'", entry.Key.Span)
                {
                    Help = Suggest(id, known) is { } near ? $"did you mean {near}?" : "`spec rules` lists the rule ids",
                });
            }

            // YAML 1.1 readers turn a bare `off` into false; ours keeps it a string, but accept both spellings.
            var level = (entry.Value as ScalarNode)?.Text.ToLowerInvariant() switch
            {
                "off" or "false" or "none" => RuleLevel.Off,
                "info" or "note" => RuleLevel.Info,
                "warning" or "warn" => RuleLevel.Warning,
                "error" => RuleLevel.Error,
                _ => (RuleLevel?)null,
            };
            if (level is null)
            {
                problems.Add(Error($"level of {entry.Key.Text} must be off, info, warning or error", entry.Value.Span));
                continue;
            }

            levels[id] = level.Value;
        }
    }

    private static void ReadIgnores(Node node, List<IgnoreEntry> ignores, List<Diagnostic> problems)
    {
        if (node is not SequenceNode items)
        {
            problems.Add(Error("ignore must be a list of {rule, files, path, reason}", node.Span));
            return;
        }

        foreach (var item in items.Items)
        {
            if (item is not MappingNode m)
            {
                problems.Add(Error("each ignore entry must be a mapping with rule and reason", item.Span));
                continue;
            }

            var rules = new List<string>();
            if (m["rule"] is ScalarNode rule)
            {
                rules.Add(rule.Text.ToUpperInvariant());
            }

            if (m["rules"] is SequenceNode list)
            {
                rules.AddRange(list.Items.OfType<ScalarNode>().Select(s => s.Text.ToUpperInvariant()));
            }

            var reason = (m["reason"] as ScalarNode)?.Text;
            if (rules.Count == 0)
            {
                problems.Add(Error("ignore entry needs `rule` (an id or a glob such as SLS-SQS-*)", m.Span));
                continue;
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                problems.Add(Error("ignore entry needs a `reason`", m.Span));
                continue;
            }

            foreach (var key in m.Keys.Where(k => k is not ("rule" or "rules" or "files" or "path" or "reason")))
            {
                problems.Add(new Diagnostic(ConfigId, Severity.Warning, $"unknown ignore key '{key}'", m.Entry(key)!.Key.Span)
                {
                    Help = "ignore entries take rule (or rules), files, path and reason",
                });
            }

            ignores.Add(new IgnoreEntry([.. rules.Select(r => new Glob(r, '-'))],
                (m["files"] as ScalarNode)?.Text is { } files ? new Glob(files) : null,
                (m["path"] as ScalarNode)?.Text is { } path ? new Glob(path, '.') : null,
                reason));
        }
    }

    private static Diagnostic Error(string message, SourceSpan span) => new(ConfigId, Severity.Error, message, span);

    private static string? Suggest(string id, HashSet<string> known) =>
        known.Select(k => (Id: k, Distance: KeySuggester.Distance(id, k)))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id)
            .FirstOrDefault();
}
