using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Events;

/// <summary>
/// <c>schedule</c> events with <c>method: scheduler</c> as <c>schedule.js:compileScheduledEvents</c> compiles them: the
/// schedule assumes the function's role, and the generated role may invoke every scheduled function by name.
/// </summary>
public sealed class SchedulerModeTests
{
    private static JsonObject Resources(string yaml)
    {
        var (result, bag) = SpecCompilation.Compile(yaml);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return result.Template["Resources"]!.AsObject();
    }

    private static JsonArray Statements(JsonObject resources) =>
        resources["IamRoleLambdaExecution"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();

    [Fact]
    public void One_statement_lets_the_role_invoke_every_scheduled_function_and_its_versions()
    {
        var resources = Resources("""
            service: svc
            provider: {name: aws}
            functions:
              a:
                handler: h.a
                events:
                  - schedule: {rate: rate(1 hour), method: scheduler}
                  - schedule: {rate: rate(2 hours), method: scheduler}
              b: {handler: h.b, events: [{schedule: rate(1 hour)}]}
              c: {handler: h.c, name: custom-c, events: [{schedule: {rate: rate(1 hour), method: scheduler}}]}
            """);
        var invoke = Statements(resources).Where(s => s!["Action"]![0]!.GetValue<string>() == "lambda:InvokeFunction").ToList();
        var statement = Assert.Single(invoke);
        const string prefix = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:";
        Assert.Equal(
            $$"""[{"Fn::Sub":"{{prefix}}svc-dev-a"},{"Fn::Sub":"{{prefix}}svc-dev-a:*"},{"Fn::Sub":"{{prefix}}custom-c"},{"Fn::Sub":"{{prefix}}custom-c:*"}]""",
            statement!["Resource"]!.ToJsonString());
        var trusted = resources["IamRoleLambdaExecution"]!["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]!;
        Assert.Contains("scheduler.amazonaws.com", trusted.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_schedule_assumes_the_function_role_and_waits_for_its_alias()
    {
        var resources = Resources("""
            service: svc
            provider: {name: aws}
            functions:
              f:
                handler: h.f
                role: customRole
                provisionedConcurrency: 1
                events: [{schedule: {rate: rate(1 hour), method: scheduler}}]
              g: {handler: h.g}
            resources:
              Resources:
                customRole: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {}}}
            """);
        var schedule = resources["FSchedulerSchedule1"]!;
        Assert.Equal("""{"Fn::GetAtt":["customRole","Arn"]}""", schedule["Properties"]!["Target"]!["RoleArn"]!.ToJsonString());
        Assert.Equal("FProvConcLambdaAlias", schedule["DependsOn"]!.GetValue<string>());
        Assert.Contains("svc-dev-f:*", Statements(resources).ToJsonString(), StringComparison.Ordinal);
    }
}
