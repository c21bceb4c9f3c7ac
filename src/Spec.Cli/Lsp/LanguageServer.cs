using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Rules.Checking;
using Spec.Rules.Output;
using StreamJsonRpc;

namespace Spec.Cli.Lsp;

/// <summary>
/// The methods of <c>spec lsp</c> (Language Server Protocol 3.17 over JSON-RPC): full document sync, Spec's
/// diagnostics on open, change (debounced) and save, hover and completion from the key catalogue, code actions from
/// the safe fixes. Every handler takes the raw params and answers JSON, and never lets an exception escape: bad
/// input gives diagnostics, a bug gives a SPEC-INTERNAL diagnostic or an empty answer, and the server goes on.
/// </summary>
internal sealed class LanguageServer(SpecCheckOptions checkOptions, TimeSpan debounce, TextWriter log)
{
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _analysisGate = new(1, 1);
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _shutdownRequested;

    /// <summary>Set once the connection exists: diagnostics are pushed through it.</summary>
    public JsonRpc? Rpc { get; set; }

    /// <summary>Completes with the process exit code when the client sends <c>exit</c>: 0 after <c>shutdown</c>, else 1.</summary>
    public Task<int> Exited => _exit.Task;

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public JsonNode Initialize(JsonElement parameters)
    {
        _ = parameters;
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 1, ["save"] = true },
                ["hoverProvider"] = true,
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(" ") },
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix", "source.fixAll") },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "spec", ["version"] = ToolInfo.Version },
        };
    }

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement parameters) => _ = parameters;

    [JsonRpcMethod("shutdown")]
    public JsonNode? Shutdown()
    {
        _shutdownRequested = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exit.TrySetResult(_shutdownRequested ? 0 : 1);

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(JsonElement parameters) => Guard("didOpen", () =>
    {
        var document = parameters.GetProperty("textDocument");
        var uri = document.GetProperty("uri").GetString() ?? string.Empty;
        var opened = new OpenDocument(uri, LspJson.PathOf(uri), document.GetProperty("version").GetInt32(),
            document.GetProperty("text").GetString() ?? string.Empty);
        _documents[uri] = opened;
        Schedule(opened, TimeSpan.Zero);
    });

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(JsonElement parameters) => Guard("didChange", () =>
    {
        var uri = LspJson.DocumentUri(parameters);
        if (!_documents.TryGetValue(uri, out var document))
        {
            return;
        }

        // Full sync: the last change carries the whole text. A range change (a client ignoring our capability) is
        // applied to the text as well, so the document stays right.
        var text = document.Text;
        foreach (var change in parameters.GetProperty("contentChanges").EnumerateArray())
        {
            text = Apply(text, change);
        }

        var changed = document.Next(parameters.GetProperty("textDocument").GetProperty("version").GetInt32(), text);
        _documents[uri] = changed;
        Schedule(changed, debounce);
    });

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(JsonElement parameters) => Guard("didSave", () =>
    {
        // A saved spec may be another's ${file(…)}, and .spec.yml may have changed: check the document again.
        if (_documents.TryGetValue(LspJson.DocumentUri(parameters), out var document))
        {
            Schedule(document, TimeSpan.Zero);
        }
    });

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(JsonElement parameters) => Guard("didClose", () =>
    {
        var uri = LspJson.DocumentUri(parameters);
        if (_documents.TryRemove(uri, out var closed))
        {
            closed.Pending?.Cancel();
            _ = Publish(new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray() });
        }
    });

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public JsonNode? Hover(JsonElement parameters) => Answer("hover", () =>
    {
        var (line, character) = LspJson.ReadPosition(parameters);
        return _documents.TryGetValue(LspJson.DocumentUri(parameters), out var document)
            ? CatalogHelp.Hover(document.Path, document.Text, line, character)
            : null;
    });

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public JsonNode? Completion(JsonElement parameters) => Answer("completion", () =>
    {
        var (line, character) = LspJson.ReadPosition(parameters);
        return _documents.TryGetValue(LspJson.DocumentUri(parameters), out var document)
            ? new JsonObject { ["isIncomplete"] = false, ["items"] = CatalogHelp.Complete(document.Path, document.Text, line, character) }
            : null;
    });

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonNode?> CodeAction(JsonElement parameters)
    {
        try
        {
            if (!_documents.TryGetValue(LspJson.DocumentUri(parameters), out var document))
            {
                return new JsonArray();
            }

            var range = parameters.GetProperty("range");
            var analysis = document.Analysis is { } done && done.Version == document.Version
                ? done
                : await Analyze(document).ConfigureAwait(false);
            return CodeActions.For(analysis, range.GetProperty("start").GetProperty("line").GetInt32(),
                range.GetProperty("end").GetProperty("line").GetInt32());
        }
#pragma warning disable CA1031 // see Guard
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log("codeAction", e);
            return new JsonArray();
        }
    }

    private void Schedule(OpenDocument document, TimeSpan delay)
    {
        var pending = new CancellationTokenSource();
        Interlocked.Exchange(ref document.Pending, pending)?.Cancel();
        _ = Task.Run(async () =>
        {
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, pending.Token).ConfigureAwait(false);
                }

                var analysis = await Analyze(document).ConfigureAwait(false);
                if (!pending.IsCancellationRequested && IsCurrent(document))
                {
                    await Publish(analysis.PublishParams()).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // superseded by a newer change
            }
#pragma warning disable CA1031 // see Guard
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log("analysis", e);
            }
        });
    }

    /// <summary>Checks one version of a document (one at a time: two cores are shared with the editor).</summary>
    private async Task<DocumentAnalysis> Analyze(OpenDocument document)
    {
        await _analysisGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (document.Analysis is { } done && done.Version == document.Version)
            {
                return done;
            }

            var analysis = DocumentAnalysis.Run(document.Uri, document.Path, document.Version, document.Text, checkOptions);
            document.Analysis = analysis;
            return analysis;
        }
        finally
        {
            _analysisGate.Release();
        }
    }

    private bool IsCurrent(OpenDocument document) =>
        _documents.TryGetValue(document.Uri, out var latest) && ReferenceEquals(latest, document);

    [UnconditionalSuppressMessage("Trimming", "IL2026",
        Justification = "the argument is a JsonObject, which the formatter's LspJsonContext describes; spec lsp is JIT-only (LspCommand)")]
    private async Task Publish(JsonObject parameters)
    {
        if (Rpc is { IsDisposed: false } rpc)
        {
            await rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", parameters).ConfigureAwait(false);
        }
    }

    private static string Apply(string text, JsonElement change)
    {
        var newText = change.GetProperty("text").GetString() ?? string.Empty;
        if (!change.TryGetProperty("range", out var range) || range.ValueKind != JsonValueKind.Object)
        {
            return newText;
        }

        var start = OffsetOf(text, range.GetProperty("start"));
        var end = Math.Max(start, OffsetOf(text, range.GetProperty("end")));
        return string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
    }

    private static int OffsetOf(string text, JsonElement position)
    {
        var line = position.GetProperty("line").GetInt32();
        var offset = 0;
        for (var l = 0; l < line && offset < text.Length; l++)
        {
            var next = text.IndexOf('\n', offset);
            offset = next < 0 ? text.Length : next + 1;
        }

        return Math.Min(text.Length, offset + position.GetProperty("character").GetInt32());
    }

    private void Guard(string what, Action handler)
    {
        try
        {
            handler();
        }
#pragma warning disable CA1031 // A malformed message or a bug must not end the editor's session: log it and go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log(what, e);
        }
    }

    private JsonNode? Answer(string what, Func<JsonNode?> handler)
    {
        try
        {
            return handler();
        }
#pragma warning disable CA1031 // see Guard
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log(what, e);
            return null;
        }
    }

    private void Log(string what, Exception e)
    {
        lock (log)
        {
            log.WriteLine($"spec lsp: {what} failed ({e.GetType().Name}: {e.Message})");
        }
    }
}

/// <summary>One open document version; a change makes the next one, so an analysis knows what it checked.</summary>
internal sealed class OpenDocument(string uri, string path, int version, string text)
{
    public string Uri { get; } = uri;

    public string Path { get; } = path;

    public int Version { get; } = version;

    public string Text { get; } = text;

    /// <summary>The debounced check waiting to run for this document, cancelled by the next change.</summary>
    public CancellationTokenSource? Pending;

    public DocumentAnalysis? Analysis { get; set; }

    public OpenDocument Next(int version, string text) => new(Uri, Path, version, text) { Pending = Pending };
}
