using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spec.Rules.Engine;
using Spec.Rules.Output;
using Spec.Tests.Rules.Engine;

namespace Spec.Tests.Rules.Output;

/// <summary>
/// The JSON formats go out in blocks while they are written (a report of thousands of findings is never held whole):
/// the text must be the JSON a single writer makes, whatever falls on a block's edge.
/// </summary>
public class StreamedReportTests
{
    public static TheoryData<string> JsonFormats => ["json", "sarif"];

    [Theory]
    [MemberData(nameof(JsonFormats))]
    public void A_large_report_is_written_in_several_pieces_and_is_the_json_one_writer_makes(string format)
    {
        var input = ManyFindings(3_000);
        var output = new CountingWriter();

        ReportFormats.Get(format)!.Write(input, output);

        var text = output.ToString();
        Assert.True(output.Writes > 10, $"{output.Writes} writes for {text.Length:N0} characters: the report was held whole");
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal(Rewritten(text), text);
        Assert.Equal(text, ReportFormats.Get(format)!.Format(input));
        Assert.Contains("función f2999 → ☃", text, StringComparison.Ordinal);
    }

    /// <summary>Findings whose messages have two- and three-byte characters, so UTF-8 sequences meet block edges.</summary>
    private static ReportInput ManyFindings(int count)
    {
        var baseDirectory = Path.Combine(Path.GetTempPath(), "spec-stream-tests");
        var path = Path.Combine(baseDirectory, "svc", "serverless.yml");
        var yaml = new StringBuilder("service: demo\nfunctions:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append("  f").Append(i).Append(":\n    handler: h.f\n");
        }

        var input = EngineHarness.Input(yaml.ToString(), path);
        Rule[] rules = [new FunctionNamed()];
        var result = RuleEngine.Run(input, new RuleRunOptions { Rules = rules, BaseDirectory = baseDirectory });
        Assert.Equal(count, result.Findings.Count);
        return new ReportInput(result.Findings, RuleCatalog.Descriptors(rules), baseDirectory)
        {
            Sources = input.Documents.ToDictionary(d => d.Source.Path, d => d.Source),
            ToolVersion = "1.2.3",
        };
    }

    /// <summary>The document read back and written again by one indented writer in one piece.</summary>
    private static string Rewritten(string text)
    {
        using var document = JsonDocument.Parse(text);
        using var bytes = new MemoryStream();
        using (var writer = new Utf8JsonWriter(bytes, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(bytes.ToArray()) + "\n";
    }

    /// <summary>Names every function in a message with non-ASCII characters.</summary>
    private sealed class FunctionNamed : Rule
    {
        public override RuleMetadata Metadata { get; } = TestRules.Metadata("SLS-TEST-001");

        public override void Check(RuleContext context)
        {
            if (context.Input.Documents[0].Root is Spec.Core.Syntax.MappingNode { } root
                && root["functions"] is Spec.Core.Syntax.MappingNode functions)
            {
                foreach (var entry in functions.Entries)
                {
                    context.Report(entry.Key, $"función {entry.Key.Text} → ☃");
                }
            }
        }
    }

    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }

        public override void Write(char[] buffer, int index, int count)
        {
            Writes++;
            base.Write(buffer, index, count);
        }

        public override void Write(string? value)
        {
            Writes++;
            base.Write(value);
        }
    }
}
