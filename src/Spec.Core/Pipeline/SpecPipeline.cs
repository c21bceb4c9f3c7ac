using Spec.Core.Bind;
using Spec.Core.Bind.Sam;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Core.Pipeline;

/// <summary>
/// The façade every command uses: find the spec, then Load → Resolve → Bind, collecting every diagnostic.
/// A stage runs only when the one before it produced a tree, so a broken file gives one clear error, not many.
/// </summary>
public sealed class SpecPipeline
{
    private readonly YamlLoader _loader;

    public SpecPipeline(LoadLimits? limits = null) => _loader = new YamlLoader(limits);

    /// <summary>
    /// Processes the spec at <paramref name="fileOrDirectory"/> (a file, or a directory to search) up to and
    /// including <paramref name="lastStage"/>.
    /// </summary>
    public PipelineResult Run(string fileOrDirectory, ResolveOptions options, PipelineStage lastStage = PipelineStage.Bind)
    {
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new DiagnosticBag();
        var path = ConfigDiscovery.Find(fileOrDirectory, diagnostics);
        if (path is null)
        {
            var shown = diagnostics.Items.FirstOrDefault()?.Span?.File ?? fileOrDirectory;
            return Finish(shown, null, diagnostics, couldNotProcess: true);
        }

        return Continue(path, _loader.LoadFile(path, diagnostics), diagnostics, options, lastStage);
    }

    /// <summary>
    /// Processes <paramref name="text"/> as the spec at <paramref name="path"/> (an editor's unsaved buffer): the
    /// file is not read, but <c>${file(…)}</c> and <c>.spec.yml</c> are still found relative to it.
    /// </summary>
    public PipelineResult RunText(string path, string text, ResolveOptions options, PipelineStage lastStage = PipelineStage.Bind)
    {
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new DiagnosticBag();
        return Continue(path, _loader.LoadText(path, text, diagnostics), diagnostics, options, lastStage);
    }

    private static PipelineResult Continue(string path, LoadResult loaded, DiagnosticBag diagnostics, ResolveOptions options,
        PipelineStage lastStage)
    {
        if (loaded.Root is null)
        {
            return Finish(path, loaded, diagnostics, couldNotProcess: true);
        }

        if (loaded.Root is not MappingNode)
        {
            diagnostics.Error(DiagnosticIds.Parse, $"the root of a spec must be a mapping, not {Describe(loaded.Root)}",
                loaded.Root.Span, help: "a spec is a mapping with at least `service` and `provider` keys");
            return Finish(path, loaded, diagnostics, couldNotProcess: true);
        }

        if (lastStage == PipelineStage.Load)
        {
            return Finish(path, loaded, diagnostics, couldNotProcess: false);
        }

        // A SAM template has no Serverless variables: the SAM reader turns it into the tree the binder binds (its
        // conversion notes are for `spec convert`, which reads it itself).
        var resolved = SamReader.IsSamTemplate(loaded.Root)
            ? SamReader.Read(loaded, options, new DiagnosticBag()).Resolved
            : VariableResolver.Resolve(loaded, options, diagnostics);
        if (lastStage == PipelineStage.Resolve)
        {
            return Finish(path, loaded, diagnostics, couldNotProcess: false) with { Resolved = resolved };
        }

        var service = Binder.Bind(resolved, diagnostics);
        return Finish(path, loaded, diagnostics, couldNotProcess: false) with { Resolved = resolved, Service = service };
    }

    private static PipelineResult Finish(string path, LoadResult? loaded, DiagnosticBag diagnostics,
        bool couldNotProcess) =>
        new(path, loaded, null, DiagnosticOrder.Sort(diagnostics.Items)) { CouldNotProcess = couldNotProcess };

    private static string Describe(Node node) => node switch
    {
        SequenceNode => "a list",
        ScalarNode { IsNull: true } => "an empty document",
        ScalarNode => "a single value",
        _ => "a " + node.GetType().Name.Replace("Node", string.Empty, StringComparison.Ordinal).ToLowerInvariant(),
    };
}
