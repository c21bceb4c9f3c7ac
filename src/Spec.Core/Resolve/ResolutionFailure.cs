using Spec.Core.Diagnostics;

namespace Spec.Core.Resolve;

/// <summary>
/// Why a property could not be resolved. Thrown inside the resolver and caught at the property that owns the
/// variable; <see cref="Message"/> never holds a value that came from <c>env</c> or <c>file</c>.
/// </summary>
internal sealed class ResolutionFailure : Exception
{
    public ResolutionFailure(string message, string id = DiagnosticIds.Variable, string? help = null)
        : base(message)
    {
        Id = id;
        Help = help;
    }

    private ResolutionFailure()
        : base("already reported")
    {
        Id = DiagnosticIds.Variable;
        IsSilent = true;
    }

    /// <summary>A dependency failed and has reported its own diagnostic: the dependent fails without another one.</summary>
    public static ResolutionFailure Silent() => new();

    public string Id { get; }

    public string? Help { get; }

    public bool IsSilent { get; }

    /// <summary>For a cycle: the property path that was re-entered.</summary>
    public string? CyclePath { get; init; }
}
