namespace Spec.Tests.Backends.Layers;

/// <summary>
/// Services with top-level <c>layers:</c> and the templates Serverless Framework 3.40.0 <c>serverless package</c> made
/// for them, with the layer zips it made. The Framework asks CloudFormation for the last deployed layer hash while it
/// packages; it ran offline with a local plugin (listed under <c>plugins:</c> in the packaged spec, left out here) that
/// answers <c>describeStacks</c> as for a stack that does not exist yet, which is what a first deployment sees
/// (<c>stub-describe-stacks.js</c> beside this file).
/// </summary>
internal static class LayersFixture
{
    /// <summary>Two layers from folders: one with every property, patterns and two allowed accounts; one retained.</summary>
    public const string FoldersSpec = """
        service: layer-svc
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
        layers:
          common:
            path: layers/common
            name: common-libs
            description: Shared code
            compatibleRuntimes: [nodejs20.x]
            compatibleArchitectures: [x86_64, arm64]
            licenseInfo: MIT
            allowedAccounts: ['123456789012', '*']
            package:
              patterns: ['!**/*.md']
          kept-layer:
            path: layers/kept
            retain: true
            allowedAccounts: ['210987654321']
        functions:
          hello:
            handler: handler.hello
            layers:
              - Ref: CommonLambdaLayer
        """;

    public const string FoldersTemplate = """
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
                "LogGroupName": "/aws/lambda/layer-svc-dev-hello"
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
                          "layer-svc",
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/layer-svc-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/layer-svc-dev*:*:*"
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
                      "layer-svc",
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
            "CommonLambdaLayer": {
              "Type": "AWS::Lambda::LayerVersion",
              "Properties": {
                "Content": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/layer-svc/dev/1795451897081-2026-11-23T16:38:17.081Z/common.zip"
                },
                "LayerName": "common-libs",
                "Description": "Shared code",
                "LicenseInfo": "MIT",
                "CompatibleRuntimes": [
                  "nodejs20.x"
                ],
                "CompatibleArchitectures": [
                  "x86_64",
                  "arm64"
                ]
              }
            },
            "Common123456789012LambdaLayerPermission": {
              "Type": "AWS::Lambda::LayerVersionPermission",
              "Properties": {
                "Action": "lambda:GetLayerVersion",
                "LayerVersionArn": {
                  "Ref": "CommonLambdaLayer"
                },
                "Principal": "123456789012"
              }
            },
            "CommonWildLambdaLayerPermission": {
              "Type": "AWS::Lambda::LayerVersionPermission",
              "Properties": {
                "Action": "lambda:GetLayerVersion",
                "LayerVersionArn": {
                  "Ref": "CommonLambdaLayer"
                },
                "Principal": "*"
              }
            },
            "KeptDashlayerLambdaLayeref6016ab78aaed1d7b222b246b692ee6df987107": {
              "Type": "AWS::Lambda::LayerVersion",
              "Properties": {
                "Content": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/layer-svc/dev/1795451897081-2026-11-23T16:38:17.081Z/kept-layer.zip"
                },
                "LayerName": "kept-layer"
              },
              "DeletionPolicy": "Retain"
            },
            "KeptDashlayer210987654321LambdaLayerPermissionef6016ab78aaed1d7b222b246b692ee6df987107": {
              "Type": "AWS::Lambda::LayerVersionPermission",
              "Properties": {
                "Action": "lambda:GetLayerVersion",
                "LayerVersionArn": {
                  "Ref": "KeptDashlayerLambdaLayeref6016ab78aaed1d7b222b246b692ee6df987107"
                },
                "Principal": "210987654321"
              },
              "DeletionPolicy": "Retain"
            },
            "HelloLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/layer-svc/dev/1795451897081-2026-11-23T16:38:17.081Z/layer-svc.zip"
                },
                "Handler": "handler.hello",
                "Runtime": "nodejs20.x",
                "FunctionName": "layer-svc-dev-hello",
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
                    "Ref": "CommonLambdaLayer"
                  }
                ]
              },
              "DependsOn": [
                "HelloLogGroup"
              ]
            },
            "HelloLambdaVersionFTXF6CeraTPGlhfDyWOxHWhiJlDOhSPnFKM0aeja8": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "HelloLambdaFunction"
                },
                "CodeSha256": "6VAn4fhDdCV0leZ9Ri8hyKZZcfkmosxFb1GQqH7ybuc="
              }
            }
          },
          "Outputs": {
            "ServerlessDeploymentBucketName": {
              "Value": {
                "Ref": "ServerlessDeploymentBucket"
              },
              "Export": {
                "Name": "sls-layer-svc-dev-ServerlessDeploymentBucketName"
              }
            },
            "CommonLambdaLayerQualifiedArn": {
              "Description": "Current Lambda layer version",
              "Value": {
                "Ref": "CommonLambdaLayer"
              },
              "Export": {
                "Name": "sls-layer-svc-dev-CommonLambdaLayerQualifiedArn"
              }
            },
            "CommonLambdaLayerHash": {
              "Description": "Current Lambda layer hash",
              "Value": "25dc4b18ea2a11bc878c32bd9d671e2e4e37ad84",
              "Export": {
                "Name": "sls-layer-svc-dev-CommonLambdaLayerHash"
              }
            },
            "CommonLambdaLayerS3Key": {
              "Description": "Current Lambda layer S3Key",
              "Value": "serverless/layer-svc/dev/1795451897081-2026-11-23T16:38:17.081Z/common.zip",
              "Export": {
                "Name": "sls-layer-svc-dev-CommonLambdaLayerS3Key"
              }
            },
            "KeptDashlayerLambdaLayerQualifiedArn": {
              "Description": "Current Lambda layer version",
              "Value": {
                "Ref": "KeptDashlayerLambdaLayeref6016ab78aaed1d7b222b246b692ee6df987107"
              },
              "Export": {
                "Name": "sls-layer-svc-dev-KeptDashlayerLambdaLayerQualifiedArn"
              }
            },
            "KeptDashlayerLambdaLayerHash": {
              "Description": "Current Lambda layer hash",
              "Value": "ef6016ab78aaed1d7b222b246b692ee6df987107",
              "Export": {
                "Name": "sls-layer-svc-dev-KeptDashlayerLambdaLayerHash"
              }
            },
            "KeptDashlayerLambdaLayerS3Key": {
              "Description": "Current Lambda layer S3Key",
              "Value": "serverless/layer-svc/dev/1795451897081-2026-11-23T16:38:17.081Z/kept-layer.zip",
              "Export": {
                "Name": "sls-layer-svc-dev-KeptDashlayerLambdaLayerS3Key"
              }
            },
            "HelloLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "HelloLambdaVersionFTXF6CeraTPGlhfDyWOxHWhiJlDOhSPnFKM0aeja8"
              },
              "Export": {
                "Name": "sls-layer-svc-dev-HelloLambdaFunctionQualifiedArn"
              }
            }
          }
        }
        """;

