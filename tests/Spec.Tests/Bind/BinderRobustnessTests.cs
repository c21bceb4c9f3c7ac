using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Bind;

/// <summary>A spec that uses every part of the model binds cleanly, and stays bindable whatever node is replaced.</summary>
public class BinderRobustnessTests
{
    internal const string KitchenSink = """
        service: sink
        frameworkVersion: '3'
        configValidationMode: warn
        useDotenv: true
        plugins:
          - serverless-step-functions
          - serverless-iam-roles-per-function
        params:
          default: {size: 1}
        custom:
          anything: [goes, here]
        package:
          patterns: ['!tests/**']
          excludeDevDependencies: false
        provider:
          name: aws
          stage: dev
          region: eu-west-1
          runtime: nodejs18.x
          runtimeManagement: auto
          memorySize: 512
          timeout: 20
          architecture: arm64
          environment: {TABLE: orders, QUEUE_URL: !Ref OrdersQueue}
          tags: {team: core}
          stackTags: {cost: x}
          stackName: sink-stack
          deploymentMethod: direct
          deploymentBucket: {name: my-deploys, serverSideEncryption: AES256}
          deploymentPrefix: builds
          iam:
            role:
              name: sink-role
              statements:
                - Effect: Allow
                  Action: [dynamodb:GetItem]
                  Resource: !GetAtt OrdersTable.Arn
              managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
              permissionsBoundary: arn:aws:iam::123456789012:policy/b
            deploymentRole: arn:aws:iam::123456789012:role/deployer
          vpc: {securityGroupIds: [sg-1], subnetIds: [subnet-1]}
          kmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/k
          layers: [arn:aws:lambda:eu-west-1:123456789012:layer:l:1]
          logRetentionInDays: 14
          logs: {restApi: true, httpApi: {format: '$context.requestId'}, frameworkLambda: true}
          tracing: {apiGateway: true, lambda: Active}
          versionFunctions: false
          endpointType: REGIONAL
          apiName: sink-api
          apiGateway: {apiKeys: [k1], binaryMediaTypes: ['*/*'], minimumCompressionSize: 1024, shouldStartNameWithService: true}
          httpApi:
            payload: '2.0'
            cors: {allowedOrigins: ['https://x'], allowCredentials: true}
            authorizers:
              jwt: {identitySource: $request.header.Authorization, issuerUrl: https://issuer, audience: [a]}
          websocketsApiName: sink-ws
          alb: {targetGroupPrefix: sink}
          ecr: {images: {app: {path: ./app}}}
          s3: {photos: {name: sink-photos, versioningConfiguration: {Status: Enabled}}}
          eventBridge: {useCloudFormation: true}
          kinesis: {consumerNamingMode: serviceSpecific}
        layers:
          common: {path: layer, compatibleRuntimes: [nodejs18.x], retain: true}
        functions:
          api:
            handler: src/api.handler
            description: the API
            memorySize: 1024
            timeout: 29
            environment: {MODE: api}
            tags: {fn: api}
            role: arn:aws:iam::123456789012:role/api
            vpc: null
            layers: [{Ref: CommonLambdaLayer}]
            tracing: PassThrough
            onError: arn:aws:sns:eu-west-1:123456789012:errors
            destinations: {onSuccess: worker, onFailure: {arn: !GetAtt Dlq.Arn, type: sqs}}
            maximumRetryAttempts: 1
            maximumEventAge: 600
            reservedConcurrency: 5
            provisionedConcurrency: 1
            versionFunction: true
            url: {authorizer: aws_iam, invokeMode: RESPONSE_STREAM}
            ephemeralStorageSize: 1024
            logRetentionInDays: 7
            condition: IsProd
            dependsOn: [OrdersTable]
            package: {individually: true, patterns: [src/**]}
            httpApi: {payload: '1.0'}
            iamRoleStatements:
              - {Effect: Allow, Action: s3:GetObject, Resource: '*'}
            events:
              - http: {path: '/orders/{id}', method: get, cors: true, request: {parameters: {paths: {id: true}}}}
              - httpApi: {path: /orders, method: post, authorizer: {name: jwt}}
              - websocket: {route: $connect}
              - alb: {listenerArn: arn:aws:elasticloadbalancing:eu-west-1:1:listener/app/a/b/c, priority: 1, conditions: {path: /x}}
          worker:
            image: {name: app, command: [worker.handler]}
            fileSystemConfig: {arn: arn:aws:elasticfilesystem:eu-west-1:1:access-point/fsap-1, localMountPath: /mnt/data}
            snapStart: false
            events:
              - sqs: {arn: !GetAtt OrdersQueue.Arn, batchSize: 5, functionResponseType: ReportBatchItemFailures}
              - sns: {topicName: alerts, filterPolicy: {kind: [a]}}
              - s3: {bucket: photos, event: s3:ObjectCreated:Put, rules: [{prefix: in/}]}
              - schedule: {rate: [rate(1 hour)], input: {a: 1}}
              - stream: {arn: !GetAtt OrdersTable.StreamArn, type: dynamodb, startingPosition: LATEST}
              - msk: {arn: arn:aws:kafka:eu-west-1:1:cluster/c/u, topic: t}
              - kafka: {accessConfigurations: {saslScram512Auth: arn:s}, bootstrapServers: [b:9092], topic: t}
              - activemq: {arn: arn:aws:mq:eu-west-1:1:broker:b, basicAuthArn: arn:s, queue: q}
              - rabbitmq: {arn: arn:aws:mq:eu-west-1:1:broker:b, basicAuthArn: arn:s, queue: q, virtualHost: v}
              - alexaSkill: amzn1.ask.skill.1
              - alexaSmartHome: amzn1.ask.skill.2
              - iot: {sql: "SELECT * FROM 't'"}
              - iotFleetProvisioning: {templateBody: {}, provisioningRoleArn: arn:aws:iam::1:role/p}
              - cloudwatchEvent: {event: {source: [aws.ec2]}}
              - cloudwatchLog: {logGroup: /aws/lambda/other, filter: ERROR}
              - cognitoUserPool: {pool: users, trigger: PreSignUp}
              - eventBridge: {pattern: {source: [my.app]}, eventBus: custom}
          edge:
            handler: edge.handler
            events:
              - cloudFront: {eventType: viewer-request, origin: 'https://example.com/x'}
        stepFunctions:
          stateMachines:
            flow: {type: EXPRESS, definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}}
        resources:
          Conditions:
            IsProd: !Equals [!Ref 'AWS::StackName', prod]
          Resources:
            OrdersQueue: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 180}}
            Dlq: {Type: AWS::SQS::Queue}
            OrdersTable:
              Type: AWS::DynamoDB::Table
              Properties:
                BillingMode: PAY_PER_REQUEST
                KeySchema: [{AttributeName: id, KeyType: HASH}]
                AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                StreamSpecification: {StreamViewType: NEW_IMAGE}
          Outputs:
            QueueArn: {Value: !GetAtt OrdersQueue.Arn}
        """;

