using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Spec.Cli.Lsp;
using Spec.Rules.Checking;
using StreamJsonRpc;

namespace Spec.Cli.Commands;

/// <summary>
/// <c>spec lsp [--stdio]</c>: the language server, over stdin/stdout, for serverless.yml/.yaml/.json in any LSP editor.
/// Exit 0 after the client's <c>shutdown</c> and <c>exit</c>; 1 when the client exits without <c>shutdown</c> or the
/// connection drops (as the protocol asks).
/// </summary>
internal sealed class LspCommand(CommandEnvironment environment) : ISpecCommand
{
    /// <summary>The command's name: the one long-running command.</summary>
    public const string Name = "lsp";

    private readonly Option<bool> _stdio = new("--stdio")
    {
        Description = "Talk LSP over stdin/stdout (the default and only transport; editors' clients pass it)",
    };

    private readonly Option<int> _debounce = new("--debounce")
    {
        Description = "Milliseconds to wait after a change before checking the document again",
        DefaultValueFactory = _ => 150,
        HelpName = "MS",
    };

    public Command Build()
    {
        var command = new Command(Name, "Run the language server (LSP over stdio): live diagnostics, hover, completion, quick fixes")
        {
            _stdio,
            _debounce,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(_debounce) is < 0 or > 10_000)
            {
                result.AddError("--debounce must be between 0 and 10000 milliseconds");
            }
        });
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            // StreamJsonRpc's JSON formatter needs run-time code generation; NativeAOT trims the server away.
            environment.Context.Error.WriteLine(
                "error: the NativeAOT build of spec has no language server; run `spec lsp` from the .NET tool (README, \"Install\")");
            return ExitCodes.Unprocessable;
        }

        return ExecuteServer(parse);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = JitOnly)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = JitOnly)]
    private int ExecuteServer(ParseResult parse)
    {
        var options = new SpecCheckOptions
        {
            Resolve = environment.ResolveOptions(parse),
            BaseDirectory = environment.Context.WorkingDirectory,
            Planner = Spec.Backends.Plan.GeneratedForRules.Plan,
        };
        var server = new LanguageServer(options, TimeSpan.FromMilliseconds(parse.GetValue(_debounce)), environment.Context.Error);
        return Serve(server, Console.OpenStandardInput(), Console.OpenStandardOutput()).GetAwaiter().GetResult();
    }

    private const string JitOnly = "spec lsp runs only where dynamic code is supported (checked by Execute); "
        + "NativeAOT removes this path, and the server's JSON is JsonElement/JsonNode, which the formatter handles";

    /// <summary>Serves one client on the given streams until it exits or the connection closes.</summary>
    [RequiresUnreferencedCode(JitOnly)]
    [RequiresDynamicCode(JitOnly)]
    internal static async Task<int> Serve(LanguageServer server, Stream input, Stream output)
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, LspJsonContext.Default);
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter));
        server.Rpc = rpc;
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { DisposeOnDisconnect = false });
        rpc.CancelLocallyInvokedMethodsWhenConnectionIsClosed = true;
        rpc.StartListening();
        var finished = await Task.WhenAny(server.Exited, rpc.Completion).ConfigureAwait(false);
        return finished == server.Exited ? await server.Exited.ConfigureAwait(false) : ExitCodes.Errors;
    }
}