    /// <summary>The Framework's <c>common.zip</c> (layers/common without README.md) for <see cref="FoldersSpec"/>.</summary>
    public const string FoldersCommonZipBase64 = "UEsDBBQACAAIAAAAIQAAAAAAAAAAAAAAAAAgAAAAbm9kZWpzL25vZGVfbW9kdWxlcy9saWIvaW5kZXguanPLzU8pzUnVS60oyC8qKVawVTC05gIAUEsHCGGmtegWAAAAFAAAAFBLAQItAxQACAAIAAAAIQBhprXoFgAAABQAAAAgAAAAAAAAAAAAIACkgQAAAABub2RlanMvbm9kZV9tb2R1bGVzL2xpYi9pbmRleC5qc1BLBQYAAAAAAQABAE4AAABkAAAAAAA=";

    /// <summary>The Framework's <c>kept-layer.zip</c> for <see cref="FoldersSpec"/>.</summary>
    public const string FoldersKeptZipBase64 = "UEsDBBQACAAIAAAAIQAAAAAAAAAAAAAAAAALAAAAcHl0aG9uL3gucHmLULBVMOQCAFBLBwgNjFqMCAAAAAYAAABQSwECLQMUAAgACAAAACEADYxajAgAAAAGAAAACwAAAAAAAAAAACAApIEAAAAAcHl0aG9uL3gucHlQSwUGAAAAAAEAAQA5AAAAQQAAAAAA";

