namespace Spec.Tests.Backends.Events;

/// <summary>
/// A service with cognitoUserPool triggers (two pools, a custom sender with KMS, an alias) and the resources Serverless
/// Framework 3.40.0 <c>serverless package</c> made for them, in template order.
/// </summary>
internal static class CognitoUserPoolFixture
{
    public const string Spec = """
        service: my-svc
        frameworkVersion: '3'
        provider: {name: aws, runtime: nodejs20.x}
        functions:
          pre-signup:
            handler: h.a
            events:
              - cognitoUserPool: {pool: My Pool, trigger: PreSignUp}
              - cognitoUserPool: {pool: Other_pool, trigger: CustomMessage}
          sender:
            handler: h.b
            provisionedConcurrency: 1
            events:
              - cognitoUserPool: {pool: My Pool, trigger: CustomEmailSender, kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/abc'}
              - cognitoUserPool: {pool: My Pool, trigger: PostConfirmation}
        """;

    public const string FrameworkOutput = """
        {
          "Resources": {
            "CognitoUserPoolMyPool": {
              "Type": "AWS::Cognito::UserPool",
              "Properties": {
                "UserPoolName": "My Pool",
                "LambdaConfig": {
                  "PreSignUp": {
                    "Fn::GetAtt": [
                      "PreDashsignupLambdaFunction",
                      "Arn"
                    ]
                  },
                  "CustomEmailSender": {
                    "LambdaArn": {
                      "Fn::Join": [
                        ":",
                        [
                          {
                            "Fn::GetAtt": [
                              "SenderLambdaFunction",
                              "Arn"
                            ]
                          },
                          "provisioned"
                        ]
                      ]
                    },
                    "LambdaVersion": "V1_0"
                  },
                  "KMSKeyID": "arn:aws:kms:us-east-1:123456789012:key/abc",
                  "PostConfirmation": {
                    "Fn::Join": [
                      ":",
                      [
                        {
                          "Fn::GetAtt": [
                            "SenderLambdaFunction",
                            "Arn"
                          ]
                        },
                        "provisioned"
                      ]
                    ]
                  }
                }
              },
              "DependsOn": [
                "PreDashsignupLambdaFunction",
                "SenderProvConcLambdaAlias",
                "SenderProvConcLambdaAlias"
              ]
            },
            "CognitoUserPoolOtherpool": {
              "Type": "AWS::Cognito::UserPool",
              "Properties": {
                "UserPoolName": "Other_pool",
                "LambdaConfig": {
                  "CustomMessage": {
                    "Fn::GetAtt": [
                      "PreDashsignupLambdaFunction",
                      "Arn"
                    ]
                  }
                }
              },
              "DependsOn": [
                "PreDashsignupLambdaFunction"
              ]
            },
            "PreDashsignupLambdaPermissionCognitoUserPoolMyPoolTriggerSourcePreSignUp": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "PreDashsignupLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "cognito-idp.amazonaws.com",
                "SourceArn": {
                  "Fn::GetAtt": [
                    "CognitoUserPoolMyPool",
                    "Arn"
                  ]
                }
              }
            },
            "PreDashsignupLambdaPermissionCognitoUserPoolOtherpoolTriggerSourceCustomMessage": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "PreDashsignupLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "cognito-idp.amazonaws.com",
                "SourceArn": {
                  "Fn::GetAtt": [
                    "CognitoUserPoolOtherpool",
                    "Arn"
                  ]
                }
              }
            },
            "SenderLambdaPermissionCognitoUserPoolMyPoolTriggerSourceCustomEmailSender": {
              "Type": "AWS::Lambda::Permission",
              "DependsOn": "SenderProvConcLambdaAlias",
              "Properties": {
                "FunctionName": {
                  "Fn::Join": [
                    ":",
                    [
                      {
                        "Fn::GetAtt": [
                          "SenderLambdaFunction",
                          "Arn"
                        ]
                      },
                      "provisioned"
                    ]
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "cognito-idp.amazonaws.com",
                "SourceArn": {
                  "Fn::GetAtt": [
                    "CognitoUserPoolMyPool",
                    "Arn"
                  ]
                }
              }
            },
            "SenderLambdaPermissionCognitoUserPoolMyPoolTriggerSourcePostConfirmation": {
              "Type": "AWS::Lambda::Permission",
              "DependsOn": "SenderProvConcLambdaAlias",
              "Properties": {
                "FunctionName": {
                  "Fn::Join": [
                    ":",
                    [
                      {
                        "Fn::GetAtt": [
                          "SenderLambdaFunction",
                          "Arn"
                        ]
                      },
                      "provisioned"
                    ]
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "cognito-idp.amazonaws.com",
                "SourceArn": {
                  "Fn::GetAtt": [
                    "CognitoUserPoolMyPool",
                    "Arn"
                  ]
                }
              }
            }
          }
        }
        """;
}
