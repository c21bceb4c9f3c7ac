namespace Spec.Tests.Schema;

/// <summary>The generated schema, applied by a standard validator (NJsonSchema) to specs loaded by YamlLoader.</summary>
public sealed class SchemaValidationTests
{
    private const string Valid = """
        service: demo
        frameworkVersion: '3'
        custom:
          timeout: 30
        provider:
          name: aws
          runtime: ${opt:runtime, 'nodejs20.x'}
          region: ${opt:region, 'us-east-1'}
          memorySize: ${self:custom.mem}
          timeout: ${self:custom.timeout}
          architecture: arm64
          logRetentionInDays: ${self:custom.retention}
          environment: ${file(./env.yml)}
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: [sqs:SendMessage]
                  Resource: !GetAtt Queue.Arn
        functions:
          hello:
            handler: handler.hello
            timeout: 900
            memorySize: 10240
            reservedConcurrency: !Ref Concurrency
            role: !GetAtt MyRole.Arn
            environment:
              TABLE: !Ref Table
              URL: !Sub "https://${ApiGatewayRestApi}.execute-api.${AWS::Region}.amazonaws.com"
              PORT: 8080
            events:
              - http: GET users/{id}
              - http:
                  path: /users
                  method: post
                  cors: true
              - httpApi: '*'
              - sqs:
                  arn: !GetAtt Queue.Arn
                  batchSize: ${self:custom.batch}
              - sqs: arn:aws:sqs:us-east-1:123456789012:q
              - schedule:
                  rate: rate(5 minutes)
                  enabled: ${self:custom.enabled}
              - stream:
                  arn: !GetAtt Table.StreamArn
                  type: dynamodb
                  startingPosition: LATEST
              - ${file(./more-events.yml)}
        resources:
          Resources:
            Queue:
              Type: AWS::SQS::Queue
              Properties:
                VisibilityTimeout: ${self:custom.vt}
        """;

    [Fact]
    public void ValidSpec_WithVariablesAndShortFormTags_HasNoErrors()
    {
        Assert.Empty(SchemaValidator.ValidateYaml(Valid));
    }

    [Theory]
    [InlineData("timeout: 1000", "functions.hello.timeout: NumberTooBig")]
    [InlineData("timeout: 0", "functions.hello.timeout: NumberTooSmall")]
    [InlineData("memorySize: abc", "functions.hello.memorySize: PatternMismatch")]
    [InlineData("memorySize: 20000", "functions.hello.memorySize: NumberTooBig")]
    [InlineData("ephemeralStorageSize: 256", "functions.hello.ephemeralStorageSize: NumberTooSmall")]
    [InlineData("maximumRetryAttempts: 3", "functions.hello.maximumRetryAttempts: NumberTooBig")]
    [InlineData("maximumEventAge: 30", "functions.hello.maximumEventAge: NumberTooSmall")]
    [InlineData("unknownKey: true", "functions.hello.unknownKey: NoAdditionalPropertiesAllowed")]
    [InlineData("runtime: nodejs99.x", "functions.hello.runtime: NotInEnumeration")]
    [InlineData("snapStart: maybe", "functions.hello.snapStart: PatternMismatch")]
    public void InvalidFunctionKey_IsReported(string line, string expected)
    {
        var errors = SchemaValidator.ValidateYaml($"""
            service: demo
            provider:
              name: aws
            functions:
              hello:
                handler: h.hello
                {line}
            """);
        Assert.Contains(expected, errors);
    }

