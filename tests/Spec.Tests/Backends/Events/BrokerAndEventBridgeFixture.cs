namespace Spec.Tests.Backends.Events;

/// <summary>
/// A service with eventBridge, msk, kafka, activemq and rabbitmq events, and what Serverless Framework 3.40.0
/// <c>serverless package</c> made of it (its event resources, in template order, and the role's statements).
/// </summary>
internal static class BrokerAndEventBridgeFixture
{
    public const string Spec = """
        service: my-svc
        frameworkVersion: '3'
        provider: {name: aws, runtime: nodejs18.x}
        functions:
          fn:
            handler: h.fn
            events:
              - sqs: arn:aws:sqs:us-east-1:123456789012:q1
              - eventBridge:
                  pattern: {source: [my.app]}
              - eventBridge:
                  eventBus: orders-bus
                  schedule: rate(5 minutes)
                  input: {a: 1}
                  retryPolicy: {maximumEventAge: 3600, maximumRetryAttempts: 3}
                  deadLetterQueueArn: arn:aws:sqs:us-east-1:123456789012:dlq
              - eventBridge:
                  eventBus: arn:aws:events:us-east-1:123456789012:event-bus/shared
                  name: custom-rule
                  pattern: {detail-type: [x]}
                  inputTransformer: {inputPathsMap: {id: $.id}, inputTemplate: '{"id": <id>}'}
          a-very-long-function-name-that-goes-on-and-on:
            handler: h.g
            events:
              - eventBridge: {pattern: {source: [x]}, enabled: false, eventBus: default}
              - msk: {arn: arn:aws:kafka:us-east-1:123456789012:cluster/MyCluster/abc-1, topic: orders.v1, batchSize: 100, saslScram512: arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_x, consumerGroupId: grp, enabled: false}
              - msk: {arn: {Ref: MskCluster}, topic: t2, startingPosition: LATEST, filterPatterns: [{value: {a: [1]}}]}
              - kafka:
                  topic: my-topic
                  bootstrapServers: [b1:9092, b2:9092]
                  accessConfigurations:
                    vpcSubnet: [subnet-0011001100]
                    vpcSecurityGroup: [sg-0123456789]
                    saslScram256Auth: [arn:aws:secretsmanager:us-east-1:123456789012:secret:k]
                  consumerGroupId: cg
                  maximumBatchingWindow: 5
              - activemq: {arn: 'arn:aws:mq:us-east-1:123456789012:broker:b:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9', basicAuthArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq', queue: q-one, batchSize: 5}
              - rabbitmq: {arn: 'arn:aws:mq:us-east-1:123456789012:broker:b:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9', basicAuthArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq', queue: q-two, virtualHost: /vh, enabled: true}
        resources:
          Resources:
            MskCluster: {Type: AWS::MSK::Cluster, Properties: {ClusterName: c, KafkaVersion: 2.8.1, NumberOfBrokerNodes: 2, BrokerNodeGroupInfo: {InstanceType: kafka.m5.large, ClientSubnets: [subnet-1, subnet-2]}}}
        """;

