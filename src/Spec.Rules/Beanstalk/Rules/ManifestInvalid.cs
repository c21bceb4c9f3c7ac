using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-014: An env.yaml environment manifest Elastic Beanstalk rejects.</summary>
public sealed partial class ManifestInvalid : EbRule
{
    private static readonly string[] Keys =
    [
        "AWSConfigurationTemplateVersion", "Platform", "SolutionStack", "OptionSettings", "Tags", "EnvironmentTier",
        "CName", "EnvironmentName", "EnvironmentLinks",
    ];

    /// <summary>environment-cfg-manifest.html: "Up to 47 tags".</summary>
    public const int MaxTags = 47;

    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-014",
        Title = "Invalid env.yaml",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "env.yaml needs `AWSConfigurationTemplateVersion: 1.1.0.0`; its keys are Platform, SolutionStack, OptionSettings, Tags (at most 47), EnvironmentTier ({Name: WebServer, Type: Standard} or {Name: Worker, Type: SQS/HTTP}), CName, EnvironmentName (4-40 letters, digits and hyphens, an optional trailing + for groups) and EnvironmentLinks.",
        Rationale = "Elastic Beanstalk rejects a manifest without the template version or with an unknown tier, and the tier cannot be changed once the environment exists.",
        HowToFix = "Add the template version, spell the keys as documented, and declare a worker as EnvironmentTier: {Name: Worker, Type: SQS/HTTP}.",
        FailingExample = """
            EnvironmentName: orders-dev-worker
            EnvironmentTier:
              Name: Worker
              Type: SQS
            """,
        PassingExample = """
            AWSConfigurationTemplateVersion: 1.1.0.0
            EnvironmentName: orders-dev-worker
            EnvironmentTier:
              Name: Worker
              Type: SQS/HTTP
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: environment-cfg-manifest.html"],
    };

    public override void Check(EbRuleContext context)
    {
        if (context.Bundle.Manifest is not { Root: MappingNode root } manifest)
        {
            return;
        }

        foreach (var key in root.Entries.Select(e => e.Key).Where(k => !Keys.Contains(k.Text, StringComparer.Ordinal)))
        {
            var hint = key.Text == "option_settings" ? "; env.yaml spells it OptionSettings" : Suggestions.DidYouMean(key.Text, Keys);
            context.Report(key, $"'{key.Text}' is not a key of env.yaml{hint}");
        }

        switch (root["AWSConfigurationTemplateVersion"])
        {
            case null:
                context.Report(SourceSpan.At(manifest.Path, 1, 1), "env.yaml has no AWSConfigurationTemplateVersion (it must be 1.1.0.0)");
                break;
            case ScalarNode { Text: "1.1.0.0" }:
                break;
            case var other:
                context.Report(other, $"AWSConfigurationTemplateVersion must be 1.1.0.0, not {other.Display}");
                break;
        }

        CheckTier(context, root["EnvironmentTier"]);

        if (root["EnvironmentName"] is ScalarNode name && !EnvironmentName().IsMatch(name.Text))
        {
            context.Report(name, $"environment name '{name.Text}' must be 4-40 letters, digits and hyphens, not starting or ending with a hyphen (a trailing + names a group)");
        }

        if (root["Tags"] is { } tags)
        {
            if (tags is not MappingNode tagMap)
            {
                context.Report(tags, "Tags must map tag keys to values");
            }
            else if (tagMap.Entries.Count > MaxTags)
            {
                context.Report(tagMap.Entries[MaxTags].Key, $"env.yaml has {tagMap.Entries.Count} tags; at most {MaxTags} are allowed");
            }
        }

        if (root["Platform"] is { } platform && (platform is not MappingNode p || p["PlatformArn"] is not ScalarNode))
        {
            context.Report(platform, "Platform must be a map with PlatformArn (or use SolutionStack)");
        }

        if (root["EnvironmentLinks"] is { } links && links is not MappingNode)
        {
            context.Report(links, "EnvironmentLinks must map link names to environment names");
        }
    }

    private static void CheckTier(EbRuleContext context, Node? tier)
    {
        if (tier is null)
        {
            return;
        }

        if (tier is not MappingNode m)
        {
            context.Report(tier, "EnvironmentTier must be a map with Name and Type");
            return;
        }

        var name = m["Name"] as ScalarNode;
        var type = m["Type"] as ScalarNode;
        var expected = name?.Text switch
        {
            "Worker" => "SQS/HTTP",
            "WebServer" => "Standard",
            _ => null,
        };
        if (expected is null)
        {
            context.Report((Node?)name ?? m, $"EnvironmentTier Name must be WebServer or Worker, not {name?.Display ?? "missing"}");
        }
        else if (type is null || type.Text != expected)
        {
            context.Report((Node?)type ?? m, $"a {name!.Text} tier has Type {expected}, not {type?.Display ?? "missing"}");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{2,38}[A-Za-z0-9]\+?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentName();
}
