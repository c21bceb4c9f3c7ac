namespace Spec.Tests.Backends.Events;

/// <summary>
/// A service with two iotFleetProvisioning hooks (one disabled and named, one behind an alias) and the resources
/// Serverless Framework 3.40.0 <c>serverless package</c> made for them, in template order.
/// </summary>
internal static class IotFleetProvisioningFixture
{
    public const string Spec = """
        service: my-svc
        frameworkVersion: '3'
        provider: {name: aws, runtime: nodejs20.x}
        functions:
          hook:
            handler: h.a
            events:
              - iotFleetProvisioning:
                  templateBody:
                    Parameters: {SerialNumber: {Type: String}}
                    Resources:
                      thing: {Type: 'AWS::IoT::Thing', Properties: {ThingName: {Ref: SerialNumber}}}
                  provisioningRoleArn: arn:aws:iam::123456789012:role/provisioning-role
                  templateName: my-template
                  enabled: false
          other:
            handler: h.b
            provisionedConcurrency: 1
            events:
              - iotFleetProvisioning:
                  templateBody: {Resources: {}}
                  provisioningRoleArn: arn:aws:iam::123456789012:role/provisioning-role
        """;

    public const string FrameworkOutput = """
        {
          "Resources": {
            "HookIotProvisioningTemplate": {
              "Type": "AWS::IoT::ProvisioningTemplate",
              "Properties": {
                "Enabled": false,
                "PreProvisioningHook": {
                  "TargetArn": {
                    "Fn::GetAtt": [
                      "HookLambdaFunction",
                      "Arn"
                    ]
                  }
                },
                "ProvisioningRoleArn": "arn:aws:iam::123456789012:role/provisioning-role",
                "TemplateBody": "{\"Parameters\":{\"SerialNumber\":{\"Type\":\"String\"}},\"Resources\":{\"thing\":{\"Type\":\"AWS::IoT::Thing\",\"Properties\":{\"ThingName\":{\"Ref\":\"SerialNumber\"}}}}}",
                "TemplateName": "my-template"
              },
              "DependsOn": [
                "HookLambdaPermissionIotProvisioningTemplate"
              ]
            },
            "HookLambdaPermissionIotProvisioningTemplate": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": {
                  "Fn::GetAtt": [
                    "HookLambdaFunction",
                    "Arn"
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "iot.amazonaws.com"
              }
            },
            "OtherIotProvisioningTemplate": {
              "Type": "AWS::IoT::ProvisioningTemplate",
              "Properties": {
                "Enabled": true,
                "PreProvisioningHook": {
                  "TargetArn": {
                    "Fn::Join": [
                      ":",
                      [
                        {
                          "Fn::GetAtt": [
                            "OtherLambdaFunction",
                            "Arn"
                          ]
                        },
                        "provisioned"
                      ]
                    ]
                  }
                },
                "ProvisioningRoleArn": "arn:aws:iam::123456789012:role/provisioning-role",
                "TemplateBody": "{\"Resources\":{}}"
              },
              "DependsOn": [
                "OtherLambdaPermissionIotProvisioningTemplate",
                "OtherProvConcLambdaAlias"
              ]
            },
            "OtherLambdaPermissionIotProvisioningTemplate": {
              "Type": "AWS::Lambda::Permission",
              "DependsOn": "OtherProvConcLambdaAlias",
              "Properties": {
                "FunctionName": {
                  "Fn::Join": [
                    ":",
                    [
                      {
                        "Fn::GetAtt": [
                          "OtherLambdaFunction",
                          "Arn"
                        ]
                      },
                      "provisioned"
                    ]
                  ]
                },
                "Action": "lambda:InvokeFunction",
                "Principal": "iot.amazonaws.com"
              }
            }
          }
        }
        """;
}
