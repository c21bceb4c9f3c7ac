using System.Globalization;
using System.Text;
using System.Xml;
using Spec.Core.Diagnostics;
using Spec.Rules.Engine;

namespace Spec.Rules.Output;

/// <summary>
/// JUnit XML for CI dashboards: a test suite per checked file and a test case per rule per file, which fails with the
/// rule's findings there, is skipped when all of them are suppressed, and passes otherwise.
/// </summary>
public sealed class JUnitFormatter : IReportFormatter
{
    public string Name => "junit";

    public string Format(ReportInput input)
    {
        var findingsByFile = input.Findings
            .GroupBy(f => f.Diagnostic.Span is { } s ? input.PathOf(s.File) : string.Empty)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var files = input.Files.ToList();
        if (findingsByFile.ContainsKey(string.Empty))
        {
            files.Insert(0, string.Empty);
        }

        // Span-less diagnostics get a suite of their own holding only the ids reported there.
        var suites = files.Select(file => Suite(file, findingsByFile.GetValueOrDefault(file) ?? [],
            file.Length == 0 ? [] : input.Rules)).ToList();

        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        var text = new StringBuilder();
        using (var stringWriter = new Utf8StringWriter(text))
        using (var xml = XmlWriter.Create(stringWriter, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", ToolInfo.Name);
            Counts(xml, suites.SelectMany(s => s.Cases).ToList());
            foreach (var suite in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", suite.File.Length == 0 ? "(no file)" : suite.File);
                Counts(xml, suite.Cases);
                foreach (var testCase in suite.Cases)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", suite.File.Length == 0 ? "(no file)" : suite.File);
                    xml.WriteAttributeString("name", testCase.Rule.Id + " " + testCase.Rule.Title);
                    var reported = testCase.Findings.Where(f => !f.IsSuppressed).ToList();
                    if (reported.Count > 0)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("type", ParseableFormatter.SeverityName(reported.Min(f => f.Diagnostic.Severity)));
                        xml.WriteAttributeString("message", reported[0].Diagnostic.Message
                            + (reported.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {reported.Count - 1} more)") : string.Empty));
                        xml.WriteString(string.Join('\n', reported.Select(f => Line(f.Diagnostic, input))));
                        xml.WriteEndElement();
                    }
                    else if (testCase.Findings.Count > 0)
                    {
                        xml.WriteStartElement("skipped");
                        xml.WriteAttributeString("message", "suppressed: " + testCase.Findings[0].Suppression!.Justification);
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return text.Append('\n').ToString();
    }

    private static (string File, List<TestCase> Cases) Suite(string file, List<Finding> findings, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var byId = findings.GroupBy(f => f.Diagnostic.Id).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var cases = rules.Select(r => new TestCase(r, byId.GetValueOrDefault(r.Id) ?? [])).ToList();
        foreach (var (id, list) in byId.Where(kv => rules.All(r => r.Id != kv.Key)))
        {
            cases.Add(new TestCase(new DiagnosticDescriptor
            {
                Id = id,
                Title = string.Empty,
                DefaultSeverity = list[0].Diagnostic.Severity,
                Category = string.Empty,
                Description = string.Empty,
                Rationale = string.Empty,
                HowToFix = string.Empty,
                FailingExample = string.Empty,
                PassingExample = string.Empty,
            }, list));
        }

        return (file, [.. cases.OrderBy(c => c.Rule.Id, StringComparer.Ordinal)]);
    }

    private static void Counts(XmlWriter xml, List<TestCase> cases)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", cases.Count(c => c.Findings.Any(f => !f.IsSuppressed)).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", cases.Count(c => c.Findings.Count > 0 && c.Findings.All(f => f.IsSuppressed)).ToString(CultureInfo.InvariantCulture));
    }

    private static string Line(Diagnostic d, ReportInput input) =>
        d.Span is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{input.PathOf(s.File)}:{s.Start.Line}:{s.Start.Column}: {ParseableFormatter.SeverityName(d.Severity)}: {d.Message}")
            : $"{ParseableFormatter.SeverityName(d.Severity)}: {d.Message}";

    private sealed record TestCase(DiagnosticDescriptor Rule, List<Finding> Findings);

    /// <summary>A StringWriter that declares UTF-8 so the XML declaration says so.</summary>
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
