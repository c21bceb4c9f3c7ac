using System.CommandLine;
using Spec.Core.Bind;
using Spec.Rules.Output;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec explain ID</c>: what a rule checks (or what a stage, backend or deployer id means), why, how to fix it, with
/// a failing and a passing example; every id of <see cref="DiagnosticCatalog"/>.
/// </summary>
internal sealed class ExplainCommand(CommandEnvironment environment) : ISpecCommand
{
    private readonly Argument<string> _id = new("id") { Description = "A rule or diagnostic id, e.g. SLS-SQS-001 or SPEC-PULUMI-001" };

    public Command Build()
    {
        var command = new Command("explain", "Explain one rule or diagnostic id") { _id };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(_id) ?? string.Empty;
            if (DiagnosticCatalog.Find(id.Trim()) is { } rule)
            {
                var text = RuleDocsWriter.Explain(rule);
                environment.Context.Out.Write(text.EndsWith('\n') ? text : text + "\n");
                return ExitCodes.Ok;
            }

            var error = environment.Context.Error;
            error.WriteLine($"error: no rule with id {id}");
            var nearest = DiagnosticCatalog.All.Select(r => r.Id)
                .Select(known => (known, distance: KeySuggester.Distance(id.ToUpperInvariant(), known)))
                .OrderBy(c => c.distance).ThenBy(c => c.known, StringComparer.Ordinal)
                .FirstOrDefault();
            if (nearest.known is not null && nearest.distance <= Math.Max(3, id.Length / 3))
            {
                error.WriteLine($"help: did you mean {nearest.known}?");
            }

            error.WriteLine("help: `spec rules` lists every rule");
            return ExitCodes.Unprocessable;
        });
        return command;
    }
}
