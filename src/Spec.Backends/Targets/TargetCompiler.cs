using Spec.Backends.Plan;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Emit;
using Spec.Core.Model;
using Spec.Core.Resolve;

namespace Spec.Backends.Targets;

/// <summary><c>spec compile --target NAME</c> as a library call: plan the service, emit the target's files, write them.</summary>
public static class TargetCompiler
{
    /// <summary>
    /// Binds and plans <paramref name="spec"/> once, emits <paramref name="target"/>'s files and writes them into
    /// <paramref name="outputDirectory"/> (<see cref="WriteFiles"/>). Null when the plan has errors (nothing is written)
    /// or the files cannot be written; the reasons are in <paramref name="diagnostics"/>.
    /// </summary>
    public static IReadOnlyList<OutputFile>? Compile(Target target, ResolvedSpec spec, string outputDirectory, TargetSettings settings,
        DiagnosticBag diagnostics)
    {
        if (Plan(spec, diagnostics) is not { } planned)
        {
            return null;
        }

        var context = new TargetContext(planned.Model, planned.Plan, spec.ServiceDirectory, spec.Loaded.Source.Path, outputDirectory, settings);
        var files = target.Emit(context, diagnostics);
        return WriteFiles(outputDirectory, files.Select(f => KeyValuePair.Create(f.Path, f.Segments)), diagnostics) ? files : null;
    }

    /// <summary>The bound service and its plan (one bind), or null when binding or planning reported an error.</summary>
    public static PlannedService? Plan(ResolvedSpec spec, DiagnosticBag diagnostics)
    {
        if (PlanBuilder.Bind(spec, diagnostics) is not { } model)
        {
            return null;
        }

        var plan = PlanBuilder.Build(model, diagnostics);
        return diagnostics.HasErrors ? null : new PlannedService(model, plan);
    }

    /// <summary>
    /// Writes the files into <paramref name="outputDirectory"/> with <see cref="AtomicFile.WriteAll"/>: all are staged
    /// before any replaces its old version, so a failure while writing leaves the previous output, and a destination
    /// that is a symbolic link is refused. A failure is one <see cref="CloudFormationDiagnosticIds.Output"/> error.
    /// </summary>
    public static bool WriteFiles(string outputDirectory, IEnumerable<KeyValuePair<string, byte[]>> files, DiagnosticBag diagnostics) =>
        WriteFiles(outputDirectory, files.Select(f => KeyValuePair.Create(f.Key, (IReadOnlyList<ReadOnlyMemory<byte>>)[f.Value])), diagnostics);

    /// <summary><see cref="WriteFiles(string, IEnumerable{KeyValuePair{string, byte[]}}, DiagnosticBag)"/> for files given by their segments.</summary>
    public static bool WriteFiles(string outputDirectory, IEnumerable<KeyValuePair<string, IReadOnlyList<ReadOnlyMemory<byte>>>> files,
        DiagnosticBag diagnostics)
    {
        try
        {
            AtomicFile.WriteAll(outputDirectory, files);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Error(CloudFormationDiagnosticIds.Output, $"cannot write the output to '{outputDirectory}': {ex.Message}", null);
            return false;
        }
    }
}

/// <summary>A service bound once and the plan lowered from it: what the emitting commands hand their targets.</summary>
public sealed record PlannedService(Service Model, ServicePlan Plan);
