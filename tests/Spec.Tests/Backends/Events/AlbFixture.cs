namespace Spec.Tests.Backends.Events;

/// <summary>
/// Services with alb events (conditions of every kind, cognito and oidc authorizers, health checks, a Ref'd listener, an alias, provider.alb.targetGroupPrefix) and the full templates Serverless Framework 3.40.0 <c>serverless package</c> made for them.
/// </summary>
internal static class AlbFixture
{
    /// <summary>Two functions, four events: every condition, both authorizer types, health checks (true, object, enabled: false), targetGroupName, a Ref listener and provisioned concurrency.</summary>
    public const string FullSpec = """
        service: edge-alb
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
          alb:
            authorizers:
              myCognito:
                type: cognito
                userPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc
                userPoolClientId: client123
                userPoolDomain: my-domain
                sessionTimeout: 7000
              myOidc:
                type: oidc
                authorizationEndpoint: https://example.com/auth
                clientId: oidc-client
                issuer: https://example.com
                tokenEndpoint: https://example.com/token
                userInfoEndpoint: https://example.com/userinfo
                onUnauthenticatedRequest: authenticate
                requestExtraParams:
                  prompt: login
                scope: openid
                sessionCookieName: my-cookie
              withSecret:
                type: oidc
                authorizationEndpoint: https://example.com/auth
                clientId: oidc-client
                clientSecret: s3cret
                issuer: https://example.com
                tokenEndpoint: https://example.com/token
                userInfoEndpoint: https://example.com/userinfo
        functions:
          hello:
            handler: h.hello
            events:
              - alb:
                  listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2
                  priority: 1
                  conditions:
                    path: /hello
              - alb:
                  listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2
                  priority: 2
                  multiValueHeaders: true
                  healthCheck: true
                  authorizer: [myCognito, myOidc]
                  conditions:
                    path: [/a, /b]
                    method: [GET, POST]
                    host: example.com
                    header:
                      name: X-Foo
                      values: [bar, baz]
                    query:
                      a: b
                      c: d
                    ip: [10.0.0.0/8]
          other_fn:
            handler: h.other
            provisionedConcurrency: 1
            events:
              - alb:
                  listenerArn:
                    Ref: MyListener
                  priority: 3
                  targetGroupName: my-tg
                  authorizer: withSecret
                  healthCheck:
                    path: /health
                    intervalSeconds: 60
                    timeoutSeconds: 10
                    healthyThresholdCount: 3
                    unhealthyThresholdCount: 4
                    matcher:
                      httpCode: '200-299'
                  conditions:
                    header:
                      - name: X-A
                        values: [a]
                      - name: X-B
                        values: [b]
              - alb:
                  listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/other-lb/aaaabbbbccccdddd/1111222233334444
                  priority: 4
                  healthCheck:
                    enabled: false
                    path: /off
                  conditions:
                    method: PUT
        resources:
          Resources:
            MyLoadBalancer:
              Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Properties:
                Subnets: [subnet-1, subnet-2]
            MyListener:
              Type: AWS::ElasticLoadBalancingV2::Listener
              Properties:
                LoadBalancerArn: {Ref: MyLoadBalancer}
                Port: 80
                Protocol: HTTP
                DefaultActions:
                  - Type: fixed-response
                    FixedResponseConfig: {StatusCode: '404'}
        """;

