using Spec.Core.Diagnostics;

namespace Spec.Rules.Engine;

/// <summary>The <c>--fail-on</c> threshold: the least severe finding that fails the run.</summary>
public enum FailOn
{
    Error,
    Warning,
    Info,

    /// <summary>Never fail because of findings.</summary>
    None,
}

/// <summary>
/// <c>--fail-on error|warning|info|none</c>: whether the reported diagnostics fail the run. The CLI maps "fails" to its
/// exit code; <see cref="SeverityMask"/> gives cfn-lint's bit mask (2 = error, 4 = warning, 8 = info) for callers
/// that want to say which severities were found.
/// </summary>
public static class FailThreshold
{
    public const int ErrorBit = 2;
    public const int WarningBit = 4;
    public const int InfoBit = 8;

    /// <summary>True when any diagnostic is at or above the threshold.</summary>
    public static bool IsReached(IEnumerable<Diagnostic> diagnostics, FailOn failOn) =>
        diagnostics.Any(d => Fails(d.Severity, failOn));

    /// <summary>The cfn-lint style mask of the severities at or above the threshold that were reported; 0 = pass.</summary>
    public static int SeverityMask(IEnumerable<Diagnostic> diagnostics, FailOn failOn)
    {
        var mask = 0;
        foreach (var d in diagnostics)
        {
            if (Fails(d.Severity, failOn))
            {
                mask |= d.Severity switch
                {
                    Severity.Error => ErrorBit,
                    Severity.Warning => WarningBit,
                    _ => InfoBit,
                };
            }
        }

        return mask;
    }

    public static bool Fails(Severity severity, FailOn failOn) => failOn switch
    {
        FailOn.None => false,
        FailOn.Error => severity == Severity.Error,
        FailOn.Warning => severity is Severity.Error or Severity.Warning,
        _ => true,
    };

    /// <summary>Parses <c>error|warning|info|none</c> (case-insensitive).</summary>
    public static bool TryParse(string text, out FailOn failOn)
    {
        switch (text.ToLowerInvariant())
        {
            case "error":
                failOn = FailOn.Error;
                return true;
            case "warning":
                failOn = FailOn.Warning;
                return true;
            case "info":
                failOn = FailOn.Info;
                return true;
            case "none":
                failOn = FailOn.None;
                return true;
            default:
                failOn = FailOn.Error;
                return false;
        }
    }
}
