namespace Spec.Tests.Backends.Events;

/// <summary>
/// Services with cloudFront (Lambda@Edge) events and the full templates Serverless Framework 3.40.0 <c>serverless package</c> made for them.
/// </summary>
internal static class CloudFrontFixture
{
    /// <summary>One viewer-request event with a URI origin; provider memorySize and environment that Lambda@Edge drops.</summary>
    public const string SimpleSpec = """
        service: edge-cf-simple
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
          memorySize: 512
          environment:
            A: b
        functions:
          edge:
            handler: h.edge
            events:
              - cloudFront:
                  eventType: viewer-request
                  origin: https://example.com/files
        """;

    /// <summary>What Serverless Framework 3.40.0 <c>serverless package --stage dev --region us-east-1</c> made for <see cref="SimpleSpec"/>.</summary>
    public const string SimpleFramework = """
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
            "EdgeLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-cf-simple-dev-edge"
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
                          "lambda.amazonaws.com",
                          "edgelambda.amazonaws.com"
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
                          "edge-cf-simple",
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-cf-simple-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-cf-simple-dev*:*:*"
                            }
                          ]
                        },
                        {
                          "Effect": "Allow",
                          "Action": [
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents",
                            "logs:TagResource"
                          ],
                          "Resource": [
                            {
                              "Fn::Sub": "arn:${AWS::Partition}:logs:*:*:*"
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
                      "edge-cf-simple",
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
            "EdgeLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-cf-simple/dev/1795451777641-2026-11-23T16:36:17.641Z/edge-cf-simple.zip"
                },
                "Handler": "h.edge",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-cf-simple-dev-edge",
                "MemorySize": 128,
                "Timeout": 5,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "EdgeLogGroup"
              ],
              "DeletionPolicy": "Retain"
            },
            "EdgeLambdaVersionO1QzSqDRpU9gthTqipWtTMNgu0oOWp9ZEWEUFHxvlw": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "EdgeLambdaFunction"
                },
                "CodeSha256": "0zSjIzCO2bHP5OsRHejPMy7H0WKsQJMhSTti3ToXBRQ="
              }
            },
            "EdgeLambdaFunctionInvokePermission": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Ref": "EdgeLambdaVersionO1QzSqDRpU9gthTqipWtTMNgu0oOWp9ZEWEUFHxvlw"
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "edgelambda.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    "",
                    [
                      "",
                      "arn:",
                      {
                        "Ref": "AWS::Partition"
                      },
                      ":cloudfront::",
                      {
                        "Ref": "AWS::AccountId"
                      },
                      ":distribution/",
                      {
                        "Ref": "CloudFrontDistribution"
                      }
                    ]
                  ]
                }
              }
            },
            "CloudFrontDistribution": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Comment": "edge-cf-simple dev",
                  "Enabled": true,
                  "DefaultCacheBehavior": {
                    "ViewerProtocolPolicy": "allow-all",
                    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                    "TargetOriginId": "custom/example.com/files",
                    "LambdaFunctionAssociations": [
                      {
                        "EventType": "viewer-request",
                        "LambdaFunctionARN": {
                          "Ref": "EdgeLambdaVersionO1QzSqDRpU9gthTqipWtTMNgu0oOWp9ZEWEUFHxvlw"
                        }
                      }
                    ]
                  },
                  "Origins": [
                    {
                      "DomainName": "example.com",
                      "OriginPath": "/files",
                      "CustomOriginConfig": {
                        "OriginProtocolPolicy": "match-viewer"
                      },
                      "Id": "custom/example.com/files"
                    }
                  ]
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
                "Name": "sls-edge-cf-simple-dev-ServerlessDeploymentBucketName"
              }
            },
            "EdgeLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "EdgeLambdaVersionO1QzSqDRpU9gthTqipWtTMNgu0oOWp9ZEWEUFHxvlw"
              },
              "Export": {
                "Name": "sls-edge-cf-simple-dev-EdgeLambdaFunctionQualifiedArn"
              }
            },
            "CloudFrontDistribution": {
              "Description": "CloudFront Distribution Id",
              "Value": {
                "Ref": "CloudFrontDistribution"
              },
              "Export": {
                "Name": "sls-edge-cf-simple-dev-CloudFrontDistribution"
              }
            },
            "CloudFrontDistributionDomainName": {
              "Description": "CloudFront Distribution Domain Name",
              "Value": {
                "Fn::GetAtt": [
                  "CloudFrontDistribution",
                  "DomainName"
                ]
              },
              "Export": {
                "Name": "sls-edge-cf-simple-dev-CloudFrontDistributionDomainName"
              }
            }
          }
        }
        """;

