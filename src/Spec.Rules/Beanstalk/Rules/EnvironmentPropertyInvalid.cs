using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-011: Environment properties beyond Elastic Beanstalk's limits.</summary>
public sealed partial class EnvironmentPropertyInvalid : EbRule
{
    /// <summary>environments-cfg-softwaresettings.html, "Environment property limits".</summary>
    public const int MaxKeyLength = 128;

    public const int MaxValueLength = 256;

    public const int MaxTotalBytes = 4096;

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-011",
        Title = "Environment property beyond Elastic Beanstalk's limits",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "Environment properties (aws:elasticbeanstalk:application:environment) allow keys of at most 128 characters from letters, digits and _ . : / + \\ - @, values of at most 256 characters, and 4,096 bytes in total as key=value. Keys outside [A-Za-z_][A-Za-z0-9_]* are warnings. (The guide also lists the characters a value may hold, but that list leaves out characters common in URLs such as ? and &, so values are not checked for characters.)",
        Rationale = "Elastic Beanstalk rejects the environment update when a property breaks a limit; Lambda allows 4 KB of variables per function, so a service's combined variables often exceed the environment's 4 KB.",
        HowToFix = "Shorten the key or value, move large values to SSM Parameter Store or Secrets Manager (aws:elasticbeanstalk:application:environmentsecrets), or split the service into more environments.",
        FailingExample = """
            option_settings:
              aws:elasticbeanstalk:application:environment:
                DATABASE URL: postgres://db
            """,
        PassingExample = """
            option_settings:
              aws:elasticbeanstalk:application:environment:
                DATABASE_URL: postgres://db
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: environments-cfg-softwaresettings.html (Environment property limits)", "SLS-LAMBDA environment size"],
    };

    public override void Check(EbRuleContext context)
    {
        var properties = context.Facts.In(EbSetting.EnvironmentNamespace).ToList();
        foreach (var p in properties)
        {
            if (p.Option.Length > MaxKeyLength)
            {
                context.Report(p.OptionNode, string.Create(CultureInfo.InvariantCulture,
                    $"the property name is {p.Option.Length} characters long; Elastic Beanstalk allows {MaxKeyLength}"));
            }
            else if (!KeyCharacters().IsMatch(p.Option))
            {
                context.Report(p.OptionNode, $"'{p.Option}' has characters an environment property name cannot have (letters, digits and _ . : / + \\ - @)");
            }
            else if (!PortableKey().IsMatch(p.Option))
            {
                context.Report(p.OptionNode, $"'{p.Option}' is a valid property name but not a portable environment variable name ([A-Za-z_][A-Za-z0-9_]*)",
                    Severity.Warning);
            }

            if (!p.IsDynamic && p.ValueText is { } value)
            {
                if (value.Length > MaxValueLength)
                {
                    context.Report(p.Value!, string.Create(CultureInfo.InvariantCulture,
                        $"the value of {p.Option} is {value.Length} characters long; Elastic Beanstalk allows {MaxValueLength}"));
                }
            }
        }

        // The effective properties: a later file (or env.yaml) overrides an earlier one with the same name.
        var effective = properties.GroupBy(p => p.Option, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var total = effective.Sum(p => Encoding.UTF8.GetByteCount($"{p.Option}={(p.IsDynamic ? string.Empty : p.ValueText)}"));
        if (total > MaxTotalBytes)
        {
            var last = effective[^1];
            context.Report(last.OptionNode, string.Create(CultureInfo.InvariantCulture,
                $"the {effective.Count} environment properties take {total} bytes as key=value; Elastic Beanstalk allows {MaxTotalBytes} in total"));
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_.:/+\\\-@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyCharacters();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PortableKey();
}