    /// <summary>
    /// A named deployment bucket, a layer from a prebuilt zip (<c>prebuilt/deps.zip</c>, the bytes of
    /// <see cref="FoldersCommonZipBase64"/>), a retained layer open to every account, and <c>provider.layers</c>.
    /// The Framework wrote the retained layer first: it adds each layer when its zip has been read, so the order of
    /// layers follows file reads; Spec keeps the order of <c>layers:</c> (key order is not compared).
    /// </summary>
    public const string PrebuiltSpec = """
        service: layer-svc2
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: python3.12
          deploymentBucket:
            name: my-artifacts-bucket
          layers:
            - Ref: DepsLambdaLayer
            - arn:aws:lambda:us-east-1:123456789012:layer:external:3
        package:
          patterns:
            - '!**/*.txt'
        layers:
          deps:
            package:
              artifact: prebuilt/deps.zip
            compatibleRuntimes: [python3.12]
          shared_tools:
            path: shared
            name: shared-tools-dev
            retain: true
            allowedAccounts: ['*']
        functions:
          api:
            handler: app.handler
          worker:
            handler: app.worker
            layers:
              - Ref: DepsLambdaLayer
        """;

    public const string PrebuiltTemplate = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "The AWS CloudFormation template for this Serverless application",
          "Resources": {
            "ApiLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/layer-svc2-dev-api"
              }
            },
            "WorkerLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/layer-svc2-dev-worker"
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
                          "layer-svc2",
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/layer-svc2-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/layer-svc2-dev*:*:*"
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
                      "layer-svc2",
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
            "SharedUnderscoretoolsLambdaLayer44b24f164cea83551ea511a65a9ba4f981b0184d": {
              "Type": "AWS::Lambda::LayerVersion",
              "Properties": {
                "Content": {
                  "S3Bucket": "my-artifacts-bucket",
                  "S3Key": "serverless/layer-svc2/dev/1795452208686-2026-11-23T16:43:28.686Z/shared_tools.zip"
                },
                "LayerName": "shared-tools-dev"
              },
              "DeletionPolicy": "Retain"
            },
            "SharedUnderscoretoolsWildLambdaLayerPermission44b24f164cea83551ea511a65a9ba4f981b0184d": {
              "Type": "AWS::Lambda::LayerVersionPermission",
              "Properties": {
                "Action": "lambda:GetLayerVersion",
                "LayerVersionArn": {
                  "Ref": "SharedUnderscoretoolsLambdaLayer44b24f164cea83551ea511a65a9ba4f981b0184d"
                },
                "Principal": "*"
              },
              "DeletionPolicy": "Retain"
            },
            "DepsLambdaLayer": {
              "Type": "AWS::Lambda::LayerVersion",
              "Properties": {
                "Content": {
                  "S3Bucket": "my-artifacts-bucket",
                  "S3Key": "serverless/layer-svc2/dev/1795452208686-2026-11-23T16:43:28.686Z/deps.zip"
                },
                "LayerName": "deps",
                "CompatibleRuntimes": [
                  "python3.12"
                ]
              }
            },
            "ApiLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": "my-artifacts-bucket",
                  "S3Key": "serverless/layer-svc2/dev/1795452208686-2026-11-23T16:43:28.686Z/layer-svc2.zip"
                },
                "Handler": "app.handler",
                "Runtime": "python3.12",
                "FunctionName": "layer-svc2-dev-api",
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
                    "Ref": "DepsLambdaLayer"
                  },
                  "arn:aws:lambda:us-east-1:123456789012:layer:external:3"
                ]
              },
              "DependsOn": [
                "ApiLogGroup"
              ]
            },
            "WorkerLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": "my-artifacts-bucket",
                  "S3Key": "serverless/layer-svc2/dev/1795452208686-2026-11-23T16:43:28.686Z/layer-svc2.zip"
                },
                "Handler": "app.worker",
                "Runtime": "python3.12",
                "FunctionName": "layer-svc2-dev-worker",
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
                    "Ref": "DepsLambdaLayer"
                  }
                ]
              },
              "DependsOn": [
                "WorkerLogGroup"
              ]
            },
            "ApiLambdaVersionrPFxyWmRJhffVFSKToRx7crzaDLJiZfGeNiwXSkSj04": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "ApiLambdaFunction"
                },
                "CodeSha256": "hDZOmf3WKzdBRUEyoh29/2Hn1jWauKoY7aGmpULXqaY="
              }
            },
            "WorkerLambdaVersionyGRsCiyaD3ZVKORwSlX0wsZsDJyVGzJmxVIIizVwY": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "WorkerLambdaFunction"
                },
                "CodeSha256": "hDZOmf3WKzdBRUEyoh29/2Hn1jWauKoY7aGmpULXqaY="
              }
            }
          },
          "Outputs": {
            "ServerlessDeploymentBucketName": {
              "Value": "my-artifacts-bucket",
              "Export": {
                "Name": "sls-layer-svc2-dev-ServerlessDeploymentBucketName"
              }
            },
            "SharedUnderscoretoolsLambdaLayerQualifiedArn": {
              "Description": "Current Lambda layer version",
              "Value": {
                "Ref": "SharedUnderscoretoolsLambdaLayer44b24f164cea83551ea511a65a9ba4f981b0184d"
              },
              "Export": {
                "Name": "sls-layer-svc2-dev-SharedUnderscoretoolsLambdaLayerQualifiedArn"
              }
            },
            "SharedUnderscoretoolsLambdaLayerHash": {
              "Description": "Current Lambda layer hash",
              "Value": "44b24f164cea83551ea511a65a9ba4f981b0184d",
              "Export": {
                "Name": "sls-layer-svc2-dev-SharedUnderscoretoolsLambdaLayerHash"
              }
            },
            "SharedUnderscoretoolsLambdaLayerS3Key": {
              "Description": "Current Lambda layer S3Key",
              "Value": "serverless/layer-svc2/dev/1795452208686-2026-11-23T16:43:28.686Z/shared_tools.zip",
              "Export": {
                "Name": "sls-layer-svc2-dev-SharedUnderscoretoolsLambdaLayerS3Key"
              }
            },
            "DepsLambdaLayerQualifiedArn": {
              "Description": "Current Lambda layer version",
              "Value": {
                "Ref": "DepsLambdaLayer"
              },
              "Export": {
                "Name": "sls-layer-svc2-dev-DepsLambdaLayerQualifiedArn"
              }
            },
            "DepsLambdaLayerHash": {
              "Description": "Current Lambda layer hash",
              "Value": "f833cadfae07555307f9b2ebc1fa1e4912be89b1",
              "Export": {
                "Name": "sls-layer-svc2-dev-DepsLambdaLayerHash"
              }
            },
            "DepsLambdaLayerS3Key": {
              "Description": "Current Lambda layer S3Key",
              "Value": "serverless/layer-svc2/dev/1795452208686-2026-11-23T16:43:28.686Z/deps.zip",
              "Export": {
                "Name": "sls-layer-svc2-dev-DepsLambdaLayerS3Key"
              }
            },
            "ApiLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "ApiLambdaVersionrPFxyWmRJhffVFSKToRx7crzaDLJiZfGeNiwXSkSj04"
              },
              "Export": {
                "Name": "sls-layer-svc2-dev-ApiLambdaFunctionQualifiedArn"
              }
            },
            "WorkerLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "WorkerLambdaVersionyGRsCiyaD3ZVKORwSlX0wsZsDJyVGzJmxVIIizVwY"
              },
              "Export": {
                "Name": "sls-layer-svc2-dev-WorkerLambdaFunctionQualifiedArn"
              }
            }
          }
        }
        """;

    /// <summary>The Framework's <c>shared_tools.zip</c> (shared/ without the *.txt the service patterns exclude).</summary>
    public const string PrebuiltSharedToolsZipBase64 = "UEsDBBQACAAIAAAAIQAAAAAAAAAAAAAAAAALAAAAYmluL3Rvb2wuc2hLTc7IV8jI5AIAUEsHCDNGrgoKAAAACAAAAFBLAQItAxQACAAIAAAAIQAzRq4KCgAAAAgAAAALAAAAAAAAAAAAIADtgQAAAABiaW4vdG9vbC5zaFBLBQYAAAAAAQABADkAAABDAAAAAAA=";
}