    /// <summary>Cache policies, S3 and custom origins (string and object), behaviors, includeBody, cachePolicy by name and by id, a VPC function.</summary>
    public const string FullSpec = """
        service: edge-cf
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
          cloudFront:
            cachePolicies:
              myPolicy:
                Comment: my policy
                DefaultTTL: 60
                MaxTTL: 120
                MinTTL: 1
                ParametersInCacheKeyAndForwardedToOrigin:
                  CookiesConfig: {CookieBehavior: none}
                  EnableAcceptEncodingGzip: true
                  HeadersConfig: {HeaderBehavior: none}
                  QueryStringsConfig: {QueryStringBehavior: none}
        functions:
          viewer:
            handler: h.viewer
            vpc:
              securityGroupIds: [sg-1]
              subnetIds: [subnet-1]
            environment:
              X: y
            events:
              - cloudFront:
                  eventType: viewer-request
                  origin: s3://mybucket.s3.amazonaws.com/static
                  isDefaultOrigin: true
                  cachePolicy:
                    name: myPolicy
              - cloudFront:
                  eventType: viewer-response
                  origin: s3://mybucket.s3.amazonaws.com/static
                  pathPattern: /images/*
                  behavior:
                    AllowedMethods: [GET, HEAD, OPTIONS]
                    CachedMethods: [GET, HEAD, OPTIONS]
                    Compress: true
          origin_fn:
            handler: h.origin
            memorySize: 1024
            timeout: 20
            events:
              - cloudFront:
                  eventType: origin-request
                  includeBody: true
                  pathPattern: /api/*
                  origin:
                    DomainName: api.example.com
                    OriginPath: /v1
                    CustomOriginConfig:
                      OriginProtocolPolicy: https-only
                  behavior:
                    ViewerProtocolPolicy: redirect-to-https
                    ForwardedValues:
                      QueryString: true
              - cloudFront:
                  eventType: origin-response
                  pathPattern: /legacy/*
                  origin: https://legacy.example.com
                  cachePolicy:
                    id: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
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
            "ViewerLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-cf-dev-viewer"
              }
            },
            "OriginUnderscorefnLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-cf-dev-origin_fn"
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
                          "lambda.amazonaws.com",
                          "edgelambda.amazonaws.com"
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
                          "edge-cf",
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-cf-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-cf-dev*:*:*"
                            }
                          ]
                        },
                        {
                          "Effect": "Allow",
                          "Action": [
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents",
                            "logs:TagResource"
                          ],
                          "Resource": [
                            {
                              "Fn::Sub": "arn:${AWS::Partition}:logs:*:*:*"
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
                      "edge-cf",
                      "dev",
                      {
                        "Ref": "AWS::Region"
                      },
                      "lambdaRole"
                    ]
                  ]
                },
                "ManagedPolicyArns": [
                  {
                    "Fn::Join": [
                      "",
                      [
                        "arn:",
                        {
                          "Ref": "AWS::Partition"
                        },
                        ":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
                      ]
                    ]
                  }
                ]
              }
            },
            "ViewerLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-cf/dev/1795451785186-2026-11-23T16:36:25.186Z/edge-cf.zip"
                },
                "Handler": "h.viewer",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-cf-dev-viewer",
                "MemorySize": 128,
                "Timeout": 5,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "ViewerLogGroup"
              ],
              "DeletionPolicy": "Retain"
            },
            "OriginUnderscorefnLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-cf/dev/1795451785186-2026-11-23T16:36:25.186Z/edge-cf.zip"
                },
                "Handler": "h.origin",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-cf-dev-origin_fn",
                "MemorySize": 1024,
                "Timeout": 20,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "OriginUnderscorefnLogGroup"
              ],
              "DeletionPolicy": "Retain"
            },
            "ViewerLambdaVersion7fk1nbS1uA39buO6dqE0eK1kK76HRJ9cfmUEwV9AygM": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "ViewerLambdaFunction"
                },
                "CodeSha256": "qQ+GPtRgXvrSxe+JTo9YI2jKpC00wmjzS6K1QQ3qxBQ="
              }
            },
            "OriginUnderscorefnLambdaVersionAfjfVty39QDbJsxzkxDC3HR9bnhH18IjPRFpkDjE": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "OriginUnderscorefnLambdaFunction"
                },
                "CodeSha256": "qQ+GPtRgXvrSxe+JTo9YI2jKpC00wmjzS6K1QQ3qxBQ="
              }
            },
            "CloudFrontCachePolicyMyPolicy": {
              "Type": "AWS::CloudFront::CachePolicy",
              "Properties": {
                "CachePolicyConfig": {
                  "Comment": "my policy",
                  "DefaultTTL": 60,
                  "MaxTTL": 120,
                  "MinTTL": 1,
                  "ParametersInCacheKeyAndForwardedToOrigin": {
                    "CookiesConfig": {
                      "CookieBehavior": "none"
                    },
                    "EnableAcceptEncodingGzip": true,
                    "HeadersConfig": {
                      "HeaderBehavior": "none"
                    },
                    "QueryStringsConfig": {
                      "QueryStringBehavior": "none"
                    }
                  },
                  "Name": "edge-cf-dev-myPolicy"
                }
              }
            },
            "ViewerLambdaFunctionInvokePermission": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Ref": "ViewerLambdaVersion7fk1nbS1uA39buO6dqE0eK1kK76HRJ9cfmUEwV9AygM"
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "edgelambda.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    "",
                    [
                      "",
                      "arn:",
                      {
                        "Ref": "AWS::Partition"
                      },
                      ":cloudfront::",
                      {
                        "Ref": "AWS::AccountId"
                      },
                      ":distribution/",
                      {
                        "Ref": "CloudFrontDistribution"
                      }
                    ]
                  ]
                }
              }
            },
            "OriginUnderscorefnLambdaFunctionInvokePermission": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Ref": "OriginUnderscorefnLambdaVersionAfjfVty39QDbJsxzkxDC3HR9bnhH18IjPRFpkDjE"
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "edgelambda.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    "",
                    [
                      "",
                      "arn:",
                      {
                        "Ref": "AWS::Partition"
                      },
                      ":cloudfront::",
                      {
                        "Ref": "AWS::AccountId"
                      },
                      ":distribution/",
                      {
                        "Ref": "CloudFrontDistribution"
                      }
                    ]
                  ]
                }
              }
            },
            "CloudFrontDistribution": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Comment": "edge-cf dev",
                  "Enabled": true,
                  "DefaultCacheBehavior": {
                    "ViewerProtocolPolicy": "allow-all",
                    "CachePolicyId": {
                      "Ref": "CloudFrontCachePolicyMyPolicy"
                    },
                    "TargetOriginId": "s3/mybucket.s3.amazonaws.com/static",
                    "LambdaFunctionAssociations": [
                      {
                        "EventType": "viewer-request",
                        "LambdaFunctionARN": {
                          "Ref": "ViewerLambdaVersion7fk1nbS1uA39buO6dqE0eK1kK76HRJ9cfmUEwV9AygM"
                        }
                      }
                    ]
                  },
                  "Origins": [
                    {
                      "DomainName": "mybucket.s3.amazonaws.com",
                      "OriginPath": "/static",
                      "S3OriginConfig": {},
                      "Id": "s3/mybucket.s3.amazonaws.com/static"
                    },
                    {
                      "DomainName": "api.example.com",
                      "OriginPath": "/v1",
                      "CustomOriginConfig": {
                        "OriginProtocolPolicy": "https-only"
                      },
                      "Id": "custom/api.example.com/v1"
                    },
                    {
                      "DomainName": "legacy.example.com",
                      "CustomOriginConfig": {
                        "OriginProtocolPolicy": "match-viewer"
                      },
                      "Id": "custom/legacy.example.com"
                    }
                  ],
                  "CacheBehaviors": [
                    {
                      "ViewerProtocolPolicy": "allow-all",
                      "AllowedMethods": [
                        "GET",
                        "HEAD",
                        "OPTIONS"
                      ],
                      "CachedMethods": [
                        "GET",
                        "HEAD",
                        "OPTIONS"
                      ],
                      "Compress": true,
                      "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                      "TargetOriginId": "s3/mybucket.s3.amazonaws.com/static",
                      "LambdaFunctionAssociations": [
                        {
                          "EventType": "viewer-response",
                          "LambdaFunctionARN": {
                            "Ref": "ViewerLambdaVersion7fk1nbS1uA39buO6dqE0eK1kK76HRJ9cfmUEwV9AygM"
                          }
                        }
                      ],
                      "PathPattern": "/images/*"
                    },
                    {
                      "ViewerProtocolPolicy": "redirect-to-https",
                      "ForwardedValues": {
                        "QueryString": true
                      },
                      "TargetOriginId": "custom/api.example.com/v1",
                      "LambdaFunctionAssociations": [
                        {
                          "EventType": "origin-request",
                          "LambdaFunctionARN": {
                            "Ref": "OriginUnderscorefnLambdaVersionAfjfVty39QDbJsxzkxDC3HR9bnhH18IjPRFpkDjE"
                          },
                          "IncludeBody": true
                        }
                      ],
                      "PathPattern": "/api/*"
                    },
                    {
                      "ViewerProtocolPolicy": "allow-all",
                      "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                      "TargetOriginId": "custom/legacy.example.com",
                      "LambdaFunctionAssociations": [
                        {
                          "EventType": "origin-response",
                          "LambdaFunctionARN": {
                            "Ref": "OriginUnderscorefnLambdaVersionAfjfVty39QDbJsxzkxDC3HR9bnhH18IjPRFpkDjE"
                          }
                        }
                      ],
                      "PathPattern": "/legacy/*"
                    }
                  ]
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
                "Name": "sls-edge-cf-dev-ServerlessDeploymentBucketName"
              }
            },
            "ViewerLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "ViewerLambdaVersion7fk1nbS1uA39buO6dqE0eK1kK76HRJ9cfmUEwV9AygM"
              },
              "Export": {
                "Name": "sls-edge-cf-dev-ViewerLambdaFunctionQualifiedArn"
              }
            },
            "OriginUnderscorefnLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "OriginUnderscorefnLambdaVersionAfjfVty39QDbJsxzkxDC3HR9bnhH18IjPRFpkDjE"
              },
              "Export": {
                "Name": "sls-edge-cf-dev-OriginUnderscorefnLambdaFunctionQualifiedArn"
              }
            },
            "CloudFrontDistribution": {
              "Description": "CloudFront Distribution Id",
              "Value": {
                "Ref": "CloudFrontDistribution"
              },
              "Export": {
                "Name": "sls-edge-cf-dev-CloudFrontDistribution"
              }
            },
            "CloudFrontDistributionDomainName": {
              "Description": "CloudFront Distribution Domain Name",
              "Value": {
                "Fn::GetAtt": [
                  "CloudFrontDistribution",
                  "DomainName"
                ]
              },
              "Export": {
                "Name": "sls-edge-cf-dev-CloudFrontDistributionDomainName"
              }
            }
          }
        }
        """;

