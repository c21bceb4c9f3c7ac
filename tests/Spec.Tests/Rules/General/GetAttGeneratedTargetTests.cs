using Spec.Tests.Rules.Catalogue;

namespace Spec.Tests.Rules.General;

/// <summary>
/// SLS-GEN-012 looks up only the logical ids a GetAtt names among the generated resources (issue 17: not a table of
/// every generated one): a generated target is still typed by the plan, a written resource with its id still overrides
/// that type, and a spec without any GetAtt reports nothing.
/// </summary>
public class GetAttGeneratedTargetTests
{
    private const string Spec = """
        service: demo
        provider:
          name: aws
          runtime: nodejs22.x
        functions:
          hello:
            handler: handler.run
            environment:
              FUNCTION_ARN: !GetAtt HelloLambdaFunction.Arnn
              FUNCTION_OK: !GetAtt HelloLambdaFunction.Arn
              ROLE: !Sub "${IamRoleLambdaExecution.Nope}"
              GROUP: !GetAtt HelloLogGroup.QueueName
              MISSING: !GetAtt NothingHere.Arnn
        resources:
          Resources:
            HelloLogGroup:
              Type: AWS::SQS::Queue
              Properties: {}
        """;

    [Fact]
    public void Generated_targets_are_typed_by_the_plan_and_a_written_one_overrides_it()
    {
        var findings = CataloguePipeline.Check("serverless.yml", Spec)
            .Where(f => f.Diagnostic.Id == "SLS-GEN-012").Select(f => f.Diagnostic.Message).ToList();

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, m => m.StartsWith("'HelloLambdaFunction' is an AWS::Lambda::Function", StringComparison.Ordinal)
                                       && m.Contains("'Arnn'", StringComparison.Ordinal));
        Assert.Contains(findings, m => m.StartsWith("'IamRoleLambdaExecution' is an AWS::IAM::Role", StringComparison.Ordinal)
                                       && m.Contains("'Nope'", StringComparison.Ordinal));
        // A queue has a QueueName, a log group does not: the written type wins over the generated log group's.
        Assert.DoesNotContain(findings, m => m.Contains("HelloLogGroup", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spec_without_a_getatt_has_no_finding()
    {
        var findings = CataloguePipeline.Check("serverless.yml", Spec[..Spec.IndexOf("    environment:", StringComparison.Ordinal)]);
        Assert.DoesNotContain(findings, f => f.Diagnostic.Id == "SLS-GEN-012");
    }
}
