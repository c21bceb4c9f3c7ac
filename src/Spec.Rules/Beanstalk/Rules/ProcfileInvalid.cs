using System.Text.RegularExpressions;
using Spec.Core.Diagnostics;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Engine;

namespace Spec.Rules.Beanstalk.Rules;

/// <summary>SLS-EB-012: A Procfile line Elastic Beanstalk cannot read, or a Procfile without a web process.</summary>
public sealed partial class ProcfileInvalid : EbRule
{
    public override RuleMetadata Metadata { get; } = new()
    {
        Id = "SLS-EB-012",
        Title = "Invalid Procfile",
        DefaultSeverity = Severity.Error,
        Category = "Beanstalk",
        Description = "Every Procfile line must match `^[A-Za-z0-9_-]+:\\s*[^\\s].*$` (a process name, a colon, a command); each name once. A Procfile without a `web` process is a warning.",
        Rationale = "Elastic Beanstalk fails the deployment on a line it cannot parse; the proxy forwards requests (and the worker daemon its messages) only to the `web` process.",
        HowToFix = "Write one `name: command` per line, with unique names, and start the application as `web`.",
        FailingExample = """
            web node .spec-eb/web.js
            """,
        PassingExample = """
            web: node .spec-eb/web.js
            """,
        Anchors = ["AWS Elastic Beanstalk Developer Guide: platforms-linux-extend.proc.html (Procfile)"],
    };

    public override void Check(EbRuleContext context)
    {
        if (context.Bundle.Procfile is not { } procfile)
        {
            return;
        }

        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var source = procfile.Source;
        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.Line(line);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var span = SourceSpan.At(procfile.Path, line, 1, source.Offset(line, 1));
            var match = ProcessLine().Match(text);
            if (!match.Success)
            {
                context.Report(span, $"'{text.Trim()}' is not a 'name: command' line");
                continue;
            }

            var name = match.Groups["name"].Value;
            if (seen.TryGetValue(name, out var first))
            {
                context.Report(span, $"process '{name}' is defined twice", related: [new RelatedLocation(first, "first defined here")]);
            }
            else
            {
                seen[name] = span;
            }
        }

        if (seen.Count > 0 && !seen.ContainsKey("web"))
        {
            context.Report(SourceSpan.At(procfile.Path, 1, 1), "the Procfile has no 'web' process: the proxy and the worker daemon send requests only to 'web'",
                Severity.Warning);
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_-]+):\s*[^\s].*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessLine();
}
