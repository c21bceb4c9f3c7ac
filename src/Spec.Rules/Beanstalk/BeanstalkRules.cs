using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Rules;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk;

/// <summary>The <c>SLS-EB-*</c> rules, sorted by id: the Elastic Beanstalk input linter.</summary>
public static class BeanstalkRules
{
    private static readonly Lazy<IReadOnlyList<EbRule>> Rules = new(() =>
    [
        .. new EbRule[]
        {
            new UnreadableFile(),
            new DuplicateKey(),
            new UnknownTopLevelKey(),
            new OptionSettingsShape(),
            new UnknownNamespace(),
            new UnknownOption(),
            new OptionValueInvalid(),
            new RecommendedValueInExtensions(),
            new OptionForOtherTier(),
            new CommandInvalid(),
            new EnvironmentPropertyInvalid(),
            new ProcfileInvalid(),
            new CronYamlInvalid(),
            new ManifestInvalid(),
            new PeriodicTasksWithFifoQueue(),
            new SqsdVisibilityBelowInactivity(),
        }.OrderBy(r => r.Metadata.Id, StringComparer.Ordinal),
    ]);

    public static IReadOnlyList<EbRule> All => Rules.Value;

    /// <summary>The rules' metadata, for the rule catalogue, <c>spec rules</c>, SARIF descriptors and the docs.</summary>
    public static IReadOnlyList<RuleMetadata> Descriptors => [.. All.Select(r => r.Metadata)];
}
