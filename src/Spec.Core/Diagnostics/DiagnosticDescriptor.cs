namespace Spec.Core.Diagnostics;

/// <summary>
/// Everything Spec knows about one diagnostic id it can report — a rule's, a stage's or a backend's — as data:
/// <c>spec rules</c>, <c>spec explain</c>, the SARIF rule descriptors and <c>docs/rules.md</c> are generated from it.
/// Rules describe themselves with the derived <c>RuleMetadata</c>.
/// </summary>
public record DiagnosticDescriptor
{
    /// <summary>A descriptor from its parts, for the lists of ids that are not rules (stages, engine, backends).</summary>
    public static DiagnosticDescriptor Create(string id, string title, Severity severity, string category, string description,
        string rationale, string howToFix, string failing, string passing, IReadOnlyList<string>? anchors = null,
        bool suppressible = true) => new()
        {
            Id = id,
            Title = title,
            DefaultSeverity = severity,
            Category = category,
            Description = description,
            Rationale = rationale,
            HowToFix = howToFix,
            FailingExample = failing,
            PassingExample = passing,
            Anchors = anchors ?? [],
            Suppressible = suppressible,
        };

    /// <summary>
    /// Stable id, never reused: <c>SLS-&lt;AREA&gt;-&lt;NNN&gt;</c> for findings about the spec (e.g. <c>SLS-SQS-001</c>),
    /// <c>SPEC-&lt;AREA&gt;-&lt;NNN&gt;</c> for what Spec itself says (suppressions, backends, deployment).
    /// </summary>
    public required string Id { get; init; }

    /// <summary>One short line, sentence case, no final period: "Queue visibility timeout shorter than the function timeout".</summary>
    public required string Title { get; init; }

    public required Severity DefaultSeverity { get; init; }

    /// <summary>The area, as in the id and the rule folder: <c>Lambda</c>, <c>Sqs</c>, <c>ApiGateway</c>, …</summary>
    public required string Category { get; init; }

    /// <summary>What the rule checks, in one or two sentences.</summary>
    public required string Description { get; init; }

    /// <summary>Why it matters: what fails at deploy or run time, or what risk it leaves open.</summary>
    public required string Rationale { get; init; }

    /// <summary>What to change, in a sentence or two (also the <c>help:</c> line of each finding).</summary>
    public required string HowToFix { get; init; }

    /// <summary>A minimal <c>serverless.yml</c> fragment the rule reports on.</summary>
    public required string FailingExample { get; init; }

    /// <summary>The same fragment, fixed: the rule reports nothing on it.</summary>
    public required string PassingExample { get; init; }

    /// <summary>
    /// False for ids reported outside <c>spec check</c> (the backends' and deployers'), which a <c># spec-ignore</c>
    /// comment cannot hide; <c>spec explain</c> then shows no suppression hint.
    /// </summary>
    public bool Suppressible { get; init; } = true;

    /// <summary>
    /// True when the fixes this rule offers may break the code they apply to (moving a runtime across major versions:
    /// go1.x to provided.al2023 needs a <c>bootstrap</c>, python2.7 to python3 changes the language): <c>spec check
    /// --fix</c> applies only safe fixes, <c>--fix-unsafe</c> these too.
    /// </summary>
    public bool FixIsUnsafe { get; init; }

    /// <summary>Fragment of the rule reference page; defaults to the lower-case id.</summary>
    public string? HelpAnchor { get; init; }

    /// <summary>Free-form tags; <see cref="RuleTags.Security"/> marks security rules (SARIF <c>security-severity</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The closest rules in other tools, e.g. <c>cfn-lint E3505</c>, <c>checkov CKV_AWS_27</c>.</summary>
    public IReadOnlyList<string> Anchors { get; init; } = [];

    public Uri HelpUri => new(RuleDocs.ReferencePage, "#" + (HelpAnchor ?? Id.ToLowerInvariant()));

    public bool IsSecurity => Tags.Contains(RuleTags.Security, StringComparer.Ordinal);

    /// <summary>
    /// GitHub code scanning's <c>security-severity</c> (0.0-10.0) for security rules, null otherwise. Uses checkov's
    /// scale: error = high (8.9), warning = medium (6.9), info = low (3.9).
    /// </summary>
    public string? SecuritySeverity => !IsSecurity
        ? null
        : DefaultSeverity switch
        {
            Severity.Error => "8.9",
            Severity.Warning => "6.9",
            _ => "3.9",
        };
}

public static class RuleTags
{
    public const string Security = "security";
    public const string CrossResource = "cross-resource";
    public const string Lifecycle = "lifecycle";
    public const string BestPractice = "best-practice";
}

public static class RuleDocs
{
    /// <summary>The environment variable that moves the rule reference (e.g. to an internal mirror of the docs).</summary>
    public const string BaseUrlVariable = "SPEC_DOCS_BASE_URL";

    /// <summary>
    /// The default base the help links point at. <c>.invalid</c> is reserved (RFC 2606), so the default is neutral
    /// rather than an invented project URL; set <see cref="BaseUrlVariable"/> to where <c>docs/rules.md</c> is served.
    /// </summary>
    public const string DefaultBaseUrl = "https://spec.invalid/";

    /// <summary>
    /// The rule reference page (<c>docs/rules.md</c>, generated by <c>spec rules --format markdown</c>) under the base;
    /// each rule is a heading anchored by its lower-case id.
    /// </summary>
    public static Uri ReferencePage { get; } = ReferencePageUnder(Environment.GetEnvironmentVariable(BaseUrlVariable));

    public static Uri ReferencePageUnder(string? baseUrl)
    {
        var text = string.IsNullOrWhiteSpace(baseUrl) ? DefaultBaseUrl : baseUrl.Trim();
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var root))
        {
            root = new Uri(DefaultBaseUrl);
        }

        return new Uri(root, "docs/rules.md");
    }
}
