namespace Spec.Cli;

/// <summary>The process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>No errors (warnings and infos do not fail).</summary>
    public const int Ok = 0;

    /// <summary>At least one error diagnostic.</summary>
    public const int Errors = 1;

    /// <summary>An input could not be processed at all (missing, unreadable, not YAML, not a mapping), or bad usage.</summary>
    public const int Unprocessable = 2;

    /// <summary>A bug in Spec, reported as one SPEC-INTERNAL diagnostic.</summary>
    public const int Internal = 3;
}
