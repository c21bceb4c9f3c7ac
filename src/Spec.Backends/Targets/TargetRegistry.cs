using Spec.Backends.Beanstalk;
using Spec.Backends.CloudFormation;
using Spec.Backends.Pulumi;

namespace Spec.Backends.Targets;

/// <summary>
/// Every target <c>spec compile</c> can write, in the order the CLI lists them (the first is the default), and through
/// them every engine <c>spec deploy</c> can use. <c>--target</c>, <c>--engine</c>, their help, their validation and
/// the README's target table all come from this list.
/// </summary>
public static class TargetRegistry
{
    public static IReadOnlyList<Target> All { get; } = Validate(
    [
        new CloudFormationTarget(),
        new PulumiProjectTarget(PulumiTarget.TypeScript),
        new PulumiProjectTarget(PulumiTarget.Yaml),
        new PulumiProjectTarget(PulumiTarget.CSharp),
        new BeanstalkTarget(),
    ]);

    /// <summary>The target <c>spec compile</c> writes without <c>--target</c>.</summary>
    public static Target Default => All[0];

    /// <summary>The engines of the targets that have one, in target order (the first is the default).</summary>
    public static IReadOnlyList<DeployEngine> Engines { get; } = [.. All.Select(t => t.Engine).OfType<DeployEngine>()];

    public static Target? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    public static DeployEngine? FindEngine(string name) => Engines.FirstOrDefault(e => e.Name == name);

    /// <summary>Unique names; an option two targets share must be declared the same way by both.</summary>
    internal static IReadOnlyList<Target> Validate(IReadOnlyList<Target> targets)
    {
        Unique(targets.Select(t => t.Name), "target");
        Unique(targets.Select(t => t.Engine).OfType<DeployEngine>().Select(e => e.Name), "engine");
        Consistent(targets.SelectMany(t => t.Options));
        Consistent(targets.Select(t => t.Engine).OfType<DeployEngine>().SelectMany(e => e.Options));
        return targets;
    }

    private static void Unique(IEnumerable<string> names, string what)
    {
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"the {what} '{twice.Key}' is registered twice");
        }
    }

    private static void Consistent(IEnumerable<TargetOption> options)
    {
        if (options.GroupBy(o => o.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Distinct().Count() > 1) is { } differing)
        {
            throw new InvalidOperationException($"the option {differing.Key} is declared differently by two targets or engines");
        }
    }
}