    /// <summary>Two events on one pathPattern (the default behavior is derived), an sqs event and IAM statements before the edge logs statement.</summary>
    public const string PathOnlySpec = """
        service: edge-cf-path
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: '*'
        functions:
          only:
            handler: h.only
            events:
              - sqs: arn:aws:sqs:us-east-1:123456789012:q
              - cloudFront:
                  eventType: origin-request
                  pathPattern: /x/*
                  origin: http://example.org
              - cloudFront:
                  eventType: viewer-request
                  pathPattern: /x/*
                  origin: http://example.org
        """;

    /// <summary>What Serverless Framework 3.40.0 <c>serverless package --stage dev --region us-east-1</c> made for <see cref="PathOnlySpec"/>.</summary>
    public const string PathOnlyFramework = """
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
            "OnlyLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-cf-path-dev-only"
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
                          "lambda.amazonaws.com",
                          "edgelambda.amazonaws.com"
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
                          "edge-cf-path",
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-cf-path-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-cf-path-dev*:*:*"
                            }
                          ]
                        },
                        {
                          "Effect": "Allow",
                          "Action": [
                            "s3:GetObject"
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
                            "arn:aws:sqs:us-east-1:123456789012:q"
                          ]
                        },
                        {
                          "Effect": "Allow",
                          "Action": [
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents",
                            "logs:TagResource"
                          ],
                          "Resource": [
                            {
                              "Fn::Sub": "arn:${AWS::Partition}:logs:*:*:*"
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
                      "edge-cf-path",
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
            "OnlyLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-cf-path/dev/1795451792889-2026-11-23T16:36:32.889Z/edge-cf-path.zip"
                },
                "Handler": "h.only",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-cf-path-dev-only",
                "MemorySize": 128,
                "Timeout": 5,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "OnlyLogGroup"
              ],
              "DeletionPolicy": "Retain"
            },
            "OnlyLambdaVersion4qNU6PlzjTKMDEjlUaVUqE6o16sYzFm6v1qI9grxAA": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "OnlyLambdaFunction"
                },
                "CodeSha256": "jTPdWksNMOFPhHR1F90XJXoZlVT0GK/p9/E4taf7fcI="
              }
            },
            "OnlyEventSourceMappingSQSQ": {
              "Type": "AWS::Lambda::EventSourceMapping",
              "DependsOn": [
                "IamRoleLambdaExecution"
              ],
              "Properties": {
                "BatchSize": 10,
                "EventSourceArn": "arn:aws:sqs:us-east-1:123456789012:q",
                "FunctionName": {
                  "Fn::GetAtt": [
                    "OnlyLambdaFunction",
                    "Arn"
                  ]
                },
                "Enabled": true
              }
            },
            "OnlyLambdaFunctionInvokePermission": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Ref": "OnlyLambdaVersion4qNU6PlzjTKMDEjlUaVUqE6o16sYzFm6v1qI9grxAA"
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "edgelambda.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    "",
                    [
                      "",
                      "arn:",
                      {
                        "Ref": "AWS::Partition"
                      },
                      ":cloudfront::",
                      {
                        "Ref": "AWS::AccountId"
                      },
                      ":distribution/",
                      {
                        "Ref": "CloudFrontDistribution"
                      }
                    ]
                  ]
                }
              }
            },
            "CloudFrontDistribution": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Comment": "edge-cf-path dev",
                  "Enabled": true,
                  "DefaultCacheBehavior": {
                    "ViewerProtocolPolicy": "allow-all",
                    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                    "TargetOriginId": "custom/example.org"
                  },
                  "Origins": [
                    {
                      "DomainName": "example.org",
                      "CustomOriginConfig": {
                        "OriginProtocolPolicy": "match-viewer"
                      },
                      "Id": "custom/example.org"
                    }
                  ],
                  "CacheBehaviors": [
                    {
                      "ViewerProtocolPolicy": "allow-all",
                      "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                      "TargetOriginId": "custom/example.org",
                      "LambdaFunctionAssociations": [
                        {
                          "EventType": "origin-request",
                          "LambdaFunctionARN": {
                            "Ref": "OnlyLambdaVersion4qNU6PlzjTKMDEjlUaVUqE6o16sYzFm6v1qI9grxAA"
                          }
                        },
                        {
                          "EventType": "viewer-request",
                          "LambdaFunctionARN": {
                            "Ref": "OnlyLambdaVersion4qNU6PlzjTKMDEjlUaVUqE6o16sYzFm6v1qI9grxAA"
                          }
                        }
                      ],
                      "PathPattern": "/x/*"
                    }
                  ]
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
                "Name": "sls-edge-cf-path-dev-ServerlessDeploymentBucketName"
              }
            },
            "OnlyLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "OnlyLambdaVersion4qNU6PlzjTKMDEjlUaVUqE6o16sYzFm6v1qI9grxAA"
              },
              "Export": {
                "Name": "sls-edge-cf-path-dev-OnlyLambdaFunctionQualifiedArn"
              }
            },
            "CloudFrontDistribution": {
              "Description": "CloudFront Distribution Id",
              "Value": {
                "Ref": "CloudFrontDistribution"
              },
              "Export": {
                "Name": "sls-edge-cf-path-dev-CloudFrontDistribution"
              }
            },
            "CloudFrontDistributionDomainName": {
              "Description": "CloudFront Distribution Domain Name",
              "Value": {
                "Fn::GetAtt": [
                  "CloudFrontDistribution",
                  "DomainName"
                ]
              },
              "Export": {
                "Name": "sls-edge-cf-path-dev-CloudFrontDistributionDomainName"
              }
            }
          }
        }
        """;

