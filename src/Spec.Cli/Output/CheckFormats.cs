namespace Spec.Cli.Output;

/// <summary>The formats <c>spec check --format</c> accepts. A new format is one renderer and one line here.</summary>
internal static class CheckFormats
{
    public const string Text = "text";
    public const string Json = "json";

    public static IReadOnlyList<string> Names { get; } = [Text, Json];

    public static ICheckRenderer Create(string name, CliContext context) => name switch
    {
        Json => new JsonCheckRenderer(),
        _ => new TextCheckRenderer(context.UseColor),
    };
}