    [Theory]
    [InlineData("- htttp: GET /x", "functions.hello.events[0].htttp: NoAdditionalPropertiesAllowed")]
    [InlineData("- sqs: {arn: 'arn:aws:sqs:us-east-1:1:q', batchSize: 20000}", "functions.hello.events[0].sqs.batchSize: NumberTooBig")]
    [InlineData("- sqs: {arn: 'arn:aws:sqs:us-east-1:1:q', bogus: 1}", "functions.hello.events[0].sqs.bogus: NoAdditionalPropertiesAllowed")]
    [InlineData("- sqs: {batchSize: 10}", "functions.hello.events[0].sqs.arn: PropertyRequired")]
    [InlineData("- stream: {arn: 'arn:aws:kinesis:us-east-1:1:stream/s', batchSize: 10001}", "functions.hello.events[0].stream.batchSize: NumberTooBig")]
    [InlineData("- stream: {arn: 'arn:aws:kinesis:us-east-1:1:stream/s', startingPosition: EARLIEST}", "functions.hello.events[0].stream.startingPosition: NotInEnumeration")]
    [InlineData("- schedule: every five minutes", "functions.hello.events[0].schedule: PatternMismatch")]
    [InlineData("- http: {path: /x, method: get, authorizer: {name: a, resultTtlInSeconds: 4000}}", "functions.hello.events[0].http.authorizer.resultTtlInSeconds: NumberTooBig")]
    [InlineData("- eventBridge: {pattern: {source: [a]}, retryPolicy: {maximumRetryAttempts: 186}}", "functions.hello.events[0].eventBridge.retryPolicy.maximumRetryAttempts: NumberTooBig")]
    [InlineData("- {sqs: 'arn:aws:sqs:us-east-1:1:q', sns: topic}", "functions.hello.events[0]: TooManyProperties")]
    public void InvalidEvent_IsReported(string item, string expected)
    {
        var errors = SchemaValidator.ValidateYaml($"""
            service: demo
            provider:
              name: aws
            functions:
              hello:
                handler: h.hello
                events:
                  {item}
            """);
        Assert.Contains(expected, errors);
    }

    [Theory]
    [InlineData("timeout: 1000", "provider.timeout: NumberTooBig")]
    [InlineData("memorySize: \"abc\"", "provider.memorySize: PatternMismatch")]
    [InlineData("unknownProviderKey: 1", "provider.unknownProviderKey: NoAdditionalPropertiesAllowed")]
    [InlineData("architecture: sparc", "provider.architecture: NotInEnumeration")]
    [InlineData("logRetentionInDays: 2", "provider.logRetentionInDays: NotInEnumeration")]
    public void InvalidProviderKey_IsReported(string line, string expected)
    {
        var errors = SchemaValidator.ValidateYaml($"""
            service: demo
            provider:
              name: aws
              {line}
            """);
        Assert.Contains(expected, errors);
    }

    /// <summary>The Framework's validator coerces types, so quoted numbers and booleans and numeric enum values pass.</summary>
    [Fact]
    public void CoercibleValues_AreAccepted()
    {
        Assert.Empty(SchemaValidator.ValidateYaml("""
            service: demo
            provider:
              name: aws
              memorySize: '512'
              lambdaHashingVersion: 20201221
              httpApi: {payload: 2.0}
              versionFunctions: 'false'
            functions:
              hello: {handler: h.hello, timeout: "30", snapStart: 'true'}
            """));
    }

    [Fact]
    public void UnknownTopLevelKey_IsReported()
    {
        Assert.Contains("bogusTopLevel: NoAdditionalPropertiesAllowed",
            SchemaValidator.ValidateYaml("service: demo\nprovider: {name: aws}\nbogusTopLevel: 1\n"));
    }

    [Fact]
    public void MissingService_IsReported()
    {
        Assert.Contains("service: PropertyRequired", SchemaValidator.ValidateYaml("provider: {name: aws}\n"));
    }

    [Fact]
    public void PluginAndCustomSections_StayOpen()
    {
        Assert.Empty(SchemaValidator.ValidateYaml("""
            service: demo
            provider: {name: aws}
            custom: {anything: {goes: [1, 2]}}
            stepFunctions: {stateMachines: {m: {definition: {StartAt: A}}}}
            resources:
              Resources:
                T: {Type: 'AWS::DynamoDB::Table', Properties: {Whatever: 1}}
              Outputs:
                Out: {Value: !Ref T}
            """));
    }
}
