namespace Spec.Cli.Output;

/// <summary>One output format of <c>spec check</c> (text, json; later sarif, github, junit, parseable).</summary>
internal interface ICheckRenderer
{
    void Render(CheckReport report, TextWriter output);
}
