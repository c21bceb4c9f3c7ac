using Spec.Core.Diagnostics;
using Spec.Core.Resolve;

namespace Spec.Backends.Targets;

/// <summary>
/// How <c>spec deploy --engine NAME</c> deploys a target's output: its name, how the help describes it, its options,
/// and <see cref="Deploy"/>. An engine belongs to the <see cref="Target"/> whose output it deploys.
/// </summary>
public abstract class DeployEngine
{
    /// <summary>The <c>--engine</c> value.</summary>
    public abstract string Name { get; }

    /// <summary>For the <c>--engine</c> help: "the AWS CLI and CloudFormation".</summary>
    public abstract string Summary { get; }

    /// <summary>For the command's help, after "deploy the service with": "the AWS CLI (CloudFormation)".</summary>
    public abstract string DeploysWith { get; }

    /// <summary>The options only this engine takes (others' options are usage errors with it).</summary>
    public virtual IReadOnlyList<TargetOption> Options => [];

    /// <summary>
    /// Packages and deploys the resolved spec. Returns 0 when deployed, 1 on an error it reported to
    /// <paramref name="diagnostics"/>, or the exit code of the tool it ran when that tool failed.
    /// </summary>
    public abstract int Deploy(DeployContext context, DiagnosticBag diagnostics);

    public override string ToString() => Name;
}

/// <summary>What an engine deploys from: the resolved spec, its option values and the command's environment.</summary>
public sealed record DeployContext(ResolvedSpec Spec, TargetSettings Settings)
{
    /// <summary>Makes a path given on the command line absolute (relative to the working directory).</summary>
    public Func<string, string> Locate { get; init; } = Path.GetFullPath;

    /// <summary>Where progress lines go (stdout).</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>The PATH tools are looked up in; null = the process's.</summary>
    public string? SearchPath { get; init; }
}
