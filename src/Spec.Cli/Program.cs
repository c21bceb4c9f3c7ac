namespace Spec.Cli;

internal static class Program
{
    private static int Main(string[] args) => SpecCli.Run(args, CliContext.FromProcess());
}
