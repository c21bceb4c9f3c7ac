using Spec.Core.Diagnostics;
using Spec.Core.Pipeline;
using Spec.Core.Syntax;
using Spec.Rules.Engine;

namespace Spec.Rules.Output;

/// <summary>
/// Everything an output format needs: the findings of one or more specs (in <see cref="DiagnosticOrder"/>), the
/// descriptors of the checks that ran (<see cref="RuleCatalog.Descriptors"/>: the rules and the stage and engine ids),
/// and where paths are relative to.
/// </summary>
public sealed record ReportInput(IReadOnlyList<Finding> Findings, IReadOnlyList<DiagnosticDescriptor> Rules, string BaseDirectory)
{
    /// <summary>
    /// Every id Spec can report, the backends' included, for SARIF's <c>tool.driver.rules</c>; defaults to
    /// <see cref="Rules"/>. JUnit keeps one test case per check in <see cref="Rules"/>.
    /// </summary>
    public IReadOnlyList<DiagnosticDescriptor> Descriptors
    {
        get => _descriptors ?? Rules;
        init => _descriptors = value;
    }

    private readonly IReadOnlyList<DiagnosticDescriptor>? _descriptors;

    /// <summary>The spec files that were checked, including clean ones (JUnit lists a test case per rule per file).</summary>
    public IReadOnlyList<string> CheckedFiles { get; init; } = [];

    /// <summary>The <c>.spec.yml</c> that applied to each checked spec (null: none), for the JSON report.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> ConfigFiles { get; init; } = [];

    /// <summary>Source texts by path, for SARIF region snippets; may be empty.</summary>
    public IReadOnlyDictionary<string, SourceText> Sources { get; init; } = new Dictionary<string, SourceText>();

    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>A path as shown in output: relative to <see cref="BaseDirectory"/>, forward slashes.</summary>
    public string PathOf(string file) => Fingerprints.RelativePath(file, BaseDirectory);

    /// <summary>Every file that was checked or has a finding, sorted.</summary>
    public IReadOnlyList<string> Files =>
        [.. CheckedFiles.Concat(Findings.Where(f => f.Diagnostic.Span is not null).Select(f => f.Diagnostic.Span!.File))
            .Select(PathOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

public static class ToolInfo
{
    public const string Name = "spec";

    /// <summary>Where the tool is documented: the base of the rule reference (see <see cref="RuleDocs"/>).</summary>
    public static Uri InformationUri => new(RuleDocs.ReferencePage, "../");

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}

/// <summary>One output format: findings in, text out (the caller decides where it goes).</summary>
public interface IReportFormatter
{
    /// <summary>The <c>--format</c> name.</summary>
    string Name { get; }

    string Format(ReportInput input);

    /// <summary>The report written to <paramref name="output"/>, ending with a line break (an empty report is one).</summary>
    void Write(ReportInput input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = Format(input);
        output.Write(text);
        if (text.Length == 0 || text[^1] != '\n')
        {
            output.Write('\n');
        }
    }
}

public static class ReportFormats
{
    public static IReadOnlyList<IReportFormatter> All { get; } =
    [
        new JsonFormatter(),
        new SarifFormatter(),
        new GitHubFormatter(),
        new JUnitFormatter(),
        new ParseableFormatter(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    public static IReportFormatter? Get(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The report of a formatter that writes it piece by piece (<see cref="IReportFormatter.Write"/>) as one string.</summary>
internal static class ReportText
{
    public static string Of(IReportFormatter formatter, ReportInput input)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Write(input, text);
        return text.ToString();
    }
}