    /// <summary>Two functions on one origin and behavior (origins and associations merge), versionFunctions: false overridden, a SnapStart alias, an origin DomainName from Fn::GetAtt, an event without eventType.</summary>
    public const string MergedSpec = """
        service: edge-cf-merge
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
          versionFunctions: false
          timeout: 3
        functions:
          first:
            handler: h.first
            events:
              - cloudFront:
                  eventType: viewer-request
                  origin:
                    DomainName: example.com
                    CustomOriginConfig:
                      OriginProtocolPolicy: https-only
                      OriginSSLProtocols: [TLSv1.2]
                    OriginCustomHeaders:
                      - HeaderName: X-Secret
                        HeaderValue: abc
                  behavior:
                    AllowedMethods: [GET, HEAD]
                    CachePolicyId: 08627262-05a9-4f76-9ded-b50ca2e3a84f
          second:
            handler: h.second
            snapStart: true
            runtime: java21
            events:
              - cloudFront:
                  eventType: origin-response
                  origin: https://example.com
                  behavior:
                    AllowedMethods: [GET, HEAD, OPTIONS]
                    Compress: true
              - cloudFront:
                  origin:
                    DomainName:
                      Fn::GetAtt: [AssetsBucket, RegionalDomainName]
                    S3OriginConfig: {}
                  pathPattern: /assets/*
                  behavior:
                    MinTTL: 0
        resources:
          Resources:
            AssetsBucket:
              Type: AWS::S3::Bucket
        """;

