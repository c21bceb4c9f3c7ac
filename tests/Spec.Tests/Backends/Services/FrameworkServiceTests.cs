using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spec.Backends.CloudFormation;
using Spec.Core.Diagnostics;
using Spec.Tests.Print;

namespace Spec.Tests.Backends.Services;

/// <summary>
/// Services written after the corpora to combine what they use rarely (authorizers of every kind with aliases and
/// CORS, private endpoints with several usage plans, stream consumers and destinations, existing buckets, pools and
/// APIs, function URLs, unversioned functions with destinations, ...), each with what Serverless Framework 3.40.0
/// <c>serverless package</c> and <c>serverless print</c> made of it, in <c>Fixtures/&lt;case&gt;</c> (its README says
/// what it covers). Our template must equal the Framework's as the corpus conformance compares them, with the
/// resources in the Framework's order, and <c>spec print</c> must equal <c>serverless print</c>.
/// </summary>
public sealed partial class FrameworkServiceTests
{
    private static readonly string FixturesRoot = Path.Combine(AppContext.BaseDirectory, "Backends", "Services", "Fixtures");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(FixturesRoot).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Template_EqualsTheFrameworkOutput(string name)
    {
        var c = CorpusCase.At(Path.Combine(FixturesRoot, name));
        var diagnostics = new DiagnosticBag();
        var result = CloudFormationCompiler.Compile(c.Resolve(diagnostics), diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        var expected = c.ExpectedTemplate();
        var diffs = TemplateComparer.Differences(expected, result.Template);
        var expectedOrder = ResourceOrder(expected);
        var ourOrder = ResourceOrder(result.Template);
        if (!expectedOrder.SequenceEqual(ourOrder))
        {
            diffs.Add($"resource order:\nexpected {string.Join(", ", expectedOrder)}\nactual   {string.Join(", ", ourOrder)}");
        }

        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Print_EqualsServerlessPrint(string name) =>
        Assert.Null(PrintConformanceTests.Compare(Path.Combine(FixturesRoot, name)));

    /// <summary>The template's logical ids in order, with the hash or timestamp of versions and deployments masked.</summary>
    private static List<string> ResourceOrder(JsonObject template) =>
        [.. (template["Resources"] as JsonObject ?? []).Select(p => VolatileSuffix().Replace(p.Key, "$1#"))];

    [GeneratedRegex("^(.+LambdaVersion|ApiGatewayDeployment|WebsocketsDeployment)[A-Za-z0-9]+$")]
    private static partial Regex VolatileSuffix();
}
