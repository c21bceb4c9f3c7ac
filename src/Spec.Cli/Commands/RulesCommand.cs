using System.CommandLine;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Rules.Engine;
using Spec.Rules.Output;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec rules [--all] [--format table|markdown|json]</c>: the rule catalogue (the checks of <c>spec check</c>), or with
/// <c>--all</c> every id the tool can report (<see cref="DiagnosticCatalog"/>).
/// </summary>
internal sealed class RulesCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "table (plain text), markdown or json",
        DefaultValueFactory = _ => "table",
    };

    private readonly Option<bool> _all = new("--all")
    {
        Description = "List every diagnostic id Spec can report, the backends' and deployers' SPEC-* ids included",
    };

    public Command Build()
    {
        _format.AcceptOnlyFromAmong("table", "markdown", "json");
        var command = new Command("rules", "List every rule: id, severity, category, title") { _format, _all };
        command.SetAction(parse =>
        {
            var rules = parse.GetValue(_all) ? DiagnosticCatalog.All : RuleCatalog.Descriptors();
            var text = parse.GetValue(_format) switch
            {
                "markdown" => RuleDocsWriter.RulesTableMarkdown(rules),
                "json" => RuleDocsWriter.RulesJson(rules),
                _ => Table(rules),
            };
            environment.Context.Out.Write(text.EndsWith('\n') ? text : text + "\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A plain text table with padded columns (no colour, no box drawing: safe in any log).</summary>
    internal static string Table(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        string[] header = ["ID", "SEVERITY", "CATEGORY", "TITLE"];
        var rows = rules.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new[] { r.Id, r.DefaultSeverity.ToString().ToLowerInvariant(), r.Category, r.Title })
            .ToList();
        var widths = Enumerable.Range(0, 3).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            for (var i = 0; i < 3; i++)
            {
                text.Append(row[i].PadRight(widths[i] + 2));
            }

            text.Append(row[3]).Append('\n');
        }

        return text.ToString();
    }
}
