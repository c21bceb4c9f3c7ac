namespace Spec.Core.Bind;

/// <summary>The Serverless Framework release whose behaviour Spec reproduces, as <c>frameworkVersion</c> checks it.</summary>
internal static class FrameworkVersion
{
    public const string Text = "3.40.0";

    public static SemverRange.Version Version { get; } = SemverRange.Version.Of(3, 40, 0);
}