    /// <summary>What Serverless Framework 3.40.0 <c>serverless package --stage dev --region us-east-1</c> made for <see cref="MergedSpec"/>.</summary>
    public const string MergedFramework = """
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
            "FirstLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-cf-merge-dev-first"
              }
            },
            "SecondLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-cf-merge-dev-second"
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
                          "lambda.amazonaws.com",
                          "edgelambda.amazonaws.com"
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
                          "edge-cf-merge",
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-cf-merge-dev*:*"
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
                              "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/edge-cf-merge-dev*:*:*"
                            }
                          ]
                        },
                        {
                          "Effect": "Allow",
                          "Action": [
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents",
                            "logs:TagResource"
                          ],
                          "Resource": [
                            {
                              "Fn::Sub": "arn:${AWS::Partition}:logs:*:*:*"
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
                      "edge-cf-merge",
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
            "FirstLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-cf-merge/dev/1795452180901-2026-11-23T16:43:00.901Z/edge-cf-merge.zip"
                },
                "Handler": "h.first",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-cf-merge-dev-first",
                "MemorySize": 128,
                "Timeout": 5,
                "Role": {
                  "Fn::GetAtt": [
                    "IamRoleLambdaExecution",
                    "Arn"
                  ]
                }
              },
              "DependsOn": [
                "FirstLogGroup"
              ],
              "DeletionPolicy": "Retain"
            },
            "SecondLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-cf-merge/dev/1795452180901-2026-11-23T16:43:00.901Z/edge-cf-merge.zip"
                },
                "Handler": "h.second",
                "Runtime": "java21",
                "FunctionName": "edge-cf-merge-dev-second",
                "MemorySize": 128,
                "Timeout": 5,
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
                "SecondLogGroup"
              ],
              "DeletionPolicy": "Retain"
            },
            "FirstLambdaVersionjlaPzD3KFjXsaJ71DryeFpJQ2vQeYEHlD5PenTVlao": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "FirstLambdaFunction"
                },
                "CodeSha256": "r20EB5R2lGKY/gYB72lmt9MfT4Puo6g+EsSIRBNgWps="
              }
            },
            "SecondLambdaVersionzY1C4SSwHCUKflr5FAaGCRdH3T8IPEfyf4lJ7eV0zUE": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "SecondLambdaFunction"
                },
                "CodeSha256": "r20EB5R2lGKY/gYB72lmt9MfT4Puo6g+EsSIRBNgWps="
              }
            },
            "SecondSnapStartLambdaAlias": {
              "Type": "AWS::Lambda::Alias",
              "Properties": {
                "FunctionName": {
                  "Ref": "SecondLambdaFunction"
                },
                "FunctionVersion": {
                  "Fn::GetAtt": [
                    "SecondLambdaVersionzY1C4SSwHCUKflr5FAaGCRdH3T8IPEfyf4lJ7eV0zUE",
                    "Version"
                  ]
                },
                "Name": "snapstart"
              },
              "DependsOn": "SecondLambdaFunction"
            },
            "FirstLambdaFunctionInvokePermission": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Ref": "FirstLambdaVersionjlaPzD3KFjXsaJ71DryeFpJQ2vQeYEHlD5PenTVlao"
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "edgelambda.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    "",
                    [
                      "",
                      "arn:",
                      {
                        "Ref": "AWS::Partition"
                      },
                      ":cloudfront::",
                      {
                        "Ref": "AWS::AccountId"
                      },
                      ":distribution/",
                      {
                        "Ref": "CloudFrontDistribution"
                      }
                    ]
                  ]
                }
              }
            },
            "SecondLambdaFunctionInvokePermission": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Ref": "SecondLambdaVersionzY1C4SSwHCUKflr5FAaGCRdH3T8IPEfyf4lJ7eV0zUE"
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "edgelambda.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    "",
                    [
                      "",
                      "arn:",
                      {
                        "Ref": "AWS::Partition"
                      },
                      ":cloudfront::",
                      {
                        "Ref": "AWS::AccountId"
                      },
                      ":distribution/",
                      {
                        "Ref": "CloudFrontDistribution"
                      }
                    ]
                  ]
                }
              }
            },
            "CloudFrontDistribution": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Comment": "edge-cf-merge dev",
                  "Enabled": true,
                  "DefaultCacheBehavior": {
                    "ViewerProtocolPolicy": "allow-all",
                    "AllowedMethods": [
                      "GET",
                      "HEAD",
                      "OPTIONS"
                    ],
                    "CachePolicyId": "08627262-05a9-4f76-9ded-b50ca2e3a84f",
                    "TargetOriginId": "custom/example.com",
                    "LambdaFunctionAssociations": [
                      {
                        "EventType": "viewer-request",
                        "LambdaFunctionARN": {
                          "Ref": "FirstLambdaVersionjlaPzD3KFjXsaJ71DryeFpJQ2vQeYEHlD5PenTVlao"
                        }
                      },
                      {
                        "EventType": "origin-response",
                        "LambdaFunctionARN": {
                          "Ref": "SecondLambdaVersionzY1C4SSwHCUKflr5FAaGCRdH3T8IPEfyf4lJ7eV0zUE"
                        }
                      }
                    ],
                    "Compress": true
                  },
                  "Origins": [
                    {
                      "DomainName": "example.com",
                      "CustomOriginConfig": {
                        "OriginProtocolPolicy": "https-only",
                        "OriginSSLProtocols": [
                          "TLSv1.2"
                        ]
                      },
                      "OriginCustomHeaders": [
                        {
                          "HeaderName": "X-Secret",
                          "HeaderValue": "abc"
                        }
                      ],
                      "Id": "custom/example.com"
                    },
                    {
                      "DomainName": {
                        "Fn::GetAtt": [
                          "AssetsBucket",
                          "RegionalDomainName"
                        ]
                      },
                      "S3OriginConfig": {},
                      "Id": "s3/FnGetAttAssetsBucketRegionalDomainName"
                    }
                  ],
                  "CacheBehaviors": [
                    {
                      "ViewerProtocolPolicy": "allow-all",
                      "MinTTL": 0,
                      "TargetOriginId": "s3/FnGetAttAssetsBucketRegionalDomainName",
                      "LambdaFunctionAssociations": [
                        {
                          "LambdaFunctionARN": {
                            "Ref": "SecondLambdaVersionzY1C4SSwHCUKflr5FAaGCRdH3T8IPEfyf4lJ7eV0zUE"
                          }
                        }
                      ],
                      "PathPattern": "/assets/*"
                    }
                  ]
                }
              }
            },
            "AssetsBucket": {
              "Type": "AWS::S3::Bucket"
            }
          },
          "Outputs": {
            "ServerlessDeploymentBucketName": {
              "Value": {
                "Ref": "ServerlessDeploymentBucket"
              },
              "Export": {
                "Name": "sls-edge-cf-merge-dev-ServerlessDeploymentBucketName"
              }
            },
            "FirstLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "FirstLambdaVersionjlaPzD3KFjXsaJ71DryeFpJQ2vQeYEHlD5PenTVlao"
              },
              "Export": {
                "Name": "sls-edge-cf-merge-dev-FirstLambdaFunctionQualifiedArn"
              }
            },
            "SecondLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "SecondLambdaVersionzY1C4SSwHCUKflr5FAaGCRdH3T8IPEfyf4lJ7eV0zUE"
              },
              "Export": {
                "Name": "sls-edge-cf-merge-dev-SecondLambdaFunctionQualifiedArn"
              }
            },
            "CloudFrontDistribution": {
              "Description": "CloudFront Distribution Id",
              "Value": {
                "Ref": "CloudFrontDistribution"
              },
              "Export": {
                "Name": "sls-edge-cf-merge-dev-CloudFrontDistribution"
              }
            },
            "CloudFrontDistributionDomainName": {
              "Description": "CloudFront Distribution Domain Name",
              "Value": {
                "Fn::GetAtt": [
                  "CloudFrontDistribution",
                  "DomainName"
                ]
              },
              "Export": {
                "Name": "sls-edge-cf-merge-dev-CloudFrontDistributionDomainName"
              }
            }
          }
        }
        """;

