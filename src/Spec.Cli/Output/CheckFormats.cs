using Spec.Rules.Output;

namespace Spec.Cli.Output;

/// <summary>
/// The formats <c>spec check --format</c> accepts: the rustc-style text renderer of the CLI, and every machine
/// format of <see cref="ReportFormats"/> (json, sarif, github, junit, parseable).
/// </summary>
internal static class CheckFormats
{
    public const string Text = "text";

    public static IReadOnlyList<string> Names { get; } = [Text, .. ReportFormats.Names];
}