    public const string FrameworkOutput = """
        {
          "Resources": {
            "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonEventSourceMappingKafkaMytopic": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "DependsOn": [
                "IamRoleLambdaExecution"
              ],
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonLambdaFunction",
                    "Arn"
                  ]
                },
                "StartingPosition": "TRIM_HORIZON",
                "SelfManagedEventSource": {
                  "Endpoints": {
                    "KafkaBootstrapServers": [
                      "b1:9092",
                      "b2:9092"
                    ]
                  }
                },
                "Topics": [
                  "my-topic"
                ],
                "SourceAccessConfigurations": [
                  {
                    "Type": "VPC_SUBNET",
                    "URI": "subnet:subnet-0011001100"
                  },
                  {
                    "Type": "VPC_SECURITY_GROUP",
                    "URI": "security_group:sg-0123456789"
                  },
                  {
                    "Type": "SASL_SCRAM_256_AUTH",
                    "URI": "arn:aws:secretsmanager:us-east-1:123456789012:secret:k"
                  }
                ],
                "MaximumBatchingWindowInSeconds": 5,
                "SelfManagedKafkaEventSourceConfig": {
                  "ConsumerGroupId": "cg"
                }
              }
            },
            "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonEventSourceMappingActiveMQQone": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "DependsOn": [
                "IamRoleLambdaExecution"
              ],
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonLambdaFunction",
                    "Arn"
                  ]
                },
                "EventSourceArn": "arn:aws:mq:us-east-1:123456789012:broker:b:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
                "Queues": [
                  "q-one"
                ],
                "SourceAccessConfigurations": [
                  {
                    "Type": "BASIC_AUTH",
                    "URI": "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq"
                  }
                ],
                "BatchSize": 5
              }
            },
            "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonEventSourceMappingRabbitMQQtwo": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "DependsOn": [
                "IamRoleLambdaExecution"
              ],
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonLambdaFunction",
                    "Arn"
                  ]
                },
                "EventSourceArn": "arn:aws:mq:us-east-1:123456789012:broker:b:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
                "Queues": [
                  "q-two"
                ],
                "SourceAccessConfigurations": [
                  {
                    "Type": "BASIC_AUTH",
                    "URI": "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq"
                  },
                  {
                    "Type": "VIRTUAL_HOST",
                    "URI": "/vh"
                  }
                ],
                "Enabled": true
              }
            },
            "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonEventSourceMappingMSKMyClusterOrdersv1": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "DependsOn": [
                "IamRoleLambdaExecution"
              ],
              "Properties": {
                "EventSourceArn": "arn:aws:kafka:us-east-1:123456789012:cluster/MyCluster/abc-1",
                "FunctionName": {
                  "Fn::GetAtt": [
                    "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonLambdaFunction",
                    "Arn"
                  ]
                },
                "StartingPosition": "TRIM_HORIZON",
                "Topics": [
                  "orders.v1"
                ],
                "BatchSize": 100,
                "AmazonManagedKafkaEventSourceConfig": {
                  "ConsumerGroupId": "grp"
                },
                "Enabled": false,
                "SourceAccessConfigurations": [
                  {
                    "Type": "SASL_SCRAM_512_AUTH",
                    "URI": "arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_x"
                  }
                ]
              }
            },
            "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonEventSourceMappingMSKMskClusterT2": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "DependsOn": [
                "IamRoleLambdaExecution"
              ],
              "Properties": {
                "EventSourceArn": {
                  "Ref": "MskCluster"
                },
                "FunctionName": {
                  "Fn::GetAtt": [
                    "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonLambdaFunction",
                    "Arn"
                  ]
                },
                "StartingPosition": "LATEST",
                "Topics": [
                  "t2"
                ],
                "FilterCriteria": {
                  "Filters": [
                    {
                      "Pattern": "{\"value\":{\"a\":[1]}}"
                    }
                  ]
                }
              }
            },
            "Mysvcdevfnrule2EventBridgeRule": {
              "Type": "AWS::Events::Rule",
              "Properties": {
                "EventPattern": {
                  "source": [
                    "my.app"
                  ]
                },
                "Name": "my-svc-dev-fn-rule-2",
                "State": "ENABLED",
                "Targets": [
                  {
                    "Arn": {
                      "Fn::GetAtt": [
                        "FnLambdaFunction",
                        "Arn"
                      ]
                    },
                    "Id": "my-svc-dev-fn-rule-2-target"
                  }
                ]
              }
            },
            "FnEventBridgeLambdaPermission2": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "Action": "lambda:InvokeFunction",
                "FunctionName": {
                  "Fn::GetAtt": [
                    "FnLambdaFunction",
                    "Arn"
                  ]
                },
                "Principal": "events.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    ":",
                    [
                      "arn",
                      {
                        "Ref": "AWS::Partition"
                      },
                      "events",
                      {
                        "Ref": "AWS::Region"
                      },
                      {
                        "Ref": "AWS::AccountId"
                      },
                      {
                        "Fn::Join": [
                          "/",
                          [
                            "rule",
                            "my-svc-dev-fn-rule-2"
                          ]
                        ]
                      }
                    ]
                  ]
                }
              }
            },
            "OrdersDashbusEventBridgeEventBus": {
              "Type": "AWS::Events::EventBus",
              "Properties": {
                "Name": "orders-bus"
              }
            },
            "Mysvcdevfnrule3EventBridgeRule": {
              "Type": "AWS::Events::Rule",
              "DependsOn": "OrdersDashbusEventBridgeEventBus",
              "Properties": {
                "EventBusName": "orders-bus",
                "Name": "my-svc-dev-fn-rule-3",
                "ScheduleExpression": "rate(5 minutes)",
                "State": "ENABLED",
                "Targets": [
                  {
                    "Arn": {
                      "Fn::GetAtt": [
                        "FnLambdaFunction",
                        "Arn"
                      ]
                    },
                    "Id": "my-svc-dev-fn-rule-3-target",
                    "RetryPolicy": {
                      "MaximumEventAgeInSeconds": 3600,
                      "MaximumRetryAttempts": 3
                    },
                    "DeadLetterConfig": {
                      "Arn": "arn:aws:sqs:us-east-1:123456789012:dlq"
                    },
                    "Input": "{\"a\":1}"
                  }
                ]
              }
            },
            "FnEventBridgeLambdaPermission3": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "Action": "lambda:InvokeFunction",
                "FunctionName": {
                  "Fn::GetAtt": [
                    "FnLambdaFunction",
                    "Arn"
                  ]
                },
                "Principal": "events.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    ":",
                    [
                      "arn",
                      {
                        "Ref": "AWS::Partition"
                      },
                      "events",
                      {
                        "Ref": "AWS::Region"
                      },
                      {
                        "Ref": "AWS::AccountId"
                      },
                      {
                        "Fn::Join": [
                          "/",
                          [
                            "rule",
                            "orders-bus",
                            "my-svc-dev-fn-rule-3"
                          ]
                        ]
                      }
                    ]
                  ]
                }
              }
            },
            "Mysvcdevfnrule4EventBridgeRule": {
              "Type": "AWS::Events::Rule",
              "Properties": {
                "EventBusName": "shared",
                "EventPattern": {
                  "detail-type": [
                    "x"
                  ]
                },
                "Name": "custom-rule",
                "State": "ENABLED",
                "Targets": [
                  {
                    "Arn": {
                      "Fn::GetAtt": [
                        "FnLambdaFunction",
                        "Arn"
                      ]
                    },
                    "Id": "custom-rule-target",
                    "InputTransformer": {
                      "InputPathsMap": {
                        "id": "$.id"
                      },
                      "InputTemplate": "{\"id\": <id>}"
                    }
                  }
                ]
              }
            },
            "FnEventBridgeLambdaPermission4": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "Action": "lambda:InvokeFunction",
                "FunctionName": {
                  "Fn::GetAtt": [
                    "FnLambdaFunction",
                    "Arn"
                  ]
                },
                "Principal": "events.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    ":",
                    [
                      "arn",
                      {
                        "Ref": "AWS::Partition"
                      },
                      "events",
                      {
                        "Ref": "AWS::Region"
                      },
                      {
                        "Ref": "AWS::AccountId"
                      },
                      {
                        "Fn::Join": [
                          "/",
                          [
                            "rule",
                            "shared",
                            "custom-rule"
                          ]
                        ]
                      }
                    ]
                  ]
                }
              }
            },
            "Mysvcdevaverylongfunctionnamethatgoesonandonrule1EventBridgeRule": {
              "Type": "AWS::Events::Rule",
              "Properties": {
                "EventPattern": {
                  "source": [
                    "x"
                  ]
                },
                "Name": "my-svc-dev-a-very-long-function-name-that-goes-on-and-on-rule-1",
                "State": "DISABLED",
                "Targets": [
                  {
                    "Arn": {
                      "Fn::GetAtt": [
                        "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonLambdaFunction",
                        "Arn"
                      ]
                    },
                    "Id": "my-svc-dev-a-very-long-fu8ee2145b9efac5e4c4089301b4e16cb8-target"
                  }
                ]
              }
            },
            "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonEventBridgeLambdaPermission1": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "Action": "lambda:InvokeFunction",
                "FunctionName": {
                  "Fn::GetAtt": [
                    "ADashveryDashlongDashfunctionDashnameDashthatDashgoesDashonDashandDashonLambdaFunction",
                    "Arn"
                  ]
                },
                "Principal": "events.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    ":",
                    [
                      "arn",
                      {
                        "Ref": "AWS::Partition"
                      },
                      "events",
                      {
                        "Ref": "AWS::Region"
                      },
                      {
                        "Ref": "AWS::AccountId"
                      },
                      {
                        "Fn::Join": [
                          "/",
                          [
                            "rule",
                            "default",
                            "my-svc-dev-a-very-long-function-name-that-goes-on-and-on-rule-1"
                          ]
                        ]
                      }
                    ]
                  ]
                }
              }
            },
            "FnEventSourceMappingSQSQ1": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "DependsOn": [
                "IamRoleLambdaExecution"
              ],
              "Properties": {
                "BatchSize": 10,
                "EventSourceArn": "arn:aws:sqs:us-east-1:123456789012:q1",
                "FunctionName": {
                  "Fn::GetAtt": [
                    "FnLambdaFunction",
                    "Arn"
                  ]
                },
                "Enabled": true
              }
            },
            "MskCluster": {
              "Type": "AWS::MSK::Cluster",
              "Properties": {
                "ClusterName": "c",
                "KafkaVersion": "2.8.1",
                "NumberOfBrokerNodes": 2,
                "BrokerNodeGroupInfo": {
                  "InstanceType": "kafka.m5.large",
                  "ClientSubnets": [
                    "subnet-1",
                    "subnet-2"
                  ]
                }
              }
            }
          },
          "RoleStatements": [
            {
              "Effect": "Allow",
              "Action": [
                "logs:CreateLogStream",
                "logs:CreateLogGroup",
                "logs:TagResource"
              ],
              "Resource": [
                {
                  "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/my-svc-dev*:*"
                }
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "logs:PutLogEvents"
              ],
              "Resource": [
                {
                  "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/my-svc-dev*:*:*"
                }
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "secretsmanager:GetSecretValue"
              ],
              "Resource": [
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:k"
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "ec2:CreateNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeVpcs",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups"
              ],
              "Resource": "*"
            },
            {
              "Effect": "Allow",
              "Action": [
                "secretsmanager:GetSecretValue"
              ],
              "Resource": [
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq"
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "mq:DescribeBroker"
              ],
              "Resource": [
                "arn:aws:mq:us-east-1:123456789012:broker:b:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9"
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "ec2:CreateNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeVpcs",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups"
              ],
              "Resource": "*"
            },
            {
              "Effect": "Allow",
              "Action": [
                "secretsmanager:GetSecretValue"
              ],
              "Resource": [
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq"
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "mq:DescribeBroker"
              ],
              "Resource": [
                "arn:aws:mq:us-east-1:123456789012:broker:b:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9"
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "ec2:CreateNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeVpcs",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups"
              ],
              "Resource": "*"
            },
            {
              "Effect": "Allow",
              "Action": [
                "kafka:DescribeCluster",
                "kafka:GetBootstrapBrokers"
              ],
              "Resource": [
                "arn:aws:kafka:us-east-1:123456789012:cluster/MyCluster/abc-1",
                {
                  "Ref": "MskCluster"
                }
              ]
            },
            {
              "Effect": "Allow",
              "Action": [
                "ec2:CreateNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeVpcs",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups"
              ],
              "Resource": "*"
            },
            {
              "Effect": "Allow",
              "Action": [
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:GetQueueAttributes"
              ],
              "Resource": [
                "arn:aws:sqs:us-east-1:123456789012:q1"
              ]
            }
          ]
        }
        """;
}
