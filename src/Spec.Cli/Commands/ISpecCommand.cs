using System.CommandLine;

namespace Spec.Cli.Commands;

/// <summary>One subcommand of <c>spec</c>; each lives in its own file and builds its own options.</summary>
internal interface ISpecCommand
{
    Command Build();
}