    [Fact]
    public void Kitchen_sink_binds_every_section_without_a_diagnostic()
    {
        var s = BindHelper.BindValid(KitchenSink);
        Assert.Equal(["api", "worker", "edge"], s.Functions.Select(f => f.Key));
        Assert.Equal(4, s.FindFunction("api")!.Events.Count);
        Assert.Equal(17, s.FindFunction("worker")!.Events.Count);
        var kinds = s.AllEvents.Select(e => e.Kind).Distinct().Order().ToList();
        Assert.Equal(Enum.GetValues<EventKind>().Order(), kinds);
        Assert.Equal(("arm64", SettingSource.Provider), (s.FindFunction("worker")!.Architecture.Value, s.FindFunction("worker")!.Architecture.Source));
        Assert.False(s.FindFunction("worker")!.VersionFunction.Value);
        Assert.Equal("api", s.FindFunction("api")!.Environment.Single(e => e.Name == "MODE").Text);
        Assert.Equal(3, s.FindFunction("api")!.Environment.Count);
        Assert.Equal("worker", s.FindFunction("api")!.Destinations!.OnSuccess!.Text);
        Assert.True(s.FindFunction("api")!.Destinations!.OnSuccess!.IsFunctionName);
        Assert.False(s.FindFunction("api")!.Url!.IsPublic);
        Assert.Single(s.Layers);
        Assert.Single(s.StepFunctions!.StateMachines);
        Assert.Equal(2, s.Resources.Queues.Count);
    }

    private static readonly string[] Replacements = ["null", "7", "text", "[]", "{}", "[1, {a: b}]", "{Ref: X}"];

    /// <summary>Replace each node of the kitchen sink, one at a time, by each other shape: binding never throws and
    /// every diagnostic has a location.</summary>
    [Fact]
    public void Any_node_replaced_by_any_shape_still_binds()
    {
        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText("sink.yml", KitchenSink, bag);
        Assert.Empty(bag.Items);
        var replacements = Replacements.Select(r =>
            ((MappingNode)new YamlLoader().LoadText("r.yml", "x: " + r + "\n", new DiagnosticBag()).Root!)["x"]!).ToList();
        var root = loaded.Root!;
        var count = 0;
        foreach (var path in Paths(root, []))
        {
            foreach (var replacement in replacements)
            {
                var mutated = Replace(root, path, 0, replacement);
                var diagnostics = new DiagnosticBag();
                _ = Binder.Bind(new ResolvedSpec(loaded, mutated, "dev", "us-east-1"), diagnostics);
                Assert.All(diagnostics.Items, d => Assert.NotNull(d.Span));
                count++;
            }
        }

        Assert.True(count > 2000, $"only {count} mutations");
    }

    private static IEnumerable<int[]> Paths(Node node, int[] prefix)
    {
        yield return prefix;
        switch (node)
        {
            case MappingNode m:
                for (var i = 0; i < m.Entries.Count; i++)
                {
                    foreach (var p in Paths(m.Entries[i].Value, [.. prefix, i]))
                    {
                        yield return p;
                    }
                }

                break;
            case SequenceNode s:
                for (var i = 0; i < s.Items.Count; i++)
                {
                    foreach (var p in Paths(s.Items[i], [.. prefix, i]))
                    {
                        yield return p;
                    }
                }

                break;
        }
    }

    private static Node Replace(Node node, int[] path, int depth, Node replacement)
    {
        if (depth == path.Length)
        {
            return replacement;
        }

        var i = path[depth];
        return node switch
        {
            MappingNode m => m with
            {
                Entries = [.. m.Entries.Select((e, j) => j == i ? new MappingEntry(e.Key, Replace(e.Value, path, depth + 1, replacement)) : e)],
            },
            SequenceNode s => s with { Items = [.. s.Items.Select((x, j) => j == i ? Replace(x, path, depth + 1, replacement) : x)] },
            _ => node,
        };
    }
}
