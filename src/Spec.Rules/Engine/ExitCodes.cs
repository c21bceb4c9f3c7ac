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
/// Exit codes as a bit mask, as cfn-lint does: 2 = errors, 4 = warnings, 8 = infos were reported, counting only
/// severities at or above the <see cref="FailOn"/> threshold; 0 = pass. (1 is left for usage and I/O failures.)
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ErrorBit = 2;
    public const int WarningBit = 4;
    public const int InfoBit = 8;

    public static int For(IEnumerable<Diagnostic> diagnostics, FailOn failOn)
    {
        var code = Success;
        foreach (var d in diagnostics)
        {
            if (Fails(d.Severity, failOn))
            {
                code |= d.Severity switch
                {
                    Severity.Error => ErrorBit,
                    Severity.Warning => WarningBit,
                    _ => InfoBit,
                };
            }
        }

        return code;
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
