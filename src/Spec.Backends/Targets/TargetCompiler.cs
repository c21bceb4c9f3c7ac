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
    /// Plans <paramref name="spec"/>, emits <paramref name="target"/>'s files and writes them into
    /// <paramref name="outputDirectory"/> (<see cref="WriteFiles"/>). Null when the plan has errors (nothing is written)
    /// or the files cannot be written; the reasons are in <paramref name="diagnostics"/>.
    /// </summary>
    public static IReadOnlyList<OutputFile>? Compile(Target target, ResolvedSpec spec, string outputDirectory, TargetSettings settings,
        DiagnosticBag diagnostics)
    {
        if (Plan(spec, diagnostics) is not { } plan)
        {
            return null;
        }

        var context = new TargetContext(plan, spec.ServiceDirectory, spec.Loaded.Source.Path, outputDirectory, settings) { Service = Bind(spec) };
        var files = target.Emit(context, diagnostics);
        return WriteFiles(outputDirectory, files.Select(f => KeyValuePair.Create(f.Path, f.Content)), diagnostics) ? files : null;
    }

    /// <summary>
    /// The bound model for the targets that read it. The binder's findings are left to <c>spec check</c>: the backends
    /// compile what the Framework compiles, with schema problems as warnings.
    /// </summary>
    public static Service? Bind(ResolvedSpec spec) => Binder.Bind(spec, new DiagnosticBag());

    /// <summary>The plan of the service, or null when planning reported an error.</summary>
    public static ServicePlan? Plan(ResolvedSpec spec, DiagnosticBag diagnostics)
    {
        var plan = PlanBuilder.Build(spec, diagnostics);
        return diagnostics.HasErrors ? null : plan;
    }

    /// <summary>
    /// Writes the files into <paramref name="outputDirectory"/> with <see cref="AtomicFile.WriteAll"/>: all are staged
    /// before any replaces its old version, so a failure while writing leaves the previous output, and a destination
    /// that is a symbolic link is refused. A failure is one <see cref="CloudFormationDiagnosticIds.Output"/> error.
    /// </summary>
    public static bool WriteFiles(string outputDirectory, IEnumerable<KeyValuePair<string, byte[]>> files, DiagnosticBag diagnostics)
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
