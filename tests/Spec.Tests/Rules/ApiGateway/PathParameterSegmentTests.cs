using System.Text.RegularExpressions;
using Spec.Rules.ApiGateway;

namespace Spec.Tests.Rules.ApiGateway;

/// <summary>
/// SLS-APIGW-010 reads a path segment as a parameter without a regular expression (a match object per segment cost
/// most of the rule at 10,000 functions): it must accept exactly what the pattern it replaced accepts, with the same
/// name and greediness, including what the catalogue fixtures do not show (a final line feed, which <c>$</c> allows).
/// </summary>
public class PathParameterSegmentTests
{
    private static readonly Regex Pattern = new(@"^\{(?<name>[A-Za-z0-9._-]+)(?<greedy>\+)?\}$", RegexOptions.None, TimeSpan.FromSeconds(1));

    public static TheoryData<string> Segments() => new()
    {
        "{id}", "{proxy+}", "{a}", "{a.b-c_d}", "{Z9}", "{}", "{+}", "{++}", "{a++}", "{a+b}", "{+a}", "{ id}", "{id }",
        "{id}\n", "{id}\n\n", "{id+}\n", "\n{id}", "{id}\r", "{id}x", "x{id}", "{{id}}", "{id}}", "{{id}", "{i}d}",
        "{é}", "{a/b}", "{a:b}", "{", "}", "{x", "x}", "users", string.Empty, "{id}\r\n", "{\n}", "{a\n}",
    };

    [Theory]
    [MemberData(nameof(Segments))]
    public void A_segment_is_a_parameter_exactly_when_the_pattern_matches_it(string segment)
    {
        var match = Pattern.Match(segment);
        var parsed = PathParameterInvalid.Parameter(segment);

        Assert.Equal(match.Success, parsed is not null);
        if (parsed is var (nameLength, greedy))
        {
            Assert.Equal(match.Groups["name"].Value, segment.Substring(1, nameLength));
            Assert.Equal(match.Groups["greedy"].Success, greedy);
        }
    }
}
