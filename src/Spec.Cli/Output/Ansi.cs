namespace Spec.Cli.Output;

/// <summary>ANSI styling that collapses to plain text when colour is off.</summary>
internal sealed class Ansi(bool enabled)
{
    public string BoldRed(string s) => Wrap("1;31", s);

    public string BoldYellow(string s) => Wrap("1;33", s);

    public string BoldCyan(string s) => Wrap("1;36", s);

    public string BoldBlue(string s) => Wrap("1;34", s);

    public string BoldGreen(string s) => Wrap("1;32", s);

    public string Bold(string s) => Wrap("1", s);

    private string Wrap(string code, string s) => enabled ? $"\e[{code}m{s}\e[0m" : s;
}
