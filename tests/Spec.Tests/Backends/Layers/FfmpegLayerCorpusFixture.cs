namespace Spec.Tests.Backends.Layers;

/// <summary>
/// The corpus's <c>sls-examples-raw/aws-ffmpeg-layer</c>, which the corpus could not hold as a packaged case (its layer
/// needs CloudFormation while packaging): what Serverless Framework 3.40.0 <c>serverless package --stage dev --region
/// us-east-1</c> made of it, run offline with <c>stub-describe-stacks.js</c> added as a plugin, <c>BUCKET</c> unset and a
/// one-file <c>layer/</c> folder (<c>layer/ffmpeg</c>, whose zip is <see cref="LayerZipBase64"/>).
/// </summary>
internal static class FfmpegLayerCorpusFixture
{
    public const string Template = """
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
            "MkgifLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/gifmaker-dev-mkgif"
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
                          "gifmaker",
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/gifmaker-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/gifmaker-dev*:*:*"
                            }
                          ]
                        },
                        {
                          "Effect": "Allow",
                          "Action": [
                            "s3:PutObject",
                            "s3:GetObject"
                          ],
                          "Resource": "arn:aws:s3:::ffmpeg-layer-gif-maker/*"
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
                      "gifmaker",
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
            "FfmpegLambdaLayer": {
              "Type": "AWS::Lambda::LayerVersion",
              "Properties": {
                "Content": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/gifmaker/dev/1795453954337-2026-11-23T17:12:34.337Z/ffmpeg.zip"
                },
                "LayerName": "ffmpeg"
              }
            },
            "MkgifLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/gifmaker/dev/1795453954337-2026-11-23T17:12:34.337Z/gifmaker.zip"
                },
                "Handler": "handler.mkgif",
                "Runtime": "nodejs12.x",
                "FunctionName": "gifmaker-dev-mkgif",
                "MemorySize": 1024,
                "Timeout": 6,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                },
                "Layers": [
                  {
                    "Ref": "FfmpegLambdaLayer"
                  }
                ]
              },
              "DependsOn": [
                "MkgifLogGroup"
              ]
            },
            "MkgifLambdaVersionppDixsvoqJDGgF2eXPj1qvh4MT3stRIUfZtl4XN78": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "MkgifLambdaFunction"
                },
                "CodeSha256": "iDCVEB5kCr+AGYE3gc0cb0tppSScTHim+qQE36t+v3g="
              }
            },
            "S3BucketFfmpeglayergifmaker": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketName": "ffmpeg-layer-gif-maker",
                "NotificationConfiguration": {
                  "LambdaConfigurations": [
                    {
                      "Event": "s3:ObjectCreated:*",
                      "Function": {
                        "Fn::GetAtt": [
                          "MkgifLambdaFunction",
                          "Arn"
                        ]
                      }
                    }
                  ]
                }
              },
              "DependsOn": [
                "MkgifLambdaPermissionFfmpeglayergifmakerS3"
              ]
            },
            "MkgifLambdaPermissionFfmpeglayergifmakerS3": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "MkgifLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "s3.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    "",
                    [
                      "arn:",
                      {
                        "Ref": "AWS::Partition"
                      },
                      ":s3:::ffmpeg-layer-gif-maker"
                    ]
                  ]
                },
                "SourceAccount": {
                  "Ref": "AWS::AccountId"
                }
              }
            }
          },
          "Outputs": {
            "ServerlessDeploymentBucketName": {
              "Value": {
                "Ref": "ServerlessDeploymentBucket"
              },
              "Export": {
                "Name": "sls-gifmaker-dev-ServerlessDeploymentBucketName"
              }
            },
            "FfmpegLambdaLayerQualifiedArn": {
              "Description": "Current Lambda layer version",
              "Value": {
                "Ref": "FfmpegLambdaLayer"
              },
              "Export": {
                "Name": "sls-gifmaker-dev-FfmpegLambdaLayerQualifiedArn"
              }
            },
            "FfmpegLambdaLayerHash": {
              "Description": "Current Lambda layer hash",
              "Value": "2c695621fc7bfe17db23c6f08ef8ee61bd5b3909",
              "Export": {
                "Name": "sls-gifmaker-dev-FfmpegLambdaLayerHash"
              }
            },
            "FfmpegLambdaLayerS3Key": {
              "Description": "Current Lambda layer S3Key",
              "Value": "serverless/gifmaker/dev/1795453954337-2026-11-23T17:12:34.337Z/ffmpeg.zip",
              "Export": {
                "Name": "sls-gifmaker-dev-FfmpegLambdaLayerS3Key"
              }
            },
            "MkgifLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "MkgifLambdaVersionppDixsvoqJDGgF2eXPj1qvh4MT3stRIUfZtl4XN78"
              },
              "Export": {
                "Name": "sls-gifmaker-dev-MkgifLambdaFunctionQualifiedArn"
              }
            }
          }
        }
        """;

    public const string LayerZipBase64 = "UEsDBBQACAAIAAAAIQAAAAAAAAAAAAAAAAAGAAAAZmZtcGVnS0vLLUhN103KzEssquQCAFBLBwibHsXxEAAAAA4AAABQSwECLQMUAAgACAAAACEAmx7F8RAAAAAOAAAABgAAAAAAAAAAACAApIEAAAAAZmZtcGVnUEsFBgAAAAABAAEANAAAAEQAAAAAAA==";
}
