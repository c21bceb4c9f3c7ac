using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// The output of the Resolve stage: the spec with every static variable substituted (deploy-time ones become
/// <see cref="DeployTimeNode"/>s), plus the effective stage and region the resolution used.
/// </summary>
public sealed record ResolvedSpec(LoadResult Loaded, Node? Root, string Stage, string Region)
{
    /// <summary>The folder of the config file: <c>${file()}</c> paths and artifacts are relative to it.</summary>
    public string ServiceDirectory => Path.GetDirectoryName(Path.GetFullPath(Loaded.Source.Path)) ?? ".";
}
