using System.CommandLine;
using System.CommandLine.Parsing;

namespace Spec.Cli.Output;

/// <summary>One report to produce: a format, and the file it goes to (null = standard output).</summary>
internal sealed record CheckOutput(string Format, string? File);

/// <summary>
/// Pairs <c>--output FILE</c> with the <c>--format</c> before it, in token order: <c>--format sarif --output a.sarif
/// --format text</c> writes SARIF to a.sarif and text to stdout. At most one format may go to standard output.
/// </summary>
internal static class CheckOutputPlan
{
    public static IReadOnlyList<CheckOutput> From(ParseResult parse, Option format, Option output, out string? error)
    {
        error = null;
        var outputs = new List<CheckOutput>();
        var tokens = parse.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Type != TokenType.Option)
            {
                continue;
            }

            var value = tokens[i + 1].Value;
            if (Names(format).Contains(tokens[i].Value))
            {
                outputs.Add(new CheckOutput(value, null));
            }
            else if (Names(output).Contains(tokens[i].Value))
            {
                if (outputs.Count == 0 || outputs[^1].File is not null)
                {
                    error = $"--output {value} must follow the --format it is for (e.g. `--format sarif --output {value}`)";
                    return [];
                }

                outputs[^1] = outputs[^1] with { File = value };
            }
        }

        if (outputs.Count == 0)
        {
            outputs.Add(new CheckOutput(CheckFormats.Text, null));
        }

        if (outputs.Count(o => o.File is null) > 1)
        {
            error = "only one --format can go to standard output; give the others an --output FILE";
            return [];
        }

        return outputs;
    }

    private static HashSet<string> Names(Option option) => [option.Name, .. option.Aliases];
}
