using Spec.Core.Diagnostics;
using Spec.Rules.General;
using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.Constraints;

/// <summary>SLS-GEN-010: spec values against the Framework config schema's value constraints.</summary>
public sealed class FrameworkSchemaConstraintTests
{
    private const string Spec = """
        service: demo
        {0}
        provider:
          name: aws
        functions:
          hello:
            handler: h.run
            events:
              - http: GET users
              - http: ${{self:custom.route}}
        custom:
          route: POST orders
        """;

    private static List<Diagnostic> Findings(string mode) =>
        [.. CataloguePipeline.Check("/tmp/serverless.yml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Spec, mode))
            .Select(f => f.Diagnostic).Where(d => d.Id == "SLS-GEN-010")];

    [Fact]
    public void The_default_validation_mode_warns_as_the_Framework_does()
    {
        var findings = Findings(string.Empty);
        Assert.Equal(["9:15 warning regexp", "12:10 warning regexp"],
            findings.Select(d => $"{d.Span!.Line}:{d.Span.Column} {d.Severity.ToString().ToLowerInvariant()} {Keyword(d)}"));
    }

    [Fact]
    public void Error_mode_makes_them_errors_and_off_silences_them()
    {
        Assert.All(Findings("configValidationMode: error"), d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Equal(2, Findings("configValidationMode: error").Count);
        Assert.Empty(Findings("configValidationMode: off"));
    }

    [Fact]
    public void A_value_from_a_variable_points_at_its_definition_with_the_use_related()
    {
        // (A value CloudFormation constrains too, such as a schedule's rule name, is SLS-GEN-009's finding at the same node.)
        var route = Findings(string.Empty).Single(d => d.Message.Contains("events[1].http", StringComparison.Ordinal));
        Assert.Equal(12, route.Span!.Line);
        Assert.Contains(route.Related, r => r.Span.Line == 10);
    }

    [Fact]
    public void Forms_that_fit_the_value_are_named_together()
    {
        var root = (Spec.Core.Syntax.MappingNode)new Spec.Core.Syntax.YamlLoader().LoadText("/tmp/s.yml", """
            functions:
              f:
                handler: h.run
                events:
                  - stream:
                      arn: arn:aws:kinesis:us-east-1:1:stream/s
                      maximumRecordAgeInSeconds: 30
            """, new DiagnosticBag()).Root!;
        var violation = Assert.Single(FrameworkSchemaConstraints.Check(root));
        Assert.Equal("is '30'; the only allowed value is -1; nor is '30'; the minimum is 60", violation.Problem);
    }

    [Fact]
    public void Deploy_time_values_and_allowed_intrinsics_are_not_judged()
    {
        var root = (Spec.Core.Syntax.MappingNode)new Spec.Core.Syntax.YamlLoader().LoadText("/tmp/s.yml", """
            provider:
              name: aws
              logRetentionInDays: ${ssm:/retention}
              vpc:
                securityGroupIds: !Split [',', !ImportValue groups]
                subnetIds: [subnet-1]
            functions:
              f:
                handler: h.run
                role: !GetAtt Role.Arn
            """, new DiagnosticBag()).Root!;
        Assert.Empty(FrameworkSchemaConstraints.Check(root));
    }

    [Fact]
    public void The_schema_declares_hundreds_of_value_constraints()
    {
        // enum 79, pattern 61, minimum 69, maximum 38, maxLength 43, minLength 28, regexp 29, const 25, minItems 27, … (docs/constraints.md).
        Assert.InRange(FrameworkSchemaConstraints.CountConstraints(), 300, 600);
    }

    private static string Keyword(Diagnostic d) => d.Message[(d.Message.LastIndexOf('`', d.Message.Length - 3) + 1)..^2];
}