    /// <summary>provider.iam.role names an existing role: no generated role to extend; only a pathPattern behavior.</summary>
    public const string ExistingRoleSpec = """
        service: edge-cf-role
        frameworkVersion: '3'
        provider:
          name: aws
          runtime: nodejs20.x
          iam:
            role: arn:aws:iam::123456789012:role/edge-role
        functions:
          edge:
            handler: h.edge
            timeout: 4
            events:
              - cloudFront:
                  eventType: viewer-response
                  origin: s3://bucket.s3.amazonaws.com
                  pathPattern: /a/*
        """;

    /// <summary>What Serverless Framework 3.40.0 <c>serverless package --stage dev --region us-east-1</c> made for <see cref="ExistingRoleSpec"/>.</summary>
    public const string ExistingRoleFramework = """
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
            "EdgeLogGroup": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/aws/lambda/edge-cf-role-dev-edge"
              }
            },
            "EdgeLambdaFunction": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": {
                  "S3Bucket": {
                    "Ref": "ServerlessDeploymentBucket"
                  },
                  "S3Key": "serverless/edge-cf-role/dev/1795452188021-2026-11-23T16:43:08.021Z/edge-cf-role.zip"
                },
                "Handler": "h.edge",
                "Runtime": "nodejs20.x",
                "FunctionName": "edge-cf-role-dev-edge",
                "MemorySize": 128,
                "Timeout": 4,
                "Role": "arn:aws:iam::123456789012:role/edge-role"
              },
              "DependsOn": [
                "EdgeLogGroup"
              ],
              "DeletionPolicy": "Retain"
            },
            "EdgeLambdaVersionVAz37nORVYHuxxLfaciPyDs4RCpjoPu7mCW2PLz8": {
              "Type": "AWS::Lambda::Version",
              "DeletionPolicy": "Retain",
              "Properties": {
                "FunctionName": {
                  "Ref": "EdgeLambdaFunction"
                },
                "CodeSha256": "tKZYPSypBpjBPNI8Eyyko8JcbLxAB/kSBMLbUK2U970="
              }
            },
            "EdgeLambdaFunctionInvokePermission": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Ref": "EdgeLambdaVersionVAz37nORVYHuxxLfaciPyDs4RCpjoPu7mCW2PLz8"
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "edgelambda.amazonaws.com",
                "SourceArn": {
                  "Fn::Join": [
                    "",
                    [
                      "",
                      "arn:",
                      {
                        "Ref": "AWS::Partition"
                      },
                      ":cloudfront::",
                      {
                        "Ref": "AWS::AccountId"
                      },
                      ":distribution/",
                      {
                        "Ref": "CloudFrontDistribution"
                      }
                    ]
                  ]
                }
              }
            },
            "CloudFrontDistribution": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Comment": "edge-cf-role dev",
                  "Enabled": true,
                  "DefaultCacheBehavior": {
                    "ViewerProtocolPolicy": "allow-all",
                    "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                    "TargetOriginId": "s3/bucket.s3.amazonaws.com"
                  },
                  "Origins": [
                    {
                      "DomainName": "bucket.s3.amazonaws.com",
                      "S3OriginConfig": {},
                      "Id": "s3/bucket.s3.amazonaws.com"
                    }
                  ],
                  "CacheBehaviors": [
                    {
                      "ViewerProtocolPolicy": "allow-all",
                      "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                      "TargetOriginId": "s3/bucket.s3.amazonaws.com",
                      "LambdaFunctionAssociations": [
                        {
                          "EventType": "viewer-response",
                          "LambdaFunctionARN": {
                            "Ref": "EdgeLambdaVersionVAz37nORVYHuxxLfaciPyDs4RCpjoPu7mCW2PLz8"
                          }
                        }
                      ],
                      "PathPattern": "/a/*"
                    }
                  ]
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
                "Name": "sls-edge-cf-role-dev-ServerlessDeploymentBucketName"
              }
            },
            "EdgeLambdaFunctionQualifiedArn": {
              "Description": "Current Lambda function version",
              "Value": {
                "Ref": "EdgeLambdaVersionVAz37nORVYHuxxLfaciPyDs4RCpjoPu7mCW2PLz8"
              },
              "Export": {
                "Name": "sls-edge-cf-role-dev-EdgeLambdaFunctionQualifiedArn"
              }
            },
            "CloudFrontDistribution": {
              "Description": "CloudFront Distribution Id",
              "Value": {
                "Ref": "CloudFrontDistribution"
              },
              "Export": {
                "Name": "sls-edge-cf-role-dev-CloudFrontDistribution"
              }
            },
            "CloudFrontDistributionDomainName": {
              "Description": "CloudFront Distribution Domain Name",
              "Value": {
                "Fn::GetAtt": [
                  "CloudFrontDistribution",
                  "DomainName"
                ]
              },
              "Export": {
                "Name": "sls-edge-cf-role-dev-CloudFrontDistributionDomainName"
              }
            }
          }
        }
        """;

    /// <summary>Every shape by name: its spec and the Framework's template.</summary>
    public static readonly IReadOnlyDictionary<string, (string Spec, string Framework)> Shapes =
        new Dictionary<string, (string Spec, string Framework)>(StringComparer.Ordinal)
        {
            ["Simple"] = (SimpleSpec, SimpleFramework),
            ["Full"] = (FullSpec, FullFramework),
            ["PathOnly"] = (PathOnlySpec, PathOnlyFramework),
            ["Merged"] = (MergedSpec, MergedFramework),
            ["ExistingRole"] = (ExistingRoleSpec, ExistingRoleFramework),
        };
}
