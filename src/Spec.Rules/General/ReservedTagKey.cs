using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.General;

/// <summary>SLS-GEN-013: Tag key with the prefix AWS reserves.</summary>
public sealed class ReservedTagKey : Rule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-GEN-013",
        Title = "Tag key uses the reserved aws: prefix",
        DefaultSeverity = Severity.Error,
        Category = "General",
        Description = "A key of `provider.tags`, `provider.stackTags` or a function's `tags` starts with `aws:` (in any case).",
        Rationale = "AWS reserves the `aws:` prefix for its own tags: `TagResource` and `CreateFunction` reject a user tag with it, and CloudFormation rejects it in stack tags, so the deployment fails.",
        HowToFix = "Drop the `aws:` prefix or use your organization's own (`acme:team`).",
        FailingExample = """
            provider:
              tags:
                aws:team: platform
            """,
        PassingExample = """
            provider:
              tags:
                acme:team: platform
            """,
        Anchors =
        [
            "https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html",
            "https://docs.aws.amazon.com/lambda/latest/api/API_TagResource.html",
        ],
    };

    public override void Check(RuleContext context)
    {
        var provider = context.Service.Provider;
        var reported = new HashSet<SourceSpan>();
        Check(context, provider.Tags, "provider.tags", null, reported);
        Check(context, provider.StackTags, "provider.stackTags", null, reported);
        foreach (var function in context.Service.Functions)
        {
            Check(context, function.Tags, null, function, reported);
        }
    }

    /// <summary>Reports the reserved keys of <paramref name="tags"/>, each once (a function's tags include the provider's
    /// it inherits): those of <paramref name="where"/>, or of the function, named only in a finding (a service has
    /// thousands of functions and few findings).</summary>
    private static void Check(RuleContext context, IReadOnlyList<Tag> tags, string? where, Function? function, HashSet<SourceSpan> reported)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) && reported.Add(tag.KeyNode.Span))
            {
                context.Report(tag.KeyNode,
                    $"tag key '{tag.Key}' in {where ?? $"the tags of function '{function!.Key}'"} starts with 'aws:', a prefix AWS reserves for its own tags");
            }
        }
    }
}
