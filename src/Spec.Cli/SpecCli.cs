using System.CommandLine;
using System.CommandLine.Parsing;
using Spec.Cli.Commands;
using Spec.Cli.Output;
using Spec.Core.Diagnostics;

namespace Spec.Cli;

/// <summary>The <c>spec</c> command line: builds the command tree, runs it, and turns any escaped bug into exit 3.</summary>
internal static class SpecCli
{
    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        try
        {
            return Dispatch(args, context);
        }
#pragma warning disable CA1031 // The one place that must catch everything: a bug becomes a diagnostic, not a trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ReportInternalError(e, context);
            return ExitCodes.Internal;
        }
    }

    private static int Dispatch(IReadOnlyList<string> args, CliContext context)
    {
        // One command tree: it names the options the parser knows, and the commands read the pass-through options
        // from the environment only when they run.
        var environment = new CommandEnvironment(context, new GlobalOptions(), new PassThroughOptions());
        var root = BuildRoot(environment);
        var (parserArgs, passThrough) = PassThroughOptions.Extract(args, KnownOptionNames(root));
        environment.PassThrough = passThrough;
        if (Array.Find(parserArgs, IsEmptyValue) is { } empty)
        {
            context.Error.WriteLine(empty.Length == 0
                ? "error: an empty argument ('') names no file, folder or value"
                : $"error: '{empty}' gives the option an empty value");
            context.Error.WriteLine("run `spec --help` for usage");
            return ExitCodes.Unprocessable;
        }

        var parse = root.Parse(parserArgs);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"error: {error.Message}");
            }

            context.Error.WriteLine("run `spec --help` for usage");
            return ExitCodes.Unprocessable;
        }

        if (UnreadOptions.Check(parse, passThrough, environment.Globals, context) is { } usage)
        {
            return usage;
        }

        if (context.DeferCollections is { } defer && OneShotCollections.AppliesTo(parse.CommandResult.Command.Name))
        {
            defer(OneShotCollections.SpecBytes(SpecPaths(parse, environment.Globals), context.WorkingDirectory));
        }

        return parse.Invoke(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>The paths a command reads specs from: its positional arguments, else <c>--config</c>.</summary>
    private static List<string> SpecPaths(ParseResult parse, GlobalOptions globals)
    {
        var positional = parse.CommandResult.Tokens.Where(t => t.Type == TokenType.Argument).Select(t => t.Value).ToList();
        return positional.Count == 0 && parse.GetValue(globals.Config) is { } config ? [config] : positional;
    }

    /// <summary>'' or <c>--name=</c>: never a usable path or value (an empty path would mean the working directory).</summary>
    private static bool IsEmptyValue(string token) =>
        token.Trim().Length == 0 || (token.StartsWith("--", StringComparison.Ordinal) && token.EndsWith('='));

    private static RootCommand BuildRoot(CommandEnvironment environment)
    {
        var root = new RootCommand("Spec: a compiler and linter for serverless.yml (Serverless Framework v3) specs");
        foreach (var option in environment.Globals.All)
        {
            root.Add(option);
        }

        ISpecCommand[] commands =
        [
            new CheckCommand(environment),
            new RulesCommand(environment),
            new ExplainCommand(environment),
            new PrintCommand(environment),
            new SchemaCommand(environment),
            new CompileCommand(environment),
            new ConvertCommand(environment),
            new PackageCommand(environment),
            new DeployCommand(environment),
            new LspCommand(environment),
            new GraphCommand(environment),
        ];
        foreach (var command in commands)
        {
            root.Add(command.Build());
        }

        return root;
    }

    private static HashSet<string> KnownOptionNames(Command root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Command>([root]);
        while (pending.TryPop(out var command))
        {
            foreach (var option in command.Options)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }

            foreach (var sub in command.Subcommands)
            {
                pending.Push(sub);
            }
        }

        return names;
    }

    private static void ReportInternalError(Exception e, CliContext context)
    {
        var diagnostic = new Diagnostic(DiagnosticIds.Internal, Severity.Error,
            $"internal error in Spec ({e.GetType().Name}); this is a bug, not a problem with your spec", null)
        {
            Help = "please report it with the command line and, if you can share it, the spec; "
                + "set SPEC_DEBUG=1 to see the stack trace",
        };
        new TextCheckRenderer(useColor: false).RenderInternal(diagnostic, context.Error);
        if (context.Debug)
        {
            context.Error.WriteLine(e.ToString());
        }
    }
}