    /// <summary>What Serverless Framework 3.40.0 <c>serverless package --stage dev --region us-east-1</c> made for <see cref="FullSpec"/>.</summary>
    public const string FullFramework = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "The AWS CloudFormation template for this Serverless application",
          "Resources": {
            "ServerlessDeploymentBucket": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketEncryption": {
                  "ServerSideEncryptionConfiguration": [
                    {
                      "ServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "AES256"
                      }
                    }
                  ]
                }
              }
            },
            "ServerlessDeploymentBucketPolicy": {
              "Type": "AWS::S3::BucketPolicy",
              "Properties": {
                "Bucket": {
                  "Ref": "ServerlessDeploymentBucket"
                },
                "PolicyDocument": {
                  "Statement": [
                    {
                      "Action": "s3:*",
                      "Effect": "Deny",
                      "Principal": "*",
                      "Resource": [
                        {
                          "Fn::Join": [
                            "",
                            [
                              "arn:",
                              {
                                "Ref": "AWS::Partition"
                              },
                              ":s3:::",
                              {
                                "Ref": "ServerlessDeploymentBucket"
                              },
                              "/*"
                            ]
                          ]
                        },
                        {
                          "Fn::Join": [
                            "",
                            [
                              "arn:",
                              {
                                "Ref": "AWS::Partition"
                              },
                              ":s3:::",
                              {
                                "Ref": "ServerlessDeploymentBucket"
                              }
                            ]
                          ]
                        }
                      ],
                      "Condition": {
                        "Bool": {
                          "aws:SecureTransport": false
                        }
                      }
                    }
                  ]
                }
              }
            },
            "HelloLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-alb-dev-hello"
              }
            },
            "OtherUnderscorefnLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-alb-dev-other_fn"
              }
            },
            "IamRoleLambdaExecution": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {
                        "Service": [
                          "lambda.amazonaws.com"
                        ]
                      },
                      "Action": [
                        "sts:AssumeRole"
                      ]
                    }
                  ]
                },
                "Policies": [
                  {
                    "PolicyName": {
                      "Fn::Join": [
                        "-",
                        [
                          "edge-alb",
                          "dev",
                          "lambda"
                        ]
                      ]
                    },
                    "PolicyDocument": {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Effect": "Allow",
                          "Action": [
                            "logs:CreateLogStream",
                            "logs:CreateLogGroup",
                            "logs:TagResource"
                          ],
                          "Resource": [
                            {
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-alb-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-alb-dev*:*:*"
                            }
                          ]
                        }
                      ]
                    }
                  }
                ],
                "Path": "/",
                "RoleName": {
                  "Fn::Join": [
                    "-",
                    [
                      "edge-alb",
                      "dev",
                      {
                        "Ref": "AWS::Region"
                      },
                      "lambdaRole"
                    ]
                  ]
                }
              }
            },
            "HelloLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-alb/dev/1795451759651-2026-11-23T16:35:59.651Z/edge-alb.zip"
                },
                "Handler": "h.hello",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-alb-dev-hello",
                "MemorySize": 1024,
                "Timeout": 6,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "HelloLogGroup"
              ]
            },
            "OtherUnderscorefnLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-alb/dev/1795451759651-2026-11-23T16:35:59.651Z/edge-alb.zip"
                },
                "Handler": "h.other",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-alb-dev-other_fn",
                "MemorySize": 1024,
                "Timeout": 6,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "OtherUnderscorefnLogGroup"
              ]
            },
            "HelloLambdaVersionAm0oixNc4W4NNJV7GYyDWbmIOarTP79zUZPJt9YFhE": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "HelloLambdaFunction"
                },
                "CodeSha256": "AQyaFxF4n2OSsmRyjUG7KZX94WA8iMn3busQfqh7a7o="
              }
            },
            "OtherUnderscorefnLambdaVersionMYwIwgIr9l5ziamB27ffOdXvdSOGEkSyqBrT8udJMA": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "OtherUnderscorefnLambdaFunction"
                },
                "CodeSha256": "AQyaFxF4n2OSsmRyjUG7KZX94WA8iMn3busQfqh7a7o="
              }
            },
            "OtherUnderscorefnProvConcLambdaAlias": {
              "Type": "AWS::Lambda::Alias",
              "Properties": {
                "FunctionName": {
                  "Ref": "OtherUnderscorefnLambdaFunction"
                },
                "FunctionVersion": {
                  "Fn::GetAtt": [
                    "OtherUnderscorefnLambdaVersionMYwIwgIr9l5ziamB27ffOdXvdSOGEkSyqBrT8udJMA",
                    "Version"
                  ]
                },
                "Name": "provisioned",
                "ProvisionedConcurrencyConfig": {
                  "ProvisionedConcurrentExecutions": 1
                }
              },
              "DependsOn": "OtherUnderscorefnLambdaFunction"
            },
            "HelloAlbTargetGroup50dc6c495c0c9188": {
              "Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
              "Properties": {
                "TargetType": "lambda",
                "Targets": [
                  {
                    "Id": {
                      "Fn::GetAtt": [
                        "HelloLambdaFunction",
                        "Arn"
                      ]
                    }
                  }
                ],
                "Name": "cfc7513824806fdf1efce9aaedb9e1a5",
                "Tags": [
                  {
                    "Key": "Name",
                    "Value": "edge-alb-hello-50dc6c495c0c9188-dev"
                  }
                ],
                "TargetGroupAttributes": [
                  {
                    "Key": "lambda.multi_value_headers.enabled",
                    "Value": false
                  }
                ],
                "HealthCheckEnabled": false
              },
              "DependsOn": [
                "HelloLambdaPermissionRegisterTarget"
              ]
            },
            "HelloAlbMultiValueTargetGroup50dc6c495c0c9188": {
              "Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
              "Properties": {
                "TargetType": "lambda",
                "Targets": [
                  {
                    "Id": {
                      "Fn::GetAtt": [
                        "HelloLambdaFunction",
                        "Arn"
                      ]
                    }
                  }
                ],
                "Name": "afb25588a017718b4de2bc2a426431d8",
                "Tags": [
                  {
                    "Key": "Name",
                    "Value": "edge-alb-hello-50dc6c495c0c9188-dev"
                  }
                ],
                "TargetGroupAttributes": [
                  {
                    "Key": "lambda.multi_value_headers.enabled",
                    "Value": true
                  }
                ],
                "HealthCheckEnabled": true,
                "HealthCheckPath": "/",
                "HealthCheckIntervalSeconds": 35,
                "HealthCheckTimeoutSeconds": 30,
                "HealthyThresholdCount": 5,
                "UnhealthyThresholdCount": 5,
                "Matcher": {
                  "HttpCode": "200"
                }
              },
              "DependsOn": [
                "HelloLambdaPermissionRegisterTarget"
              ]
            },
            "OtherUnderscorefnAlbTargetGroupMyListener": {
              "Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
              "Properties": {
                "TargetType": "lambda",
                "Targets": [
                  {
                    "Id": {
                      "Fn::Join": [
                        ":",
                        [
                          {
                            "Fn::GetAtt": [
                              "OtherUnderscorefnLambdaFunction",
                              "Arn"
                            ]
                          },
                          "provisioned"
                        ]
                      ]
                    }
                  }
                ],
                "Name": "my-tg",
                "Tags": [
                  {
                    "Key": "Name",
                    "Value": "edge-alb-other_fn-MyListener-dev"
                  }
                ],
                "TargetGroupAttributes": [
                  {
                    "Key": "lambda.multi_value_headers.enabled",
                    "Value": false
                  }
                ],
                "HealthCheckEnabled": true,
                "HealthCheckPath": "/health",
                "HealthCheckIntervalSeconds": 60,
                "HealthCheckTimeoutSeconds": 10,
                "HealthyThresholdCount": 3,
                "UnhealthyThresholdCount": 4,
                "Matcher": {
                  "HttpCode": "200-299"
                }
              },
              "DependsOn": [
                "OtherUnderscorefnLambdaPermissionRegisterTarget",
                "OtherUnderscorefnProvConcLambdaAlias"
              ]
            },
            "OtherUnderscorefnAlbTargetGroupaaaabbbbccccdddd": {
              "Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
              "Properties": {
                "TargetType": "lambda",
                "Targets": [
                  {
                    "Id": {
                      "Fn::Join": [
                        ":",
                        [
                          {
                            "Fn::GetAtt": [
                              "OtherUnderscorefnLambdaFunction",
                              "Arn"
                            ]
                          },
                          "provisioned"
                        ]
                      ]
                    }
                  }
                ],
                "Name": "5dca8e2545447be00cff26a2343e9e5f",
                "Tags": [
                  {
                    "Key": "Name",
                    "Value": "edge-alb-other_fn-aaaabbbbccccdddd-dev"
                  }
                ],
                "TargetGroupAttributes": [
                  {
                    "Key": "lambda.multi_value_headers.enabled",
                    "Value": false
                  }
                ],
                "HealthCheckEnabled": true,
                "HealthCheckPath": "/off",
                "HealthCheckIntervalSeconds": 35,
                "HealthCheckTimeoutSeconds": 30,
                "HealthyThresholdCount": 5,
                "UnhealthyThresholdCount": 5,
                "Matcher": {
                  "HttpCode": "200"
                }
              },
              "DependsOn": [
                "OtherUnderscorefnLambdaPermissionRegisterTarget",
                "OtherUnderscorefnProvConcLambdaAlias"
              ]
            },
            "HelloAlbListenerRule1": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "HelloAlbTargetGroup50dc6c495c0c9188"
                    }
                  }
                ],
                "Conditions": [
                  {
                    "Field": "path-pattern",
                    "Values": [
                      "/hello"
                    ]
                  }
                ],
                "ListenerArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2",
                "Priority": 1
              }
            },
            "HelloAlbListenerRule2": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "authenticate-cognito",
                    "Order": 1,
                    "AuthenticateCognitoConfig": {
                      "UserPoolArn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                      "UserPoolClientId": "client123",
                      "UserPoolDomain": "my-domain",
                      "OnUnauthenticatedRequest": "deny",
                      "SessionTimeout": 7000
                    }
                  },
                  {
                    "Type": "authenticate-oidc",
                    "Order": 2,
                    "AuthenticateOidcConfig": {
                      "AuthorizationEndpoint": "https://example.com/auth",
                      "ClientId": "oidc-client",
                      "Issuer": "https://example.com",
                      "TokenEndpoint": "https://example.com/token",
                      "UserInfoEndpoint": "https://example.com/userinfo",
                      "OnUnauthenticatedRequest": "authenticate",
                      "AuthenticationRequestExtraParams": {
                        "prompt": "login"
                      },
                      "Scope": "openid",
                      "SessionCookieName": "my-cookie",
                      "UseExistingClientSecret": true
                    }
                  },
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "HelloAlbMultiValueTargetGroup50dc6c495c0c9188"
                    },
                    "Order": 3
                  }
                ],
                "Conditions": [
                  {
                    "Field": "path-pattern",
                    "Values": [
                      "/a",
                      "/b"
                    ]
                  },
                  {
                    "Field": "host-header",
                    "HostHeaderConfig": {
                      "Values": [
                        "example.com"
                      ]
                    }
                  },
                  {
                    "Field": "http-request-method",
                    "HttpRequestMethodConfig": {
                      "Values": [
                        "GET",
                        "POST"
                      ]
                    }
                  },
                  {
                    "Field": "http-header",
                    "HttpHeaderConfig": {
                      "HttpHeaderName": "X-Foo",
                      "Values": [
                        "bar",
                        "baz"
                      ]
                    }
                  },
                  {
                    "Field": "query-string",
                    "QueryStringConfig": {
                      "Values": [
                        {
                          "Key": "a",
                          "Value": "b"
                        },
                        {
                          "Key": "c",
                          "Value": "d"
                        }
                      ]
                    }
                  },
                  {
                    "Field": "source-ip",
                    "SourceIpConfig": {
                      "Values": [
                        "10.0.0.0/8"
                      ]
                    }
                  }
                ],
                "ListenerArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2",
                "Priority": 2
              }
            },
            "OtherUnderscorefnAlbListenerRule3": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "authenticate-oidc",
                    "Order": 1,
                    "AuthenticateOidcConfig": {
                      "AuthorizationEndpoint": "https://example.com/auth",
                      "ClientId": "oidc-client",
                      "Issuer": "https://example.com",
                      "TokenEndpoint": "https://example.com/token",
                      "UserInfoEndpoint": "https://example.com/userinfo",
                      "OnUnauthenticatedRequest": "deny",
                      "ClientSecret": "s3cret"
                    }
                  },
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "OtherUnderscorefnAlbTargetGroupMyListener"
                    },
                    "Order": 2
                  }
                ],
                "Conditions": [
                  {
                    "Field": "http-header",
                    "HttpHeaderConfig": {
                      "HttpHeaderName": "X-A",
                      "Values": [
                        "a"
                      ]
                    }
                  },
                  {
                    "Field": "http-header",
                    "HttpHeaderConfig": {
                      "HttpHeaderName": "X-B",
                      "Values": [
                        "b"
                      ]
                    }
                  }
                ],
                "ListenerArn": {
                  "Ref": "MyListener"
                },
                "Priority": 3
              }
            },
            "OtherUnderscorefnAlbListenerRule4": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "OtherUnderscorefnAlbTargetGroupaaaabbbbccccdddd"
                    }
                  }
                ],
                "Conditions": [
                  {
                    "Field": "http-request-method",
                    "HttpRequestMethodConfig": {
                      "Values": [
                        "PUT"
                      ]
                    }
                  }
                ],
                "ListenerArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/other-lb/aaaabbbbccccdddd/1111222233334444",
                "Priority": 4
              }
            },
            "HelloLambdaPermissionAlb": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "HelloLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com",
                "SourceArn": {
                  "Ref": "HelloAlbMultiValueTargetGroup50dc6c495c0c9188"
                }
              }
            },
            "HelloLambdaPermissionRegisterTarget": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "HelloLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com"
              }
            },
            "OtherUnderscorefnLambdaPermissionAlb": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::Join": [
                    ":",
                    [
                      {
                        "Fn::GetAtt": [
                          "OtherUnderscorefnLambdaFunction",
                          "Arn"
                        ]
                      },
                      "provisioned"
                    ]
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com",
                "SourceArn": {
                  "Ref": "OtherUnderscorefnAlbTargetGroupaaaabbbbccccdddd"
                }
              },
              "DependsOn": [
                "OtherUnderscorefnProvConcLambdaAlias"
              ]
            },
            "OtherUnderscorefnLambdaPermissionRegisterTarget": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::Join": [
                    ":",
                    [
                      {
                        "Fn::GetAtt": [
                          "OtherUnderscorefnLambdaFunction",
                          "Arn"
                        ]
                      },
                      "provisioned"
                    ]
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com"
              },
              "DependsOn": [
                "OtherUnderscorefnProvConcLambdaAlias"
              ]
            },
            "MyLoadBalancer": {
              "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
              "Properties": {
                "Subnets": [
                  "subnet-1",
                  "subnet-2"
                ]
              }
            },
            "MyListener": {
              "Type": "AWS::ElasticLoadBalancingV2::Listener",
              "Properties": {
                "LoadBalancerArn": {
                  "Ref": "MyLoadBalancer"
                },
                "Port": 80,
                "Protocol": "HTTP",
                "DefaultActions": [
                  {
                    "Type": "fixed-response",
                    "FixedResponseConfig": {
                      "StatusCode": "404"
                    }
                  }
                ]
              }
            }
          },
          "Outputs": {
            "ServerlessDeploymentBucketName": {
              "Value": {
                "Ref": "ServerlessDeploymentBucket"
              },
              "Export": {
                "Name": "sls-edge-alb-dev-ServerlessDeploymentBucketName"
              }
            },
            "HelloLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "HelloLambdaVersionAm0oixNc4W4NNJV7GYyDWbmIOarTP79zUZPJt9YFhE"
              },
              "Export": {
                "Name": "sls-edge-alb-dev-HelloLambdaFunctionQualifiedArn"
              }
            },
            "OtherUnderscorefnLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "OtherUnderscorefnLambdaVersionMYwIwgIr9l5ziamB27ffOdXvdSOGEkSyqBrT8udJMA"
              },
              "Export": {
                "Name": "sls-edge-alb-dev-OtherUnderscorefnLambdaFunctionQualifiedArn"
              }
            }
          }
        }
        """;

    /// <summary>provider.alb.targetGroupPrefix with a multi-value and a single-value target group of one function.</summary>
    public const string PrefixSpec = """
        service: edge-alb-prefix
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
          alb:
            targetGroupPrefix: pre-
        functions:
          api:
            handler: h.api
            events:
              - alb:
                  listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2
                  priority: 10
                  multiValueHeaders: true
                  conditions:
                    path: /api
              - alb:
                  listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2
                  priority: 11
                  conditions:
                    path: /api2
        """;

    /// <summary>What Serverless Framework 3.40.0 <c>serverless package --stage dev --region us-east-1</c> made for <see cref="PrefixSpec"/>.</summary>
    public const string PrefixFramework = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "The AWS CloudFormation template for this Serverless application",
          "Resources": {
            "ServerlessDeploymentBucket": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketEncryption": {
                  "ServerSideEncryptionConfiguration": [
                    {
                      "ServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "AES256"
                      }
                    }
                  ]
                }
              }
            },
            "ServerlessDeploymentBucketPolicy": {
              "Type": "AWS::S3::BucketPolicy",
              "Properties": {
                "Bucket": {
                  "Ref": "ServerlessDeploymentBucket"
                },
                "PolicyDocument": {
                  "Statement": [
                    {
                      "Action": "s3:*",
                      "Effect": "Deny",
                      "Principal": "*",
                      "Resource": [
                        {
                          "Fn::Join": [
                            "",
                            [
                              "arn:",
                              {
                                "Ref": "AWS::Partition"
                              },
                              ":s3:::",
                              {
                                "Ref": "ServerlessDeploymentBucket"
                              },
                              "/*"
                            ]
                          ]
                        },
                        {
                          "Fn::Join": [
                            "",
                            [
                              "arn:",
                              {
                                "Ref": "AWS::Partition"
                              },
                              ":s3:::",
                              {
                                "Ref": "ServerlessDeploymentBucket"
                              }
                            ]
                          ]
                        }
                      ],
                      "Condition": {
                        "Bool": {
                          "aws:SecureTransport": false
                        }
                      }
                    }
                  ]
                }
              }
            },
            "ApiLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-alb-prefix-dev-api"
              }
            },
            "IamRoleLambdaExecution": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {
                        "Service": [
                          "lambda.amazonaws.com"
                        ]
                      },
                      "Action": [
                        "sts:AssumeRole"
                      ]
                    }
                  ]
                },
                "Policies": [
                  {
                    "PolicyName": {
                      "Fn::Join": [
                        "-",
                        [
                          "edge-alb-prefix",
                          "dev",
                          "lambda"
                        ]
                      ]
                    },
                    "PolicyDocument": {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Effect": "Allow",
                          "Action": [
                            "logs:CreateLogStream",
                            "logs:CreateLogGroup",
                            "logs:TagResource"
                          ],
                          "Resource": [
                            {
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-alb-prefix-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-alb-prefix-dev*:*:*"
                            }
                          ]
                        }
                      ]
                    }
                  }
                ],
                "Path": "/",
                "RoleName": {
                  "Fn::Join": [
                    "-",
                    [
                      "edge-alb-prefix",
                      "dev",
                      {
                        "Ref": "AWS::Region"
                      },
                      "lambdaRole"
                    ]
                  ]
                }
              }
            },
            "ApiLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-alb-prefix/dev/1795451769622-2026-11-23T16:36:09.622Z/edge-alb-prefix.zip"
                },
                "Handler": "h.api",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-alb-prefix-dev-api",
                "MemorySize": 1024,
                "Timeout": 6,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "ApiLogGroup"
              ]
            },
            "ApiLambdaVersion4MdRjWDpibsKC5rq0hCk7YImkqWytiXkDC6B83xXu2M": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "ApiLambdaFunction"
                },
                "CodeSha256": "/aIPXx+4FrzphgYdBqEosfJGPiK74jaECDxoY3p7goY="
              }
            },
            "ApiAlbMultiValueTargetGroup50dc6c495c0c9188": {
              "Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
              "Properties": {
                "TargetType": "lambda",
                "Targets": [
                  {
                    "Id": {
                      "Fn::GetAtt": [
                        "ApiLambdaFunction",
                        "Arn"
                      ]
                    }
                  }
                ],
                "Name": "pre-aac449e40a9d927c1150e78aeb16",
                "Tags": [
                  {
                    "Key": "Name",
                    "Value": "edge-alb-prefix-api-50dc6c495c0c9188-dev"
                  }
                ],
                "TargetGroupAttributes": [
                  {
                    "Key": "lambda.multi_value_headers.enabled",
                    "Value": true
                  }
                ],
                "HealthCheckEnabled": false
              },
              "DependsOn": [
                "ApiLambdaPermissionRegisterTarget"
              ]
            },
            "ApiAlbTargetGroup50dc6c495c0c9188": {
              "Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
              "Properties": {
                "TargetType": "lambda",
                "Targets": [
                  {
                    "Id": {
                      "Fn::GetAtt": [
                        "ApiLambdaFunction",
                        "Arn"
                      ]
                    }
                  }
                ],
                "Name": "pre-949f6f0ee8d0b73352005658dac8",
                "Tags": [
                  {
                    "Key": "Name",
                    "Value": "edge-alb-prefix-api-50dc6c495c0c9188-dev"
                  }
                ],
                "TargetGroupAttributes": [
                  {
                    "Key": "lambda.multi_value_headers.enabled",
                    "Value": false
                  }
                ],
                "HealthCheckEnabled": false
              },
              "DependsOn": [
                "ApiLambdaPermissionRegisterTarget"
              ]
            },
            "ApiAlbListenerRule10": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "ApiAlbMultiValueTargetGroup50dc6c495c0c9188"
                    }
                  }
                ],
                "Conditions": [
                  {
                    "Field": "path-pattern",
                    "Values": [
                      "/api"
                    ]
                  }
                ],
                "ListenerArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2",
                "Priority": 10
              }
            },
            "ApiAlbListenerRule11": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "ApiAlbTargetGroup50dc6c495c0c9188"
                    }
                  }
                ],
                "Conditions": [
                  {
                    "Field": "path-pattern",
                    "Values": [
                      "/api2"
                    ]
                  }
                ],
                "ListenerArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2",
                "Priority": 11
              }
            },
            "ApiLambdaPermissionAlb": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "ApiLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com",
                "SourceArn": {
                  "Ref": "ApiAlbTargetGroup50dc6c495c0c9188"
                }
              }
            },
            "ApiLambdaPermissionRegisterTarget": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "ApiLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com"
              }
            }
          },
          "Outputs": {
            "ServerlessDeploymentBucketName": {
              "Value": {
                "Ref": "ServerlessDeploymentBucket"
              },
              "Export": {
                "Name": "sls-edge-alb-prefix-dev-ServerlessDeploymentBucketName"
              }
            },
            "ApiLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "ApiLambdaVersion4MdRjWDpibsKC5rq0hCk7YImkqWytiXkDC6B83xXu2M"
              },
              "Export": {
                "Name": "sls-edge-alb-prefix-dev-ApiLambdaFunctionQualifiedArn"
              }
            }
          }
        }
        """;

    /// <summary>A SnapStart alias, a cognito authorizer with every setting, a falsy unhealthyThresholdCount, healthCheck: false, one Ref listener for two functions.</summary>
    public const string SnapStartAndRefListenerSpec = """
        service: edge-alb-more
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
          alb:
            authorizers:
              full:
                type: cognito
                userPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc
                userPoolClientId: client123
                userPoolDomain: my-domain
                onUnauthenticatedRequest: allow
                requestExtraParams:
                  display: page
                scope: openid email
                sessionCookieName: AWSELB
                sessionTimeout: 60
        functions:
          snap:
            handler: h.snap
            runtime: java21
            snapStart: true
            events:
              - alb:
                  listenerArn:
                    Ref: HttpListener
                  priority: 5
                  multiValueHeaders: true
                  authorizer: full
                  healthCheck:
                    intervalSeconds: 10
                    unhealthyThresholdCount: 0
                  conditions:
                    host: [a.example.com, '*.example.org']
                    query:
                      version: v1
                    ip: 192.168.0.0/16
          plain:
            handler: h.plain
            events:
              - alb:
                  listenerArn:
                    Ref: HttpListener
                  priority: 6
                  conditions:
                    path: /plain
              - alb:
                  listenerArn:
                    Ref: HttpListener
                  priority: 7
                  healthCheck: false
                  conditions:
                    path: /plain2
        resources:
          Resources:
            Lb:
              Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Properties:
                Subnets: [subnet-1, subnet-2]
            HttpListener:
              Type: AWS::ElasticLoadBalancingV2::Listener
              Properties:
                LoadBalancerArn: {Ref: Lb}
                Port: 80
                Protocol: HTTP
                DefaultActions:
                  - Type: fixed-response
                    FixedResponseConfig: {StatusCode: '404'}
        """;

    /// <summary>What Serverless Framework 3.40.0 <c>serverless package --stage dev --region us-east-1</c> made for <see cref="SnapStartAndRefListenerSpec"/>.</summary>
    public const string SnapStartAndRefListenerFramework = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "The AWS CloudFormation template for this Serverless application",
          "Resources": {
            "ServerlessDeploymentBucket": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketEncryption": {
                  "ServerSideEncryptionConfiguration": [
                    {
                      "ServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "AES256"
                      }
                    }
                  ]
                }
              }
            },
            "ServerlessDeploymentBucketPolicy": {
              "Type": "AWS::S3::BucketPolicy",
              "Properties": {
                "Bucket": {
                  "Ref": "ServerlessDeploymentBucket"
                },
                "PolicyDocument": {
                  "Statement": [
                    {
                      "Action": "s3:*",
                      "Effect": "Deny",
                      "Principal": "*",
                      "Resource": [
                        {
                          "Fn::Join": [
                            "",
                            [
                              "arn:",
                              {
                                "Ref": "AWS::Partition"
                              },
                              ":s3:::",
                              {
                                "Ref": "ServerlessDeploymentBucket"
                              },
                              "/*"
                            ]
                          ]
                        },
                        {
                          "Fn::Join": [
                            "",
                            [
                              "arn:",
                              {
                                "Ref": "AWS::Partition"
                              },
                              ":s3:::",
                              {
                                "Ref": "ServerlessDeploymentBucket"
                              }
                            ]
                          ]
                        }
                      ],
                      "Condition": {
                        "Bool": {
                          "aws:SecureTransport": false
                        }
                      }
                    }
                  ]
                }
              }
            },
            "SnapLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-alb-more-dev-snap"
              }
            },
            "PlainLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-alb-more-dev-plain"
              }
            },
            "IamRoleLambdaExecution": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {
                        "Service": [
                          "lambda.amazonaws.com"
                        ]
                      },
                      "Action": [
                        "sts:AssumeRole"
                      ]
                    }
                  ]
                },
                "Policies": [
                  {
                    "PolicyName": {
                      "Fn::Join": [
                        "-",
                        [
                          "edge-alb-more",
                          "dev",
                          "lambda"
                        ]
                      ]
                    },
                    "PolicyDocument": {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Effect": "Allow",
                          "Action": [
                            "logs:CreateLogStream",
                            "logs:CreateLogGroup",
                            "logs:TagResource"
                          ],
                          "Resource": [
                            {
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-alb-more-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-alb-more-dev*:*:*"
                            }
                          ]
                        }
                      ]
                    }
                  }
                ],
                "Path": "/",
                "RoleName": {
                  "Fn::Join": [
                    "-",
                    [
                      "edge-alb-more",
                      "dev",
                      {
                        "Ref": "AWS::Region"
                      },
                      "lambdaRole"
                    ]
                  ]
                }
              }
            },
            "SnapLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-alb-more/dev/1795452194323-2026-11-23T16:43:14.323Z/edge-alb-more.zip"
                },
                "Handler": "h.snap",
                "Runtime": "java21",
                "FunctionName": "edge-alb-more-dev-snap",
                "MemorySize": 1024,
                "Timeout": 6,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                },
                "SnapStart": {
                  "ApplyOn": "PublishedVersions"
                }
              },
              "DependsOn": [
                "SnapLogGroup"
              ]
            },
            "PlainLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-alb-more/dev/1795452194323-2026-11-23T16:43:14.323Z/edge-alb-more.zip"
                },
                "Handler": "h.plain",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-alb-more-dev-plain",
                "MemorySize": 1024,
                "Timeout": 6,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "PlainLogGroup"
              ]
            },
            "SnapLambdaVersionCjfEaQ0fxEvUjeZbrwAovfIY2xZXzNxdLs2lkWPg": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "SnapLambdaFunction"
                },
                "CodeSha256": "WYRdIloi/uwEwzDO/3bDhmgairAJ/1vvW4ZqMnyZlCk="
              }
            },
            "SnapSnapStartLambdaAlias": {
              "Type": "AWS::Lambda::Alias",
              "Properties": {
                "FunctionName": {
                  "Ref": "SnapLambdaFunction"
                },
                "FunctionVersion": {
                  "Fn::GetAtt": [
                    "SnapLambdaVersionCjfEaQ0fxEvUjeZbrwAovfIY2xZXzNxdLs2lkWPg",
                    "Version"
                  ]
                },
                "Name": "snapstart"
              },
              "DependsOn": "SnapLambdaFunction"
            },
            "PlainLambdaVersionPzFOanDYLN9SiKcRjoDpRvF3QjUYSP3mOQOh46bmvos": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "PlainLambdaFunction"
                },
                "CodeSha256": "WYRdIloi/uwEwzDO/3bDhmgairAJ/1vvW4ZqMnyZlCk="
              }
            },
            "SnapAlbMultiValueTargetGroupHttpListener": {
              "Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
              "Properties": {
                "TargetType": "lambda",
                "Targets": [
                  {
                    "Id": {
                      "Fn::Join": [
                        ":",
                        [
                          {
                            "Fn::GetAtt": [
                              "SnapLambdaFunction",
                              "Arn"
                            ]
                          },
                          "snapstart"
                        ]
                      ]
                    }
                  }
                ],
                "Name": "7ac94496cdb2ac5a67e5c161f50e772d",
                "Tags": [
                  {
                    "Key": "Name",
                    "Value": "edge-alb-more-snap-HttpListener-dev"
                  }
                ],
                "TargetGroupAttributes": [
                  {
                    "Key": "lambda.multi_value_headers.enabled",
                    "Value": true
                  }
                ],
                "HealthCheckEnabled": true,
                "HealthCheckPath": "/",
                "HealthCheckIntervalSeconds": 10,
                "HealthCheckTimeoutSeconds": 30,
                "HealthyThresholdCount": 5,
                "UnhealthyThresholdCount": 5,
                "Matcher": {
                  "HttpCode": "200"
                }
              },
              "DependsOn": [
                "SnapLambdaPermissionRegisterTarget",
                "SnapSnapStartLambdaAlias"
              ]
            },
            "PlainAlbTargetGroupHttpListener": {
              "Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
              "Properties": {
                "TargetType": "lambda",
                "Targets": [
                  {
                    "Id": {
                      "Fn::GetAtt": [
                        "PlainLambdaFunction",
                        "Arn"
                      ]
                    }
                  }
                ],
                "Name": "69810b2a0010000123790145dee92729",
                "Tags": [
                  {
                    "Key": "Name",
                    "Value": "edge-alb-more-plain-HttpListener-dev"
                  }
                ],
                "TargetGroupAttributes": [
                  {
                    "Key": "lambda.multi_value_headers.enabled",
                    "Value": false
                  }
                ],
                "HealthCheckEnabled": false
              },
              "DependsOn": [
                "PlainLambdaPermissionRegisterTarget"
              ]
            },
            "SnapAlbListenerRule5": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "authenticate-cognito",
                    "Order": 1,
                    "AuthenticateCognitoConfig": {
                      "UserPoolArn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
                      "UserPoolClientId": "client123",
                      "UserPoolDomain": "my-domain",
                      "OnUnauthenticatedRequest": "allow",
                      "AuthenticationRequestExtraParams": {
                        "display": "page"
                      },
                      "Scope": "openid email",
                      "SessionCookieName": "AWSELB",
                      "SessionTimeout": 60
                    }
                  },
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "SnapAlbMultiValueTargetGroupHttpListener"
                    },
                    "Order": 2
                  }
                ],
                "Conditions": [
                  {
                    "Field": "host-header",
                    "HostHeaderConfig": {
                      "Values": [
                        "a.example.com",
                        "*.example.org"
                      ]
                    }
                  },
                  {
                    "Field": "query-string",
                    "QueryStringConfig": {
                      "Values": [
                        {
                          "Key": "version",
                          "Value": "v1"
                        }
                      ]
                    }
                  },
                  {
                    "Field": "source-ip",
                    "SourceIpConfig": {
                      "Values": [
                        "192.168.0.0/16"
                      ]
                    }
                  }
                ],
                "ListenerArn": {
                  "Ref": "HttpListener"
                },
                "Priority": 5
              }
            },
            "PlainAlbListenerRule6": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "PlainAlbTargetGroupHttpListener"
                    }
                  }
                ],
                "Conditions": [
                  {
                    "Field": "path-pattern",
                    "Values": [
                      "/plain"
                    ]
                  }
                ],
                "ListenerArn": {
                  "Ref": "HttpListener"
                },
                "Priority": 6
              }
            },
            "PlainAlbListenerRule7": {
              "Type": "AWS::ElasticLoadBalancingV2::ListenerRule",
              "Properties": {
                "Actions": [
                  {
                    "Type": "forward",
                    "TargetGroupArn": {
                      "Ref": "PlainAlbTargetGroupHttpListener"
                    }
                  }
                ],
                "Conditions": [
                  {
                    "Field": "path-pattern",
                    "Values": [
                      "/plain2"
                    ]
                  }
                ],
                "ListenerArn": {
                  "Ref": "HttpListener"
                },
                "Priority": 7
              }
            },
            "SnapLambdaPermissionAlb": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::Join": [
                    ":",
                    [
                      {
                        "Fn::GetAtt": [
                          "SnapLambdaFunction",
                          "Arn"
                        ]
                      },
                      "snapstart"
                    ]
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com",
                "SourceArn": {
                  "Ref": "SnapAlbMultiValueTargetGroupHttpListener"
                }
              },
              "DependsOn": [
                "SnapSnapStartLambdaAlias"
              ]
            },
            "SnapLambdaPermissionRegisterTarget": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::Join": [
                    ":",
                    [
                      {
                        "Fn::GetAtt": [
                          "SnapLambdaFunction",
                          "Arn"
                        ]
                      },
                      "snapstart"
                    ]
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com"
              },
              "DependsOn": [
                "SnapSnapStartLambdaAlias"
              ]
            },
            "PlainLambdaPermissionAlb": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "PlainLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com",
                "SourceArn": {
                  "Ref": "PlainAlbTargetGroupHttpListener"
                }
              }
            },
            "PlainLambdaPermissionRegisterTarget": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "PlainLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "elasticloadbalancing.amazonaws.com"
              }
            },
            "Lb": {
              "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
              "Properties": {
                "Subnets": [
                  "subnet-1",
                  "subnet-2"
                ]
              }
            },
            "HttpListener": {
              "Type": "AWS::ElasticLoadBalancingV2::Listener",
              "Properties": {
                "LoadBalancerArn": {
                  "Ref": "Lb"
                },
                "Port": 80,
                "Protocol": "HTTP",
                "DefaultActions": [
                  {
                    "Type": "fixed-response",
                    "FixedResponseConfig": {
                      "StatusCode": "404"
                    }
                  }
                ]
              }
            }
          },
          "Outputs": {
            "ServerlessDeploymentBucketName": {
              "Value": {
                "Ref": "ServerlessDeploymentBucket"
              },
              "Export": {
                "Name": "sls-edge-alb-more-dev-ServerlessDeploymentBucketName"
              }
            },
            "SnapLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "SnapLambdaVersionCjfEaQ0fxEvUjeZbrwAovfIY2xZXzNxdLs2lkWPg"
              },
              "Export": {
                "Name": "sls-edge-alb-more-dev-SnapLambdaFunctionQualifiedArn"
              }
            },
            "PlainLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "PlainLambdaVersionPzFOanDYLN9SiKcRjoDpRvF3QjUYSP3mOQOh46bmvos"
              },
              "Export": {
                "Name": "sls-edge-alb-more-dev-PlainLambdaFunctionQualifiedArn"
              }
            }
          }
        }
        """;

    /// <summary>Every shape by name: its spec and the Framework's template.</summary>
    public static readonly IReadOnlyDictionary<string, (string Spec, string Framework)> Shapes =
        new Dictionary<string, (string Spec, string Framework)>(StringComparer.Ordinal)
        {
            ["Full"] = (FullSpec, FullFramework),
            ["Prefix"] = (PrefixSpec, PrefixFramework),
            ["SnapStartAndRefListener"] = (SnapStartAndRefListenerSpec, SnapStartAndRefListenerFramework),
        };
}
