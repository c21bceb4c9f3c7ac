namespace Spec.Core.Print;

/// <summary>
/// The configuration schema of Serverless Framework 3.40.0 (MIT licence, serverless/serverless), as a live
/// <c>Serverless</c> instance holds it after the AWS provider and every core plugin have added their parts
/// (<c>serverless.configSchemaHandler.schema</c>, 58 definitions). Only <see cref="SchemaCoercion"/> reads it: it is
/// how <c>serverless print</c> learns which values Ajv coerces. Regenerate with a local plugin whose constructor
/// writes <c>JSON.stringify(serverless.configSchemaHandler.schema)</c>.
/// </summary>
internal static class FrameworkSchema
{
    public const string Json = """"
{
 "type": "object",
 "properties": {
  "configValidationMode": {
   "enum": [
    "error",
    "warn",
    "off"
   ]
  },
  "console": {
   "anyOf": [
    {
     "type": "boolean"
    },
    {
     "type": "object"
    }
   ]
  },
  "custom": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "dashboard": {
   "type": "object",
   "properties": {
    "disableMonitoring": {
     "type": "boolean"
    }
   },
   "additionalProperties": false
  },
  "deprecationNotificationMode": {
   "enum": [
    "error",
    "warn",
    "warn:summary"
   ]
  },
  "disabledDeprecations": {
   "anyOf": [
    {
     "const": "*"
    },
    {
     "type": "array",
     "items": {
      "$ref": "#/definitions/errorCode"
     }
    }
   ]
  },
  "frameworkVersion": {
   "type": "string"
  },
  "functions": {
   "type": "object",
   "patternProperties": {
    "^[a-zA-Z0-9-_]+$": {
     "type": "object",
     "properties": {
      "name": {
       "type": "string"
      },
      "events": {
       "type": "array",
       "items": {
        "anyOf": [
         {
          "type": "object",
          "properties": {
           "__schemaWorkaround__": {
            "const": null
           }
          },
          "required": [
           "__schemaWorkaround__"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "schedule": {
            "anyOf": [
             {
              "type": "string",
              "pattern": "^rate\\((?:1 (?:minute|hour|day)|(?:1\\d+|[2-9]\\d*) (?:minute|hour|day)s)\\)$|^cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\)$"
             },
             {
              "type": "object",
              "properties": {
               "rate": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "anyOf": [
                  {
                   "$ref": "#/definitions/awsCfFunction"
                  },
                  {
                   "type": "string",
                   "pattern": "^rate\\((?:1 (?:minute|hour|day)|(?:1\\d+|[2-9]\\d*) (?:minute|hour|day)s)\\)$|^cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\)$"
                  }
                 ]
                }
               },
               "enabled": {
                "type": "boolean"
               },
               "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 64,
                "pattern": "[\\.\\-_A-Za-z0-9]+"
               },
               "description": {
                "type": "string",
                "maxLength": 512
               },
               "input": {
                "anyOf": [
                 {
                  "type": "string",
                  "maxLength": 8192
                 },
                 {
                  "type": "object",
                  "oneOf": [
                   {
                    "properties": {
                     "body": {
                      "type": "string",
                      "maxLength": 8192
                     }
                    },
                    "required": [
                     "body"
                    ],
                    "additionalProperties": false
                   },
                   {
                    "not": {
                     "required": [
                      "body"
                     ]
                    }
                   }
                  ]
                 }
                ]
               },
               "inputPath": {
                "type": "string",
                "maxLength": 256
               },
               "inputTransformer": {
                "type": "object",
                "properties": {
                 "inputTemplate": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 8192
                 },
                 "inputPathsMap": {
                  "type": "object"
                 }
                },
                "required": [
                 "inputTemplate"
                ],
                "additionalProperties": false
               },
               "method": {
                "type": "string",
                "enum": [
                 "eventBus",
                 "scheduler"
                ]
               },
               "timezone": {
                "type": "string",
                "pattern": "[\\w\\-\\/]+"
               }
              },
              "required": [
               "rate"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "schedule"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "s3": {
            "anyOf": [
             {
              "type": "string"
             },
             {
              "type": "object",
              "properties": {
               "bucket": {
                "anyOf": [
                 {
                  "type": "string"
                 },
                 {
                  "$ref": "#/definitions/awsCfFunction"
                 },
                 {
                  "$ref": "#/definitions/awsCfIf"
                 }
                ]
               },
               "event": {
                "type": "string",
                "pattern": "^s3:.+$"
               },
               "existing": {
                "type": "boolean"
               },
               "forceDeploy": {
                "type": "boolean"
               },
               "rules": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "prefix": {
                   "anyOf": [
                    {
                     "type": "string"
                    },
                    {
                     "$ref": "#/definitions/awsCfFunction"
                    }
                   ]
                  },
                  "suffix": {
                   "anyOf": [
                    {
                     "type": "string"
                    },
                    {
                     "$ref": "#/definitions/awsCfFunction"
                    }
                   ]
                  }
                 },
                 "maxProperties": 1,
                 "additionalProperties": false
                }
               }
              },
              "required": [
               "bucket"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "s3"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "http": {
            "anyOf": [
             {
              "type": "string",
              "regexp": "/^(?:\\*|(GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE|ANY) (\\/\\S*))$/i"
             },
             {
              "type": "object",
              "properties": {
               "async": {
                "type": "boolean"
               },
               "authorizer": {
                "anyOf": [
                 {
                  "type": "string"
                 },
                 {
                  "type": "object",
                  "properties": {
                   "arn": {
                    "$ref": "#/definitions/awsArn"
                   },
                   "authorizerId": {
                    "$ref": "#/definitions/awsCfInstruction"
                   },
                   "claims": {
                    "type": "array",
                    "items": {
                     "type": "string"
                    }
                   },
                   "identitySource": {
                    "type": "string"
                   },
                   "identityValidationExpression": {
                    "type": "string"
                   },
                   "managedExternally": {
                    "type": "boolean"
                   },
                   "name": {
                    "type": "string"
                   },
                   "resultTtlInSeconds": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 3600
                   },
                   "scopes": {
                    "type": "array",
                    "items": {
                     "anyOf": [
                      {
                       "type": "string"
                      },
                      {
                       "$ref": "#/definitions/awsCfInstruction"
                      }
                     ]
                    }
                   },
                   "type": {
                    "anyOf": [
                     {
                      "type": "string",
                      "regexp": "/^token$/i"
                     },
                     {
                      "type": "string",
                      "regexp": "/^cognito_user_pools$/i"
                     },
                     {
                      "type": "string",
                      "regexp": "/^request$/i"
                     },
                     {
                      "type": "string",
                      "regexp": "/^aws_iam$/i"
                     },
                     {
                      "type": "string",
                      "regexp": "/^custom$/i"
                     }
                    ]
                   }
                  },
                  "required": [],
                  "additionalProperties": false
                 }
                ]
               },
               "connectionId": {
                "$ref": "#/definitions/awsCfInstruction"
               },
               "connectionType": {
                "anyOf": [
                 {
                  "type": "string",
                  "regexp": "/^vpc-link$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^VPC_LINK$/i"
                 }
                ]
               },
               "cors": {
                "anyOf": [
                 {
                  "type": "boolean"
                 },
                 {
                  "type": "object",
                  "properties": {
                   "allowCredentials": {
                    "type": "boolean"
                   },
                   "cacheControl": {
                    "type": "string"
                   },
                   "headers": {
                    "type": "array",
                    "items": {
                     "type": "string"
                    }
                   },
                   "maxAge": {
                    "type": "integer",
                    "minimum": 1
                   },
                   "methods": {
                    "type": "array",
                    "items": {
                     "enum": [
                      "GET",
                      "POST",
                      "PUT",
                      "PATCH",
                      "OPTIONS",
                      "HEAD",
                      "DELETE",
                      "ANY"
                     ]
                    }
                   },
                   "origin": {
                    "type": "string"
                   },
                   "origins": {
                    "type": "array",
                    "items": {
                     "type": "string"
                    }
                   }
                  },
                  "additionalProperties": false
                 }
                ]
               },
               "integration": {
                "anyOf": [
                 {
                  "type": "string",
                  "regexp": "/^LAMBDA_PROXY$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^LAMBDA-PROXY$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^LAMBDA$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^AWS$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^AWS_PROXY$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^AWS-PROXY$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^HTTP$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^HTTP_PROXY$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^HTTP-PROXY$/i"
                 },
                 {
                  "type": "string",
                  "regexp": "/^MOCK$/i"
                 }
                ]
               },
               "method": {
                "type": "string",
                "regexp": "/^(?:\\*|GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE|ANY)$/i"
               },
               "operationId": {
                "type": "string"
               },
               "path": {
                "type": "string",
                "regexp": "/^(?:\\*|\\/?\\S*)$/"
               },
               "private": {
                "type": "boolean"
               },
               "request": {
                "type": "object",
                "properties": {
                 "contentHandling": {
                  "enum": [
                   "CONVERT_TO_BINARY",
                   "CONVERT_TO_TEXT"
                  ]
                 },
                 "method": {
                  "type": "string",
                  "regexp": "/^(?:\\*|GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE|ANY)$/i"
                 },
                 "parameters": {
                  "type": "object",
                  "properties": {
                   "querystrings": {
                    "type": "object",
                    "additionalProperties": {
                     "anyOf": [
                      {
                       "type": "boolean"
                      },
                      {
                       "type": "object",
                       "properties": {
                        "required": {
                         "type": "boolean"
                        },
                        "mappedValue": {
                         "$ref": "#/definitions/awsCfInstruction"
                        }
                       },
                       "additionalProperties": false
                      }
                     ]
                    }
                   },
                   "headers": {
                    "type": "object",
                    "additionalProperties": {
                     "anyOf": [
                      {
                       "type": "boolean"
                      },
                      {
                       "type": "object",
                       "properties": {
                        "required": {
                         "type": "boolean"
                        },
                        "mappedValue": {
                         "$ref": "#/definitions/awsCfInstruction"
                        }
                       },
                       "additionalProperties": false
                      }
                     ]
                    }
                   },
                   "paths": {
                    "type": "object",
                    "additionalProperties": {
                     "anyOf": [
                      {
                       "type": "boolean"
                      },
                      {
                       "type": "object",
                       "properties": {
                        "required": {
                         "type": "boolean"
                        },
                        "mappedValue": {
                         "$ref": "#/definitions/awsCfInstruction"
                        }
                       },
                       "additionalProperties": false
                      }
                     ]
                    }
                   }
                  },
                  "additionalProperties": false
                 },
                 "passThrough": {
                  "enum": [
                   "NEVER",
                   "WHEN_NO_MATCH",
                   "WHEN_NO_TEMPLATES"
                  ]
                 },
                 "schemas": {
                  "type": "object",
                  "additionalProperties": {
                   "anyOf": [
                    {
                     "type": "object"
                    },
                    {
                     "type": "string"
                    }
                   ]
                  }
                 },
                 "template": {
                  "type": "object",
                  "additionalProperties": {
                   "type": "string"
                  }
                 },
                 "uri": {
                  "$ref": "#/definitions/awsCfInstruction"
                 }
                },
                "additionalProperties": false
               },
               "response": {
                "type": "object",
                "properties": {
                 "contentHandling": {
                  "enum": [
                   "CONVERT_TO_BINARY",
                   "CONVERT_TO_TEXT"
                  ]
                 },
                 "headers": {
                  "type": "object",
                  "additionalProperties": {
                   "type": "string"
                  }
                 },
                 "template": {
                  "type": "string"
                 },
                 "statusCodes": {
                  "type": "object",
                  "propertyNames": {
                   "type": "string",
                   "pattern": "^\\d{3}$"
                  },
                  "additionalProperties": {
                   "type": "object",
                   "properties": {
                    "headers": {
                     "type": "object",
                     "additionalProperties": {
                      "type": "string"
                     }
                    },
                    "pattern": {
                     "type": "string"
                    },
                    "template": {
                     "anyOf": [
                      {
                       "type": "string"
                      },
                      {
                       "type": "object",
                       "additionalProperties": {
                        "type": "string"
                       }
                      }
                     ]
                    }
                   },
                   "additionalProperties": false
                  }
                 }
                },
                "additionalProperties": false
               }
              },
              "required": [
               "path",
               "method"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "http"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "websocket": {
            "anyOf": [
             {
              "type": "string"
             },
             {
              "type": "object",
              "properties": {
               "route": {
                "type": "string"
               },
               "routeResponseSelectionExpression": {
                "const": "$default"
               },
               "authorizer": {
                "anyOf": [
                 {
                  "$ref": "#/definitions/awsArnString"
                 },
                 {
                  "$ref": "#/definitions/functionName"
                 },
                 {
                  "type": "object",
                  "properties": {
                   "name": {
                    "$ref": "#/definitions/functionName"
                   },
                   "arn": {
                    "$ref": "#/definitions/awsArn"
                   },
                   "identitySource": {
                    "type": "array",
                    "items": {
                     "type": "string"
                    }
                   }
                  },
                  "anyOf": [
                   {
                    "required": [
                     "name"
                    ]
                   },
                   {
                    "required": [
                     "arn"
                    ]
                   }
                  ],
                  "additionalProperties": false
                 }
                ]
               }
              },
              "required": [
               "route"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "websocket"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "sns": {
            "anyOf": [
             {
              "type": "string",
              "maxLength": 256,
              "pattern": "^[\\w-]+$"
             },
             {
              "$ref": "#/definitions/awsArnString"
             },
             {
              "type": "object",
              "properties": {
               "arn": {
                "$ref": "#/definitions/awsArn"
               },
               "topicName": {
                "type": "string",
                "maxLength": 256,
                "pattern": "^[\\w-]+$"
               },
               "displayName": {
                "type": "string",
                "minLength": 1
               },
               "filterPolicy": {
                "type": "object"
               },
               "filterPolicyScope": {
                "type": "string"
               },
               "redrivePolicy": {
                "type": "object",
                "properties": {
                 "deadLetterTargetArn": {
                  "$ref": "#/definitions/awsArnString"
                 },
                 "deadLetterTargetRef": {
                  "type": "string",
                  "minLength": 1
                 },
                 "deadLetterTargetImport": {
                  "type": "object",
                  "properties": {
                   "arn": {
                    "$ref": "#/definitions/awsArnString"
                   },
                   "url": {
                    "type": "string",
                    "minLength": 1
                   }
                  },
                  "required": [
                   "arn",
                   "url"
                  ],
                  "additionalProperties": false
                 }
                },
                "oneOf": [
                 {
                  "required": [
                   "deadLetterTargetArn"
                  ]
                 },
                 {
                  "required": [
                   "deadLetterTargetRef"
                  ]
                 },
                 {
                  "required": [
                   "deadLetterTargetImport"
                  ]
                 }
                ],
                "additionalProperties": false
               }
              },
              "anyOf": [
               {
                "required": [
                 "arn"
                ]
               },
               {
                "required": [
                 "topicName"
                ]
               }
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "sns"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "stream": {
            "anyOf": [
             {
              "$ref": "#/definitions/awsArnString"
             },
             {
              "type": "object",
              "properties": {
               "arn": {},
               "type": {
                "enum": [
                 "dynamodb",
                 "kinesis"
                ]
               },
               "batchSize": {
                "type": "integer",
                "minimum": 1,
                "maximum": 10000
               },
               "parallelizationFactor": {
                "type": "integer",
                "minimum": 1,
                "maximum": 10
               },
               "startingPosition": {
                "enum": [
                 "LATEST",
                 "TRIM_HORIZON",
                 "AT_TIMESTAMP"
                ]
               },
               "startingPositionTimestamp": {
                "type": "number"
               },
               "enabled": {
                "type": "boolean"
               },
               "consumer": {
                "anyOf": [
                 {
                  "const": true
                 },
                 {
                  "$ref": "#/definitions/awsArn"
                 }
                ]
               },
               "batchWindow": {
                "type": "integer",
                "minimum": 0,
                "maximum": 300
               },
               "maximumRetryAttempts": {
                "type": "integer",
                "minimum": -1,
                "maximum": 10000
               },
               "bisectBatchOnFunctionError": {
                "type": "boolean"
               },
               "maximumRecordAgeInSeconds": {
                "anyOf": [
                 {
                  "const": -1
                 },
                 {
                  "type": "integer",
                  "minimum": 60,
                  "maximum": 604800
                 }
                ]
               },
               "functionResponseType": {
                "enum": [
                 "ReportBatchItemFailures"
                ]
               },
               "destinations": {
                "type": "object",
                "properties": {
                 "onFailure": {
                  "anyOf": [
                   {
                    "$ref": "#/definitions/awsArnString"
                   },
                   {
                    "type": "object",
                    "properties": {
                     "arn": {},
                     "type": {
                      "enum": [
                       "sns",
                       "sqs"
                      ]
                     }
                    },
                    "additionalProperties": false,
                    "anyOf": [
                     {
                      "properties": {
                       "arn": {
                        "$ref": "#/definitions/awsCfFunction"
                       }
                      },
                      "required": [
                       "arn",
                       "type"
                      ]
                     },
                     {
                      "properties": {
                       "arn": {
                        "$ref": "#/definitions/awsArnString"
                       }
                      },
                      "required": [
                       "arn"
                      ]
                     }
                    ]
                   }
                  ]
                 }
                },
                "additionalProperties": false,
                "required": [
                 "onFailure"
                ]
               },
               "tumblingWindowInSeconds": {
                "type": "integer",
                "minimum": 0,
                "maximum": 900
               },
               "filterPatterns": {
                "$ref": "#/definitions/filterPatterns"
               }
              },
              "additionalProperties": false,
              "anyOf": [
               {
                "properties": {
                 "arn": {
                  "$ref": "#/definitions/awsCfFunction"
                 }
                },
                "required": [
                 "arn",
                 "type"
                ]
               },
               {
                "properties": {
                 "arn": {
                  "$ref": "#/definitions/awsArnString"
                 }
                },
                "required": [
                 "arn"
                ]
               }
              ]
             }
            ]
           }
          },
          "required": [
           "stream"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "kafka": {
            "type": "object",
            "properties": {
             "accessConfigurations": {
              "type": "object",
              "minProperties": 1,
              "properties": {
               "vpcSubnet": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "type": "string",
                 "pattern": "subnet-[a-z0-9]+"
                }
               },
               "vpcSecurityGroup": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "type": "string",
                 "pattern": "sg-[a-z0-9]+"
                }
               },
               "saslPlainAuth": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "$ref": "#/definitions/awsSecretsManagerArnString"
                }
               },
               "saslScram256Auth": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "$ref": "#/definitions/awsSecretsManagerArnString"
                }
               },
               "saslScram512Auth": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "$ref": "#/definitions/awsSecretsManagerArnString"
                }
               },
               "clientCertificateTlsAuth": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "$ref": "#/definitions/awsSecretsManagerArnString"
                }
               },
               "serverRootCaCertificate": {
                "type": "array",
                "minItems": 1,
                "items": {
                 "$ref": "#/definitions/awsSecretsManagerArnString"
                }
               }
              },
              "additionalProperties": false
             },
             "batchSize": {
              "type": "number",
              "minimum": 1,
              "maximum": 10000
             },
             "maximumBatchingWindow": {
              "type": "number",
              "minimum": 0,
              "maximum": 300
             },
             "enabled": {
              "type": "boolean"
             },
             "bootstrapServers": {
              "type": "array",
              "minItems": 1,
              "items": {
               "type": "string"
              }
             },
             "startingPosition": {
              "type": "string",
              "enum": [
               "LATEST",
               "TRIM_HORIZON",
               "AT_TIMESTAMP"
              ]
             },
             "startingPositionTimestamp": {
              "type": "number"
             },
             "topic": {
              "type": "string"
             },
             "consumerGroupId": {
              "type": "string",
              "maxLength": 200,
              "pattern": "[a-zA-Z0-9-/*:_+=.@-]*"
             },
             "filterPatterns": {
              "$ref": "#/definitions/filterPatterns"
             }
            },
            "additionalProperties": false,
            "required": [
             "accessConfigurations",
             "bootstrapServers",
             "topic"
            ]
           }
          },
          "required": [
           "kafka"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "activemq": {
            "type": "object",
            "properties": {
             "arn": {
              "anyOf": [
               {
                "type": "string",
                "pattern": "arn:[a-z-]+:mq:[a-z0-9-]+:\\d+:broker:[A-Za-z0-9/_+=.@-]+:b-[a-z0-9-]+"
               },
               {
                "$ref": "#/definitions/awsCfImport"
               },
               {
                "$ref": "#/definitions/awsCfRef"
               }
              ]
             },
             "basicAuthArn": {
              "anyOf": [
               {
                "$ref": "#/definitions/awsSecretsManagerArnString"
               },
               {
                "$ref": "#/definitions/awsCfImport"
               },
               {
                "$ref": "#/definitions/awsCfRef"
               }
              ]
             },
             "batchSize": {
              "type": "number",
              "minimum": 1,
              "maximum": 10000
             },
             "maximumBatchingWindow": {
              "type": "number",
              "minimum": 0,
              "maximum": 300
             },
             "enabled": {
              "type": "boolean"
             },
             "queue": {
              "type": "string"
             },
             "filterPatterns": {
              "$ref": "#/definitions/filterPatterns"
             }
            },
            "additionalProperties": false,
            "required": [
             "basicAuthArn",
             "arn",
             "queue"
            ]
           }
          },
          "required": [
           "activemq"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "rabbitmq": {
            "type": "object",
            "properties": {
             "arn": {
              "anyOf": [
               {
                "type": "string",
                "pattern": "arn:[a-z-]+:mq:[a-z0-9-]+:\\d+:broker:[A-Za-z0-9/_+=.@-]+:b-[a-z0-9-]+"
               },
               {
                "$ref": "#/definitions/awsCfImport"
               },
               {
                "$ref": "#/definitions/awsCfRef"
               }
              ]
             },
             "basicAuthArn": {
              "anyOf": [
               {
                "$ref": "#/definitions/awsSecretsManagerArnString"
               },
               {
                "$ref": "#/definitions/awsCfImport"
               },
               {
                "$ref": "#/definitions/awsCfRef"
               }
              ]
             },
             "batchSize": {
              "type": "number",
              "minimum": 1,
              "maximum": 10000
             },
             "maximumBatchingWindow": {
              "type": "number",
              "minimum": 0,
              "maximum": 300
             },
             "enabled": {
              "type": "boolean"
             },
             "queue": {
              "type": "string"
             },
             "virtualHost": {
              "type": "string"
             },
             "filterPatterns": {
              "$ref": "#/definitions/filterPatterns"
             }
            },
            "additionalProperties": false,
            "required": [
             "basicAuthArn",
             "arn",
             "queue"
            ]
           }
          },
          "required": [
           "rabbitmq"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "msk": {
            "type": "object",
            "properties": {
             "arn": {
              "anyOf": [
               {
                "$ref": "#/definitions/awsArnString"
               },
               {
                "$ref": "#/definitions/awsCfImport"
               },
               {
                "$ref": "#/definitions/awsCfRef"
               }
              ]
             },
             "batchSize": {
              "type": "number",
              "minimum": 1,
              "maximum": 10000
             },
             "maximumBatchingWindow": {
              "type": "number",
              "minimum": 0,
              "maximum": 300
             },
             "enabled": {
              "type": "boolean"
             },
             "startingPosition": {
              "type": "string",
              "enum": [
               "LATEST",
               "TRIM_HORIZON",
               "AT_TIMESTAMP"
              ]
             },
             "startingPositionTimestamp": {
              "type": "number"
             },
             "topic": {
              "type": "string"
             },
             "saslScram512": {
              "$ref": "#/definitions/awsArnString"
             },
             "consumerGroupId": {
              "type": "string",
              "maxLength": 200,
              "pattern": "[a-zA-Z0-9-/*:_+=.@-]*"
             },
             "filterPatterns": {
              "$ref": "#/definitions/filterPatterns"
             }
            },
            "additionalProperties": false,
            "required": [
             "arn",
             "topic"
            ]
           }
          },
          "required": [
           "msk"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "alb": {
            "type": "object",
            "properties": {
             "authorizer": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "conditions": {
              "type": "object",
              "properties": {
               "header": {
                "anyOf": [
                 {
                  "type": "array",
                  "items": {
                   "type": "object",
                   "properties": {
                    "name": {
                     "type": "string",
                     "maxLength": 40
                    },
                    "values": {
                     "type": "array",
                     "items": {
                      "type": "string",
                      "maxLength": 128
                     },
                     "uniqueItems": true
                    }
                   },
                   "additionalProperties": false,
                   "required": [
                    "name",
                    "values"
                   ]
                  }
                 },
                 {
                  "type": "object",
                  "properties": {
                   "name": {
                    "type": "string",
                    "maxLength": 40
                   },
                   "values": {
                    "type": "array",
                    "items": {
                     "type": "string",
                     "maxLength": 128
                    },
                    "uniqueItems": true
                   }
                  },
                  "additionalProperties": false,
                  "required": [
                   "name",
                   "values"
                  ]
                 }
                ]
               },
               "host": {
                "type": "array",
                "items": {
                 "type": "string",
                 "pattern": "^[A-Za-z0-9*?.-]+$",
                 "maxLength": 128
                }
               },
               "ip": {
                "type": "array",
                "items": {
                 "type": "string"
                },
                "uniqueItems": true
               },
               "method": {
                "type": "array",
                "items": {
                 "type": "string",
                 "pattern": "^[A-Z_-]+$",
                 "maxLength": 40
                }
               },
               "path": {
                "type": "array",
                "items": {
                 "type": "string",
                 "pattern": "^([A-Za-z0-9*?_.$/~\"'@:+-]|&amp;)+$",
                 "maxLength": 128
                }
               },
               "query": {
                "type": "object",
                "additionalProperties": {
                 "type": "string",
                 "maxLength": 128
                },
                "propertyNames": {
                 "type": "string",
                 "maxLength": 128
                }
               }
              },
              "additionalProperties": false
             },
             "healthCheck": {
              "anyOf": [
               {
                "type": "boolean"
               },
               {
                "type": "object",
                "properties": {
                 "healthyThresholdCount": {
                  "type": "integer",
                  "minimum": 2,
                  "maximum": 10
                 },
                 "intervalSeconds": {
                  "type": "integer",
                  "minimum": 5,
                  "maximum": 300
                 },
                 "matcher": {
                  "type": "object",
                  "properties": {
                   "httpCode": {
                    "type": "string",
                    "pattern": "^\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*$"
                   }
                  },
                  "additionalProperties": false
                 },
                 "path": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 1024
                 },
                 "timeoutSeconds": {
                  "type": "integer",
                  "minimum": 2,
                  "maximum": 120
                 },
                 "unhealthyThresholdCount": {
                  "type": "integer",
                  "minimum": 2,
                  "maximum": 10
                 }
                },
                "additionalProperties": false
               }
              ]
             },
             "listenerArn": {
              "anyOf": [
               {
                "$ref": "#/definitions/awsAlbListenerArn"
               },
               {
                "$ref": "#/definitions/awsCfRef"
               }
              ]
             },
             "multiValueHeaders": {
              "type": "boolean"
             },
             "priority": {
              "type": "integer",
              "minimum": 1,
              "maximum": 50000
             },
             "targetGroupName": {
              "type": "string",
              "minLength": 1,
              "maxLength": 32,
              "pattern": "^[a-zA-Z0-9-]+$"
             }
            },
            "required": [
             "listenerArn",
             "priority",
             "conditions"
            ],
            "additionalProperties": false
           }
          },
          "required": [
           "alb"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "alexaSkill": {
            "anyOf": [
             {
              "$ref": "#/definitions/awsAlexaEventToken"
             },
             {
              "type": "object",
              "properties": {
               "appId": {
                "$ref": "#/definitions/awsAlexaEventToken"
               },
               "enabled": {
                "type": "boolean"
               }
              },
              "required": [
               "appId"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "alexaSkill"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "alexaSmartHome": {
            "anyOf": [
             {
              "$ref": "#/definitions/awsAlexaEventToken"
             },
             {
              "type": "object",
              "properties": {
               "appId": {
                "$ref": "#/definitions/awsAlexaEventToken"
               },
               "enabled": {
                "type": "boolean"
               }
              },
              "required": [
               "appId"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "alexaSmartHome"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "iot": {
            "type": "object",
            "properties": {
             "sql": {
              "type": "string"
             },
             "sqlVersion": {
              "type": "string",
              "enum": [
               "2015-10-08",
               "2016-03-23",
               "beta"
              ]
             },
             "name": {
              "type": "string"
             },
             "enabled": {
              "type": "boolean"
             },
             "description": {
              "type": "string"
             }
            },
            "required": [
             "sql"
            ],
            "additionalProperties": false
           }
          },
          "required": [
           "iot"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "iotFleetProvisioning": {
            "type": "object",
            "properties": {
             "enabled": {
              "type": "boolean"
             },
             "provisioningRoleArn": {
              "$ref": "#/definitions/awsArn"
             },
             "templateBody": {
              "type": "object"
             },
             "templateName": {
              "type": "string"
             }
            },
            "required": [
             "templateBody",
             "provisioningRoleArn"
            ],
            "additionalProperties": false
           }
          },
          "required": [
           "iotFleetProvisioning"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "cloudwatchEvent": {
            "type": "object",
            "properties": {
             "event": {
              "type": "object"
             },
             "input": {
              "anyOf": [
               {
                "type": "string",
                "maxLength": 8192
               },
               {
                "type": "object"
               }
              ]
             },
             "inputPath": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
             },
             "inputTransformer": {
              "type": "object",
              "properties": {
               "inputPathsMap": {
                "type": "object",
                "additionalProperties": {
                 "type": "string",
                 "minLength": 1
                }
               },
               "inputTemplate": {
                "type": "string",
                "minLength": 1,
                "maxLength": 8192
               }
              },
              "required": [
               "inputTemplate"
              ],
              "additionalProperties": false
             },
             "description": {
              "type": "string",
              "maxLength": 512
             },
             "name": {
              "type": "string",
              "pattern": "[a-zA-Z0-9-_.]+",
              "minLength": 1,
              "maxLength": 64
             },
             "enabled": {
              "type": "boolean"
             }
            },
            "additionalProperties": false
           }
          },
          "required": [
           "cloudwatchEvent"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "cloudwatchLog": {
            "anyOf": [
             {
              "$ref": "#/definitions/awsLogGroupName"
             },
             {
              "type": "object",
              "properties": {
               "logGroup": {
                "$ref": "#/definitions/awsLogGroupName"
               },
               "filter": {
                "type": "string"
               }
              },
              "required": [
               "logGroup"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "cloudwatchLog"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "cognitoUserPool": {
            "type": "object",
            "properties": {
             "pool": {
              "type": "string",
              "maxLength": 128,
              "pattern": "^[\\w\\s+=,.@-]+$"
             },
             "trigger": {
              "enum": [
               "PreSignUp",
               "PostConfirmation",
               "PreAuthentication",
               "PostAuthentication",
               "PreTokenGeneration",
               "CustomMessage",
               "DefineAuthChallenge",
               "CreateAuthChallenge",
               "VerifyAuthChallengeResponse",
               "UserMigration",
               "CustomSMSSender",
               "CustomEmailSender"
              ]
             },
             "existing": {
              "type": "boolean"
             },
             "forceDeploy": {
              "type": "boolean"
             },
             "kmsKeyId": {
              "$ref": "#/definitions/awsKmsArn"
             }
            },
            "required": [
             "pool",
             "trigger"
            ],
            "additionalProperties": false
           }
          },
          "required": [
           "cognitoUserPool"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "eventBridge": {
            "type": "object",
            "properties": {
             "eventBus": {
              "anyOf": [
               {
                "type": "string",
                "minLength": 1
               },
               {
                "$ref": "#/definitions/awsArnString"
               },
               {
                "$ref": "#/definitions/awsCfImport"
               },
               {
                "$ref": "#/definitions/awsCfRef"
               },
               {
                "type": "object",
                "properties": {
                 "Fn::GetAtt": {
                  "type": "array",
                  "minItems": 2,
                  "maxItems": 2,
                  "items": [
                   {
                    "type": "string",
                    "minLength": 1
                   },
                   {
                    "type": "string",
                    "enum": [
                     "Name"
                    ]
                   }
                  ]
                 }
                },
                "required": [
                 "Fn::GetAtt"
                ],
                "additionalProperties": false
               }
              ]
             },
             "schedule": {
              "pattern": "^(?:cron|rate)\\(.+\\)$",
              "type": "string"
             },
             "name": {
              "type": "string",
              "pattern": "[a-zA-Z0-9-_.]+",
              "minLength": 1,
              "maxLength": 64
             },
             "description": {
              "type": "string",
              "maxLength": 512
             },
             "enabled": {
              "type": "boolean"
             },
             "pattern": {
              "type": "object",
              "properties": {
               "version": {},
               "id": {},
               "detail-type": {},
               "source": {},
               "account": {},
               "time": {},
               "region": {},
               "resources": {},
               "detail": {},
               "$or": {
                "type": "array"
               }
              },
              "additionalProperties": false
             },
             "input": {
              "type": "object"
             },
             "inputPath": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
             },
             "inputTransformer": {
              "type": "object",
              "properties": {
               "inputPathsMap": {
                "type": "object",
                "additionalProperties": {
                 "type": "string",
                 "minLength": 1
                }
               },
               "inputTemplate": {
                "type": "string",
                "minLength": 1,
                "maxLength": 8192
               }
              },
              "required": [
               "inputTemplate"
              ],
              "additionalProperties": false
             },
             "retryPolicy": {
              "type": "object",
              "properties": {
               "maximumEventAge": {
                "type": "integer",
                "minimum": 60,
                "maximum": 86400
               },
               "maximumRetryAttempts": {
                "type": "integer",
                "minimum": 0,
                "maximum": 185
               }
              }
             },
             "deadLetterQueueArn": {
              "$ref": "#/definitions/awsArn"
             }
            },
            "anyOf": [
             {
              "required": [
               "pattern"
              ]
             },
             {
              "required": [
               "schedule"
              ]
             }
            ]
           }
          },
          "required": [
           "eventBridge"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "sqs": {
            "anyOf": [
             {
              "$ref": "#/definitions/awsArnString"
             },
             {
              "type": "object",
              "properties": {
               "arn": {
                "$ref": "#/definitions/awsArn"
               },
               "batchSize": {
                "type": "integer",
                "minimum": 1,
                "maximum": 10000
               },
               "enabled": {
                "type": "boolean"
               },
               "maximumBatchingWindow": {
                "type": "integer",
                "minimum": 0,
                "maximum": 300
               },
               "functionResponseType": {
                "enum": [
                 "ReportBatchItemFailures"
                ]
               },
               "filterPatterns": {
                "$ref": "#/definitions/filterPatterns"
               },
               "maximumConcurrency": {
                "type": "integer",
                "minimum": 2,
                "maximum": 1000
               }
              },
              "required": [
               "arn"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "sqs"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "cloudFront": {
            "type": "object",
            "properties": {
             "behavior": {
              "type": "object",
              "properties": {
               "AllowedMethods": {
                "anyOf": [
                 {
                  "type": "array",
                  "uniqueItems": true,
                  "minItems": 2,
                  "items": {
                   "enum": [
                    "GET",
                    "HEAD"
                   ]
                  }
                 },
                 {
                  "type": "array",
                  "uniqueItems": true,
                  "minItems": 3,
                  "items": {
                   "enum": [
                    "GET",
                    "HEAD",
                    "OPTIONS"
                   ]
                  }
                 },
                 {
                  "type": "array",
                  "uniqueItems": true,
                  "minItems": 7,
                  "items": {
                   "enum": [
                    "GET",
                    "HEAD",
                    "OPTIONS",
                    "PUT",
                    "PATCH",
                    "POST",
                    "DELETE"
                   ]
                  }
                 }
                ]
               },
               "CachedMethods": {
                "anyOf": [
                 {
                  "type": "array",
                  "uniqueItems": true,
                  "minItems": 2,
                  "items": {
                   "enum": [
                    "GET",
                    "HEAD"
                   ]
                  }
                 },
                 {
                  "type": "array",
                  "uniqueItems": true,
                  "minItems": 3,
                  "items": {
                   "enum": [
                    "GET",
                    "HEAD",
                    "OPTIONS"
                   ]
                  }
                 }
                ]
               },
               "CachePolicyId": {
                "type": "string"
               },
               "Compress": {
                "type": "boolean"
               },
               "FieldLevelEncryptionId": {
                "type": "string"
               },
               "OriginRequestPolicyId": {
                "anyOf": [
                 {
                  "type": "string"
                 },
                 {
                  "$ref": "#/definitions/awsCfFunction"
                 }
                ]
               },
               "ResponseHeadersPolicyId": {
                "anyOf": [
                 {
                  "type": "string"
                 },
                 {
                  "$ref": "#/definitions/awsCfFunction"
                 }
                ]
               },
               "SmoothStreaming": {
                "type": "boolean"
               },
               "TrustedSigners": {
                "type": "array",
                "items": {
                 "type": "string"
                }
               },
               "ViewerProtocolPolicy": {
                "enum": [
                 "allow-all",
                 "redirect-to-https",
                 "https-only"
                ]
               },
               "TrustedKeyGroups": {
                "type": "array",
                "items": {
                 "anyOf": [
                  {
                   "type": "string"
                  },
                  {
                   "$ref": "#/definitions/awsCfRef"
                  }
                 ]
                }
               },
               "MaxTTL": {
                "type": "number"
               },
               "MinTTL": {
                "type": "number"
               },
               "DefaultTTL": {
                "type": "number"
               },
               "ForwardedValues": {
                "type": "object",
                "properties": {
                 "Cookies": {
                  "anyOf": [
                   {
                    "type": "object",
                    "properties": {
                     "Forward": {
                      "enum": [
                       "all",
                       "none"
                      ]
                     }
                    },
                    "additionalProperties": false,
                    "required": [
                     "Forward"
                    ]
                   },
                   {
                    "type": "object",
                    "properties": {
                     "Forward": {
                      "const": "whitelist"
                     },
                     "WhitelistedNames": {
                      "type": "array",
                      "items": {
                       "type": "string"
                      }
                     }
                    },
                    "additionalProperties": false,
                    "required": [
                     "Forward",
                     "WhitelistedNames"
                    ]
                   }
                  ]
                 },
                 "Headers": {
                  "type": "array",
                  "items": {
                   "type": "string"
                  }
                 },
                 "QueryString": {
                  "type": "boolean"
                 },
                 "QueryStringCacheKeys": {
                  "type": "array",
                  "items": {
                   "type": "string"
                  }
                 }
                },
                "additionalProperties": false,
                "required": [
                 "QueryString"
                ]
               }
              },
              "additionalProperties": false
             },
             "cachePolicy": {
              "type": "object",
              "properties": {
               "id": {
                "$ref": "#/definitions/awsCfInstruction"
               },
               "name": {
                "type": "string",
                "minLength": 1
               }
              },
              "oneOf": [
               {
                "required": [
                 "id"
                ]
               },
               {
                "required": [
                 "name"
                ]
               }
              ],
              "additionalProperties": false
             },
             "eventType": {
              "enum": [
               "viewer-request",
               "origin-request",
               "origin-response",
               "viewer-response"
              ]
             },
             "isDefaultOrigin": {
              "type": "boolean"
             },
             "includeBody": {
              "type": "boolean"
             },
             "origin": {
              "anyOf": [
               {
                "type": "string",
                "format": "uri"
               },
               {
                "type": "object",
                "properties": {
                 "ConnectionAttempts": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 3
                 },
                 "ConnectionTimeout": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 10
                 },
                 "CustomOriginConfig": {
                  "type": "object",
                  "properties": {
                   "HTTPPort": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 65535
                   },
                   "HTTPSPort": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 65535
                   },
                   "OriginKeepaliveTimeout": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 60
                   },
                   "OriginProtocolPolicy": {
                    "enum": [
                     "http-only",
                     "match-viewer",
                     "https-only"
                    ]
                   },
                   "OriginReadTimeout": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 60
                   },
                   "OriginSSLProtocols": {
                    "type": "array",
                    "items": {
                     "enum": [
                      "SSLv3",
                      "TLSv1",
                      "TLSv1.1",
                      "TLSv1.2"
                     ]
                    }
                   }
                  },
                  "additionalProperties": false,
                  "required": [
                   "OriginProtocolPolicy"
                  ]
                 },
                 "DomainName": {
                  "anyOf": [
                   {
                    "type": "string"
                   },
                   {
                    "$ref": "#/definitions/awsCfFunction"
                   }
                  ]
                 },
                 "OriginAccessControlId": {
                  "anyOf": [
                   {
                    "type": "string"
                   },
                   {
                    "$ref": "#/definitions/awsCfFunction"
                   }
                  ]
                 },
                 "OriginCustomHeaders": {
                  "type": "array",
                  "items": {
                   "type": "object",
                   "properties": {
                    "HeaderName": {
                     "type": "string"
                    },
                    "HeaderValue": {
                     "type": "string"
                    }
                   },
                   "additionalProperties": false,
                   "required": [
                    "HeaderName",
                    "HeaderValue"
                   ]
                  }
                 },
                 "OriginPath": {
                  "type": "string"
                 },
                 "S3OriginConfig": {
                  "type": "object",
                  "properties": {
                   "OriginAccessIdentity": {
                    "anyOf": [
                     {
                      "type": "string",
                      "pattern": "^origin-access-identity/cloudfront/.+"
                     },
                     {
                      "$ref": "#/definitions/awsCfFunction"
                     }
                    ]
                   }
                  },
                  "additionalProperties": false
                 }
                },
                "additionalProperties": false,
                "required": [
                 "DomainName"
                ],
                "oneOf": [
                 {
                  "required": [
                   "CustomOriginConfig"
                  ]
                 },
                 {
                  "required": [
                   "S3OriginConfig"
                  ]
                 }
                ]
               }
              ]
             },
             "pathPattern": {
              "type": "string",
              "pattern": "^([A-Za-z0-9_.*?$/~\"'@:+-]|&amp;)+$"
             }
            },
            "additionalProperties": false
           }
          },
          "required": [
           "cloudFront"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "httpApi": {
            "anyOf": [
             {
              "type": "string",
              "regexp": "/^(?:\\*|(ANY|GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE) (\\/\\S*))$/i"
             },
             {
              "type": "object",
              "properties": {
               "authorizer": {
                "anyOf": [
                 {
                  "type": "string"
                 },
                 {
                  "type": "object",
                  "properties": {
                   "id": {
                    "anyOf": [
                     {
                      "type": "string"
                     },
                     {
                      "$ref": "#/definitions/awsCfFunction"
                     }
                    ]
                   },
                   "name": {
                    "type": "string"
                   },
                   "scopes": {
                    "type": "array",
                    "items": {
                     "type": "string"
                    }
                   },
                   "type": {
                    "type": "string",
                    "enum": [
                     "request",
                     "jwt",
                     "aws_iam"
                    ]
                   }
                  },
                  "anyOf": [
                   {
                    "required": [
                     "id"
                    ]
                   },
                   {
                    "required": [
                     "name"
                    ]
                   },
                   {
                    "required": [
                     "type"
                    ]
                   }
                  ],
                  "additionalProperties": false
                 }
                ]
               },
               "method": {
                "type": "string",
                "regexp": "/^(?:\\*|ANY|GET|POST|PUT|PATCH|OPTIONS|HEAD|DELETE)$/i"
               },
               "path": {
                "type": "string",
                "regexp": "/^(?:\\*|\\/\\S*)$/"
               }
              },
              "required": [
               "path"
              ],
              "additionalProperties": false
             }
            ]
           }
          },
          "required": [
           "httpApi"
          ],
          "additionalProperties": false
         }
        ]
       }
      },
      "architecture": {
       "$ref": "#/definitions/awsLambdaArchitecture"
      },
      "awsKmsKeyArn": {
       "$ref": "#/definitions/awsKmsArn"
      },
      "condition": {
       "$ref": "#/definitions/awsResourceCondition"
      },
      "dependsOn": {
       "$ref": "#/definitions/awsResourceDependsOn"
      },
      "description": {
       "type": "string",
       "maxLength": 256
      },
      "destinations": {
       "type": "object",
       "properties": {
        "onSuccess": {
         "anyOf": [
          {
           "type": "string",
           "minLength": 1
          },
          {
           "type": "object",
           "properties": {
            "arn": {
             "$ref": "#/definitions/awsCfFunction"
            },
            "type": {
             "enum": [
              "function",
              "sns",
              "sqs",
              "eventBus"
             ]
            }
           },
           "additionalProperties": false,
           "required": [
            "arn",
            "type"
           ]
          }
         ]
        },
        "onFailure": {
         "anyOf": [
          {
           "type": "string",
           "minLength": 1
          },
          {
           "type": "object",
           "properties": {
            "arn": {
             "$ref": "#/definitions/awsCfFunction"
            },
            "type": {
             "enum": [
              "function",
              "sns",
              "sqs",
              "eventBus"
             ]
            }
           },
           "additionalProperties": false,
           "required": [
            "arn",
            "type"
           ]
          }
         ]
        }
       },
       "additionalProperties": false
      },
      "disableLogs": {
       "type": "boolean"
      },
      "environment": {
       "$ref": "#/definitions/awsLambdaEnvironment"
      },
      "ephemeralStorageSize": {
       "type": "integer",
       "minimum": 512,
       "maximum": 10240
      },
      "fileSystemConfig": {
       "type": "object",
       "properties": {
        "arn": {
         "anyOf": [
          {
           "type": "string",
           "pattern": "^arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-[1-9]{1}:[0-9]{12}:access-point/fsap-[a-f0-9]{17}$"
          },
          {
           "$ref": "#/definitions/awsCfGetAtt"
          },
          {
           "$ref": "#/definitions/awsCfJoin"
          },
          {
           "$ref": "#/definitions/awsCfImport"
          }
         ]
        },
        "localMountPath": {
         "type": "string",
         "pattern": "^/mnt/[a-zA-Z0-9-_.]+$"
        }
       },
       "additionalProperties": false,
       "required": [
        "localMountPath",
        "arn"
       ]
      },
      "handler": {
       "type": "string"
      },
      "image": {
       "anyOf": [
        {
         "$ref": "#/definitions/ecrImageUri"
        },
        {
         "type": "string",
         "pattern": "^[a-z][a-z0-9-_]{1,31}$"
        },
        {
         "type": "object",
         "properties": {
          "name": {
           "type": "string",
           "pattern": "^[a-z][a-z0-9-_]{1,31}$"
          },
          "uri": {
           "$ref": "#/definitions/ecrImageUri"
          },
          "workingDirectory": {
           "type": "string"
          },
          "command": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "entryPoint": {
           "type": "array",
           "items": {
            "type": "string"
           }
          }
         },
         "additionalProperties": false
        }
       ]
      },
      "kmsKeyArn": {
       "$ref": "#/definitions/awsKmsArn"
      },
      "snapStart": {
       "type": "boolean"
      },
      "layers": {
       "$ref": "#/definitions/awsLambdaLayers"
      },
      "logRetentionInDays": {
       "$ref": "#/definitions/awsLogRetentionInDays"
      },
      "logDataProtectionPolicy": {
       "$ref": "#/definitions/awsLogDataProtectionPolicy"
      },
      "maximumEventAge": {
       "type": "integer",
       "minimum": 60,
       "maximum": 21600
      },
      "maximumRetryAttempts": {
       "type": "integer",
       "minimum": 0,
       "maximum": 2
      },
      "memorySize": {
       "$ref": "#/definitions/awsLambdaMemorySize"
      },
      "onError": {
       "anyOf": [
        {
         "type": "string",
         "pattern": "^arn:aws[a-z-]*:sns"
        },
        {
         "$ref": "#/definitions/awsCfFunction"
        }
       ]
      },
      "package": {
       "type": "object",
       "properties": {
        "artifact": {
         "type": "string"
        },
        "exclude": {
         "type": "array",
         "items": {
          "type": "string"
         }
        },
        "include": {
         "type": "array",
         "items": {
          "type": "string"
         }
        },
        "individually": {
         "type": "boolean"
        },
        "patterns": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       },
       "additionalProperties": false
      },
      "provisionedConcurrency": {
       "anyOf": [
        {
         "type": "integer",
         "minimum": 0
        },
        {
         "$ref": "#/definitions/awsCfFunction"
        },
        {
         "$ref": "#/definitions/awsCfIf"
        }
       ]
      },
      "reservedConcurrency": {
       "anyOf": [
        {
         "type": "integer",
         "minimum": 0
        },
        {
         "$ref": "#/definitions/awsCfFunction"
        },
        {
         "$ref": "#/definitions/awsCfIf"
        }
       ]
      },
      "role": {
       "$ref": "#/definitions/awsLambdaRole"
      },
      "runtime": {
       "$ref": "#/definitions/awsLambdaRuntime"
      },
      "runtimeManagement": {
       "$ref": "#/definitions/awsLambdaRuntimeManagement"
      },
      "tags": {
       "$ref": "#/definitions/awsResourceTags"
      },
      "timeout": {
       "$ref": "#/definitions/awsLambdaTimeout"
      },
      "tracing": {
       "$ref": "#/definitions/awsLambdaTracing"
      },
      "url": {
       "anyOf": [
        {
         "type": "boolean"
        },
        {
         "type": "object",
         "properties": {
          "authorizer": {
           "type": "string",
           "enum": [
            "aws_iam"
           ]
          },
          "cors": {
           "anyOf": [
            {
             "type": "boolean"
            },
            {
             "type": "object",
             "properties": {
              "allowCredentials": {
               "type": "boolean"
              },
              "allowedHeaders": {
               "type": "array",
               "minItems": 1,
               "maxItems": 100,
               "items": {
                "type": "string"
               }
              },
              "allowedMethods": {
               "type": "array",
               "minItems": 1,
               "maxItems": 6,
               "items": {
                "type": "string"
               }
              },
              "allowedOrigins": {
               "type": "array",
               "minItems": 1,
               "maxItems": 100,
               "items": {
                "type": "string"
               }
              },
              "exposedResponseHeaders": {
               "type": "array",
               "minItems": 1,
               "maxItems": 100,
               "items": {
                "type": "string"
               }
              },
              "maxAge": {
               "type": "integer",
               "minimum": 0
              }
             },
             "additionalProperties": false
            }
           ]
          },
          "invokeMode": {
           "type": "string",
           "enum": [
            "BUFFERED",
            "RESPONSE_STREAM"
           ]
          }
         },
         "additionalProperties": false
        }
       ]
      },
      "versionFunction": {
       "$ref": "#/definitions/awsLambdaVersioning"
      },
      "vpc": {
       "$ref": "#/definitions/awsLambdaVpcConfig"
      },
      "httpApi": {
       "type": "object",
       "properties": {
        "payload": {
         "$ref": "#/definitions/awsHttpApiPayload"
        }
       },
       "additionalProperties": false
      }
     },
     "additionalProperties": false,
     "required": []
    }
   },
   "additionalProperties": false
  },
  "package": {
   "type": "object",
   "properties": {
    "artifact": {
     "type": "string"
    },
    "exclude": {
     "type": "array",
     "items": {
      "type": "string"
     }
    },
    "excludeDevDependencies": {
     "type": "boolean"
    },
    "include": {
     "type": "array",
     "items": {
      "type": "string"
     }
    },
    "individually": {
     "type": "boolean"
    },
    "path": {
     "type": "string"
    },
    "patterns": {
     "type": "array",
     "items": {
      "type": "string"
     }
    }
   },
   "additionalProperties": false
  },
  "params": {
   "type": "object",
   "patternProperties": {
    "^[a-zA-Z0-9-]+$": {
     "type": "object"
    }
   },
   "additionalProperties": false
  },
  "plugins": {
   "anyOf": [
    {
     "type": "object",
     "properties": {
      "localPath": {
       "type": "string"
      },
      "modules": {
       "type": "array",
       "items": {
        "type": "string"
       }
      }
     },
     "additionalProperties": false,
     "required": [
      "modules"
     ]
    },
    {
     "type": "array",
     "items": {
      "type": "string"
     }
    }
   ]
  },
  "projectDir": {
   "type": "string",
   "pattern": "^(\\.\\/?|(\\.\\/)?\\.\\.(\\/\\.\\.)*\\/?)$"
  },
  "provider": {
   "type": "object",
   "properties": {
    "name": {
     "const": "aws"
    },
    "alb": {
     "type": "object",
     "properties": {
      "targetGroupPrefix": {
       "type": "string",
       "maxLength": 16
      },
      "authorizers": {
       "type": "object",
       "additionalProperties": {
        "anyOf": [
         {
          "type": "object",
          "properties": {
           "type": {
            "const": "oidc"
           },
           "authorizationEndpoint": {
            "format": "uri",
            "type": "string"
           },
           "clientId": {
            "type": "string"
           },
           "clientSecret": {
            "type": "string"
           },
           "issuer": {
            "format": "uri",
            "type": "string"
           },
           "tokenEndpoint": {
            "format": "uri",
            "type": "string"
           },
           "userInfoEndpoint": {
            "format": "uri",
            "type": "string"
           },
           "onUnauthenticatedRequest": {
            "enum": [
             "allow",
             "authenticate",
             "deny"
            ]
           },
           "requestExtraParams": {
            "type": "object",
            "maxProperties": 10,
            "additionalProperties": {
             "type": "string"
            }
           },
           "scope": {
            "type": "string"
           },
           "sessionCookieName": {
            "type": "string"
           },
           "sessionTimeout": {
            "type": "integer",
            "minimum": 0
           }
          },
          "required": [
           "type",
           "authorizationEndpoint",
           "clientId",
           "issuer",
           "tokenEndpoint",
           "userInfoEndpoint"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "type": {
            "const": "cognito"
           },
           "userPoolArn": {
            "$ref": "#/definitions/awsArn"
           },
           "userPoolClientId": {
            "type": "string"
           },
           "userPoolDomain": {
            "type": "string"
           },
           "onUnauthenticatedRequest": {
            "enum": [
             "allow",
             "authenticate",
             "deny"
            ]
           },
           "requestExtraParams": {
            "type": "object",
            "maxProperties": 10,
            "additionalProperties": {
             "type": "string"
            }
           },
           "scope": {
            "type": "string"
           },
           "sessionCookieName": {
            "type": "string"
           },
           "sessionTimeout": {
            "type": "integer",
            "minimum": 0
           }
          },
          "required": [
           "type",
           "userPoolArn",
           "userPoolClientId",
           "userPoolDomain"
          ],
          "additionalProperties": false
         }
        ]
       }
      }
     },
     "additionalProperties": false
    },
    "apiGateway": {
     "type": "object",
     "properties": {
      "apiKeys": {
       "$ref": "#/definitions/awsApiGatewayApiKeys"
      },
      "apiKeySourceType": {
       "anyOf": [
        {
         "type": "string",
         "regexp": "/^HEADER$/i"
        },
        {
         "type": "string",
         "regexp": "/^AUTHORIZER$/i"
        }
       ]
      },
      "binaryMediaTypes": {
       "type": "array",
       "items": {
        "type": "string",
        "pattern": "^\\S+\\/\\S+$"
       }
      },
      "description": {
       "type": "string"
      },
      "disableDefaultEndpoint": {
       "type": "boolean"
      },
      "metrics": {
       "type": "boolean"
      },
      "minimumCompressionSize": {
       "type": "integer",
       "minimum": 0,
       "maximum": 10485760
      },
      "resourcePolicy": {
       "$ref": "#/definitions/awsResourcePolicyStatements"
      },
      "restApiId": {
       "$ref": "#/definitions/awsCfInstruction"
      },
      "restApiResources": {
       "anyOf": [
        {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "path": {
            "type": "string"
           },
           "resourceId": {
            "type": "string"
           }
          },
          "required": [],
          "additionalProperties": false
         }
        },
        {
         "type": "object"
        }
       ]
      },
      "restApiRootResourceId": {
       "$ref": "#/definitions/awsCfInstruction"
      },
      "request": {
       "type": "object",
       "properties": {
        "schemas": {
         "type": "object",
         "additionalProperties": {
          "type": "object",
          "properties": {
           "schema": {
            "type": "object"
           },
           "name": {
            "type": "string"
           },
           "description": {
            "type": "string"
           }
          },
          "required": [
           "schema"
          ],
          "additionalProperties": false
         }
        }
       },
       "additionalProperties": false
      },
      "shouldStartNameWithService": {
       "type": "boolean"
      },
      "stage": {
       "type": "string"
      },
      "usagePlan": {
       "anyOf": [
        {
         "type": "object",
         "properties": {
          "quota": {
           "type": "object",
           "properties": {
            "limit": {
             "type": "integer",
             "minimum": 0
            },
            "offset": {
             "type": "integer",
             "minimum": 0
            },
            "period": {
             "enum": [
              "DAY",
              "WEEK",
              "MONTH"
             ]
            }
           },
           "additionalProperties": false
          },
          "throttle": {
           "type": "object",
           "properties": {
            "burstLimit": {
             "type": "integer",
             "minimum": 0
            },
            "rateLimit": {
             "type": "integer",
             "minimum": 0
            }
           },
           "additionalProperties": false
          }
         },
         "additionalProperties": false
        },
        {
         "type": "array",
         "items": {
          "type": "object",
          "additionalProperties": {
           "type": "object",
           "properties": {
            "quota": {
             "type": "object",
             "properties": {
              "limit": {
               "type": "integer",
               "minimum": 0
              },
              "offset": {
               "type": "integer",
               "minimum": 0
              },
              "period": {
               "enum": [
                "DAY",
                "WEEK",
                "MONTH"
               ]
              }
             },
             "additionalProperties": false
            },
            "throttle": {
             "type": "object",
             "properties": {
              "burstLimit": {
               "type": "integer",
               "minimum": 0
              },
              "rateLimit": {
               "type": "integer",
               "minimum": 0
              }
             },
             "additionalProperties": false
            }
           },
           "additionalProperties": false
          },
          "maxProperties": 1
         }
        }
       ]
      },
      "websocketApiId": {
       "$ref": "#/definitions/awsCfInstruction"
      }
     },
     "additionalProperties": false
    },
    "apiName": {
     "type": "string"
    },
    "architecture": {
     "$ref": "#/definitions/awsLambdaArchitecture"
    },
    "cfnRole": {
     "$ref": "#/definitions/awsArn"
    },
    "cloudFront": {
     "type": "object",
     "properties": {
      "cachePolicies": {
       "type": "object",
       "additionalProperties": {
        "type": "object",
        "properties": {
         "Comment": {
          "type": "string"
         },
         "DefaultTTL": {
          "type": "integer",
          "minimum": 0
         },
         "MaxTTL": {
          "type": "integer",
          "minimum": 0
         },
         "MinTTL": {
          "type": "integer",
          "minimum": 0
         },
         "ParametersInCacheKeyAndForwardedToOrigin": {
          "type": "object",
          "properties": {
           "CookiesConfig": {
            "type": "object",
            "properties": {
             "CookieBehavior": {
              "enum": [
               "none",
               "whitelist",
               "allExcept",
               "all"
              ]
             },
             "Cookies": {
              "type": "array",
              "items": {
               "type": "string"
              }
             }
            },
            "required": [
             "CookieBehavior"
            ],
            "additionalProperties": false
           },
           "EnableAcceptEncodingBrotli": {
            "type": "boolean"
           },
           "EnableAcceptEncodingGzip": {
            "type": "boolean"
           },
           "HeadersConfig": {
            "type": "object",
            "properties": {
             "HeaderBehavior": {
              "enum": [
               "none",
               "whitelist"
              ]
             },
             "Headers": {
              "type": "array",
              "items": {
               "type": "string"
              }
             }
            },
            "required": [
             "HeaderBehavior"
            ],
            "additionalProperties": false
           },
           "QueryStringsConfig": {
            "type": "object",
            "properties": {
             "QueryStringBehavior": {
              "enum": [
               "none",
               "whitelist",
               "allExcept",
               "all"
              ]
             },
             "QueryStrings": {
              "type": "array",
              "items": {
               "type": "string"
              }
             }
            },
            "required": [
             "QueryStringBehavior"
            ],
            "additionalProperties": false
           }
          },
          "required": [
           "CookiesConfig",
           "EnableAcceptEncodingGzip",
           "HeadersConfig",
           "QueryStringsConfig"
          ],
          "additionalProperties": false
         }
        },
        "required": [
         "DefaultTTL",
         "MaxTTL",
         "MinTTL",
         "ParametersInCacheKeyAndForwardedToOrigin"
        ],
        "additionalProperties": false
       }
      }
     },
     "additionalProperties": false
    },
    "deploymentBucket": {
     "anyOf": [
      {
       "$ref": "#/definitions/awsS3BucketName"
      },
      {
       "type": "object",
       "properties": {
        "blockPublicAccess": {
         "type": "boolean"
        },
        "skipPolicySetup": {
         "type": "boolean"
        },
        "maxPreviousDeploymentArtifacts": {
         "type": "integer",
         "minimum": 0
        },
        "name": {
         "$ref": "#/definitions/awsS3BucketName"
        },
        "versioning": {
         "type": "boolean"
        },
        "serverSideEncryption": {
         "enum": [
          "AES256",
          "aws:kms"
         ]
        },
        "sseCustomerAlgorithim": {
         "type": "string"
        },
        "sseCustomerKey": {
         "type": "string"
        },
        "sseCustomerKeyMD5": {
         "type": "string"
        },
        "sseKMSKeyId": {
         "type": "string"
        },
        "tags": {
         "$ref": "#/definitions/awsResourceTags"
        }
       },
       "additionalProperties": false
      }
     ]
    },
    "deploymentPrefix": {
     "type": "string"
    },
    "disableRollback": {
     "type": "boolean"
    },
    "endpointType": {
     "anyOf": [
      {
       "type": "string",
       "regexp": "/^REGIONAL$/i"
      },
      {
       "type": "string",
       "regexp": "/^EDGE$/i"
      },
      {
       "type": "string",
       "regexp": "/^PRIVATE$/i"
      }
     ]
    },
    "environment": {
     "$ref": "#/definitions/awsLambdaEnvironment"
    },
    "eventBridge": {
     "type": "object",
     "properties": {
      "useCloudFormation": {
       "type": "boolean"
      }
     },
     "additionalProperties": false
    },
    "httpApi": {
     "type": "object",
     "properties": {
      "authorizers": {
       "type": "object",
       "additionalProperties": {
        "oneOf": [
         {
          "type": "object",
          "properties": {
           "type": {
            "const": "jwt"
           },
           "name": {
            "type": "string"
           },
           "identitySource": {
            "$ref": "#/definitions/awsCfInstruction"
           },
           "issuerUrl": {
            "$ref": "#/definitions/awsCfInstruction"
           },
           "audience": {
            "anyOf": [
             {
              "$ref": "#/definitions/awsCfInstruction"
             },
             {
              "type": "array",
              "items": {
               "$ref": "#/definitions/awsCfInstruction"
              }
             }
            ]
           }
          },
          "required": [
           "identitySource",
           "issuerUrl",
           "audience"
          ],
          "additionalProperties": false
         },
         {
          "type": "object",
          "properties": {
           "type": {
            "const": "request"
           },
           "name": {
            "type": "string"
           },
           "functionName": {
            "type": "string"
           },
           "functionArn": {
            "$ref": "#/definitions/awsCfInstruction"
           },
           "managedExternally": {
            "type": "boolean"
           },
           "resultTtlInSeconds": {
            "type": "integer",
            "minimum": 0,
            "maximum": 3600
           },
           "enableSimpleResponses": {
            "type": "boolean"
           },
           "payloadVersion": {
            "$ref": "#/definitions/awsHttpApiPayload"
           },
           "identitySource": {
            "anyOf": [
             {
              "$ref": "#/definitions/awsCfInstruction"
             },
             {
              "type": "array",
              "items": {
               "$ref": "#/definitions/awsCfInstruction"
              }
             }
            ]
           }
          },
          "required": [
           "type"
          ]
         }
        ]
       }
      },
      "cors": {
       "anyOf": [
        {
         "type": "boolean"
        },
        {
         "type": "object",
         "properties": {
          "allowCredentials": {
           "type": "boolean"
          },
          "allowedHeaders": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "allowedMethods": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "allowedOrigins": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "exposedResponseHeaders": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "maxAge": {
           "type": "integer",
           "minimum": 0
          }
         },
         "additionalProperties": false
        }
       ]
      },
      "id": {
       "anyOf": [
        {
         "type": "string"
        },
        {
         "$ref": "#/definitions/awsCfImportLocallyResolvable"
        }
       ]
      },
      "name": {
       "type": "string"
      },
      "payload": {
       "type": "string"
      },
      "metrics": {
       "type": "boolean"
      },
      "useProviderTags": {
       "const": true
      },
      "disableDefaultEndpoint": {
       "type": "boolean"
      },
      "shouldStartNameWithService": {
       "type": "boolean"
      }
     },
     "additionalProperties": false
    },
    "iam": {
     "type": "object",
     "properties": {
      "role": {
       "anyOf": [
        {
         "$ref": "#/definitions/awsLambdaRole"
        },
        {
         "type": "object",
         "properties": {
          "name": {
           "type": "string",
           "pattern": "^[A-Za-z0-9/_+=,.@-]{1,64}$"
          },
          "path": {
           "type": "string",
           "pattern": "(^\\/$)|(^\\/[!-\u007f]+\\/$)"
          },
          "managedPolicies": {
           "type": "array",
           "items": {
            "$ref": "#/definitions/awsArn"
           }
          },
          "statements": {
           "$ref": "#/definitions/awsIamPolicyStatements"
          },
          "permissionBoundary": {
           "$ref": "#/definitions/awsArn"
          },
          "permissionsBoundary": {
           "$ref": "#/definitions/awsArn"
          },
          "tags": {
           "$ref": "#/definitions/awsResourceTags"
          }
         },
         "additionalProperties": false
        }
       ]
      },
      "deploymentRole": {
       "$ref": "#/definitions/awsArn"
      }
     },
     "additionalProperties": false
    },
    "iamManagedPolicies": {
     "type": "array",
     "items": {
      "$ref": "#/definitions/awsArn"
     }
    },
    "iamRoleStatements": {
     "$ref": "#/definitions/awsIamPolicyStatements"
    },
    "ecr": {
     "type": "object",
     "properties": {
      "scanOnPush": {
       "type": "boolean"
      },
      "images": {
       "type": "object",
       "patternProperties": {
        "^[a-z][a-z0-9-_]{1,31}$": {
         "anyOf": [
          {
           "type": "object",
           "properties": {
            "uri": {
             "$ref": "#/definitions/ecrImageUri"
            },
            "path": {
             "type": "string"
            },
            "file": {
             "type": "string"
            },
            "buildArgs": {
             "type": "object",
             "additionalProperties": {
              "type": "string"
             }
            },
            "cacheFrom": {
             "type": "array",
             "items": {
              "type": "string"
             }
            },
            "platform": {
             "type": "string"
            }
           },
           "additionalProperties": false
          },
          {
           "type": "string"
          }
         ]
        }
       }
      }
     },
     "required": [
      "images"
     ],
     "additionalProperties": false
    },
    "kmsKeyArn": {
     "$ref": "#/definitions/awsKmsArn"
    },
    "lambdaHashingVersion": {
     "type": "string",
     "enum": [
      "20200924",
      "20201221"
     ]
    },
    "layers": {
     "$ref": "#/definitions/awsLambdaLayers"
    },
    "logRetentionInDays": {
     "$ref": "#/definitions/awsLogRetentionInDays"
    },
    "logDataProtectionPolicy": {
     "$ref": "#/definitions/awsLogDataProtectionPolicy"
    },
    "logs": {
     "type": "object",
     "properties": {
      "frameworkLambda": {
       "type": "boolean"
      },
      "httpApi": {
       "anyOf": [
        {
         "type": "boolean"
        },
        {
         "type": "object",
         "properties": {
          "format": {
           "type": "string"
          }
         },
         "additionalProperties": false
        }
       ]
      },
      "restApi": {
       "anyOf": [
        {
         "type": "boolean"
        },
        {
         "type": "object",
         "properties": {
          "accessLogging": {
           "type": "boolean"
          },
          "executionLogging": {
           "type": "boolean"
          },
          "format": {
           "type": "string"
          },
          "fullExecutionData": {
           "type": "boolean"
          },
          "level": {
           "enum": [
            "INFO",
            "ERROR"
           ]
          },
          "role": {
           "$ref": "#/definitions/awsArn"
          },
          "roleManagedExternally": {
           "type": "boolean"
          }
         },
         "additionalProperties": false
        }
       ]
      },
      "websocket": {
       "anyOf": [
        {
         "type": "boolean"
        },
        {
         "type": "object",
         "properties": {
          "accessLogging": {
           "type": "boolean"
          },
          "executionLogging": {
           "type": "boolean"
          },
          "format": {
           "type": "string"
          },
          "fullExecutionData": {
           "type": "boolean"
          },
          "level": {
           "enum": [
            "INFO",
            "ERROR"
           ]
          }
         },
         "additionalProperties": false
        }
       ]
      }
     }
    },
    "memorySize": {
     "$ref": "#/definitions/awsLambdaMemorySize"
    },
    "notificationArns": {
     "type": "array",
     "items": {
      "$ref": "#/definitions/awsArnString"
     }
    },
    "profile": {
     "type": "string"
    },
    "region": {
     "enum": [
      "us-east-1",
      "us-east-2",
      "us-gov-east-1",
      "us-gov-west-1",
      "us-iso-east-1",
      "us-iso-west-1",
      "us-isob-east-1",
      "us-west-1",
      "us-west-2",
      "af-south-1",
      "ap-east-1",
      "ap-northeast-1",
      "ap-northeast-2",
      "ap-northeast-3",
      "ap-south-1",
      "ap-south-2",
      "ap-southeast-1",
      "ap-southeast-2",
      "ap-southeast-3",
      "ap-southeast-4",
      "ca-central-1",
      "cn-north-1",
      "cn-northwest-1",
      "eu-central-1",
      "eu-central-2",
      "eu-north-1",
      "eu-south-1",
      "eu-south-2",
      "eu-west-1",
      "eu-west-2",
      "eu-west-3",
      "il-central-1",
      "me-central-1",
      "me-south-1",
      "sa-east-1"
     ]
    },
    "role": {
     "$ref": "#/definitions/awsLambdaRole"
    },
    "rolePermissionsBoundary": {
     "$ref": "#/definitions/awsArnString"
    },
    "rollbackConfiguration": {
     "type": "object",
     "properties": {
      "RollbackTriggers": {
       "type": "array",
       "items": {
        "type": "object",
        "properties": {
         "Arn": {
          "$ref": "#/definitions/awsArnString"
         },
         "Type": {
          "const": "AWS::CloudWatch::Alarm"
         }
        },
        "additionalProperties": false,
        "required": [
         "Arn",
         "Type"
        ]
       }
      },
      "MonitoringTimeInMinutes": {
       "type": "integer",
       "minimum": 0
      }
     },
     "additionalProperties": false
    },
    "runtime": {
     "$ref": "#/definitions/awsLambdaRuntime"
    },
    "runtimeManagement": {
     "$ref": "#/definitions/awsLambdaRuntimeManagement"
    },
    "deploymentMethod": {
     "enum": [
      "changesets",
      "direct"
     ]
    },
    "s3": {
     "type": "object",
     "additionalProperties": {
      "type": "object",
      "properties": {
       "accelerateConfiguration": {
        "type": "object",
        "properties": {
         "AccelerationStatus": {
          "enum": [
           "Enabled",
           "Suspended"
          ]
         }
        },
        "required": [
         "AccelerationStatus"
        ],
        "additionalProperties": false
       },
       "accessControl": {
        "type": "string"
       },
       "analyticsConfigurations": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "Id": {
           "type": "string"
          },
          "Prefix": {
           "type": "string"
          },
          "StorageClassAnalysis": {
           "type": "object",
           "properties": {
            "DataExport": {
             "type": "object",
             "properties": {
              "Destination": {
               "type": "object",
               "properties": {
                "BucketAccountId": {
                 "type": "string",
                 "pattern": "\\d{12}"
                },
                "BucketArn": {
                 "$ref": "#/definitions/awsArn"
                },
                "Format": {
                 "enum": [
                  "CSV",
                  "ORC",
                  "Parquet"
                 ]
                },
                "Prefix": {
                 "type": "string"
                }
               },
               "required": [
                "BucketArn",
                "Format"
               ],
               "additionalProperties": false
              },
              "OutputSchemaVersion": {
               "const": "V_1"
              }
             },
             "required": [
              "Destination",
              "OutputSchemaVersion"
             ],
             "additionalProperties": false
            }
           },
           "additionalProperties": false
          },
          "TagFilters": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "Key": {
              "type": "string"
             },
             "Value": {
              "type": "string"
             }
            },
            "required": [
             "Key",
             "Value"
            ],
            "additionalProperties": false
           }
          }
         },
         "required": [
          "Id",
          "StorageClassAnalysis"
         ],
         "additionalProperties": false
        }
       },
       "bucketEncryption": {
        "type": "object",
        "properties": {
         "ServerSideEncryptionConfiguration": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "ServerSideEncryptionByDefault": {
             "type": "object",
             "properties": {
              "KMSMasterKeyID": {
               "anyOf": [
                {
                 "$ref": "#/definitions/awsArn"
                },
                {
                 "type": "string",
                 "pattern": "^[a-f0-9-]+$"
                }
               ]
              },
              "SSEAlgorithm": {
               "enum": [
                "AES256",
                "aws:kms"
               ]
              }
             },
             "required": [
              "SSEAlgorithm"
             ],
             "additionalProperties": false
            },
            "BucketKeyEnabled": {
             "type": "boolean"
            }
           },
           "additionalProperties": false
          }
         }
        },
        "required": [
         "ServerSideEncryptionConfiguration"
        ],
        "additionalProperties": false
       },
       "bucketName": {
        "$ref": "#/definitions/awsS3BucketName"
       },
       "corsConfiguration": {
        "type": "object",
        "properties": {
         "CorsRules": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "AllowedHeaders": {
             "type": "array",
             "items": {
              "type": "string"
             }
            },
            "AllowedMethods": {
             "type": "array",
             "items": {
              "enum": [
               "GET",
               "PUT",
               "HEAD",
               "POST",
               "DELETE"
              ]
             }
            },
            "AllowedOrigins": {
             "type": "array",
             "items": {
              "type": "string"
             }
            },
            "ExposedHeaders": {
             "type": "array",
             "items": {
              "type": "string"
             }
            },
            "Id": {
             "type": "string",
             "maxLength": 255
            },
            "MaxAge": {
             "type": "integer",
             "minimum": 0
            }
           },
           "required": [
            "AllowedMethods",
            "AllowedOrigins"
           ],
           "additionalProperties": false
          },
          "maxItems": 100
         }
        },
        "required": [
         "CorsRules"
        ],
        "additionalProperties": false
       },
       "inventoryConfigurations": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "Destination": {
           "type": "object",
           "properties": {
            "BucketAccountId": {
             "type": "string",
             "pattern": "\\d{12}"
            },
            "BucketArn": {
             "$ref": "#/definitions/awsArn"
            },
            "Format": {
             "enum": [
              "CSV",
              "ORC",
              "Parquet"
             ]
            },
            "Prefix": {
             "type": "string"
            }
           },
           "required": [
            "BucketArn",
            "Format"
           ],
           "additionalProperties": false
          },
          "Enabled": {
           "type": "boolean"
          },
          "Id": {
           "type": "string"
          },
          "IncludedObjectVersions": {
           "enum": [
            "All",
            "Current"
           ]
          },
          "OptionalFields": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "Prefix": {
           "type": "string"
          },
          "ScheduleFrequency": {
           "enum": [
            "Daily",
            "Weekly"
           ]
          }
         },
         "required": [
          "Destination",
          "Enabled",
          "Id",
          "IncludedObjectVersions",
          "ScheduleFrequency"
         ],
         "additionalProperties": false
        }
       },
       "lifecycleConfiguration": {
        "type": "object",
        "properties": {
         "Rules": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "AbortIncompleteMultipartUpload": {
             "type": "object",
             "properties": {
              "DaysAfterInitiation": {
               "type": "integer",
               "minimum": 0
              }
             },
             "required": [
              "DaysAfterInitiation"
             ],
             "additionalProperties": false
            },
            "ExpirationDate": {
             "type": "string",
             "format": "date-time"
            },
            "ExpirationInDays": {
             "anyOf": [
              {
               "type": "integer",
               "minimum": 0
              },
              {
               "$ref": "#/definitions/awsCfFunction"
              },
              {
               "$ref": "#/definitions/awsCfIf"
              }
             ]
            },
            "Id": {
             "type": "string",
             "maxLength": 255
            },
            "NoncurrentVersionExpirationInDays": {
             "type": "integer",
             "minimum": 0
            },
            "NoncurrentVersionTransition": {
             "type": "object",
             "properties": {
              "StorageClass": {
               "enum": [
                "DEEP_ARCHIVE",
                "GLACIER",
                "INTELLIGENT_TIERING",
                "ONEZONE_IA",
                "STANDARD_IA"
               ]
              },
              "TransitionInDays": {
               "type": "integer",
               "minimum": 0
              }
             },
             "required": [
              "StorageClass",
              "TransitionInDays"
             ],
             "additionalProperties": false
            },
            "NoncurrentVersionTransitions": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "StorageClass": {
                "enum": [
                 "DEEP_ARCHIVE",
                 "GLACIER",
                 "INTELLIGENT_TIERING",
                 "ONEZONE_IA",
                 "STANDARD_IA"
                ]
               },
               "TransitionInDays": {
                "type": "integer",
                "minimum": 0
               }
              },
              "required": [
               "StorageClass",
               "TransitionInDays"
              ],
              "additionalProperties": false
             }
            },
            "Prefix": {
             "type": "string"
            },
            "Status": {
             "enum": [
              "Disabled",
              "Enabled"
             ]
            },
            "TagFilters": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "Key": {
                "type": "string"
               },
               "Value": {
                "type": "string"
               }
              },
              "required": [
               "Key",
               "Value"
              ],
              "additionalProperties": false
             }
            },
            "Transitions": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "StorageClass": {
                "enum": [
                 "DEEP_ARCHIVE",
                 "GLACIER",
                 "INTELLIGENT_TIERING",
                 "ONEZONE_IA",
                 "STANDARD_IA"
                ]
               },
               "TransitionDate": {
                "type": "string",
                "format": "date-time"
               },
               "TransitionInDays": {
                "type": "integer",
                "minimum": 1
               }
              },
              "required": [
               "StorageClass"
              ],
              "additionalProperties": false
             }
            }
           },
           "required": [
            "Status"
           ],
           "anyOf": [
            {
             "required": [
              "AbortIncompleteMultipartUpload"
             ]
            },
            {
             "required": [
              "ExpirationDate"
             ]
            },
            {
             "required": [
              "ExpirationInDays"
             ]
            },
            {
             "required": [
              "NoncurrentVersionExpirationInDays"
             ]
            },
            {
             "required": [
              "NoncurrentVersionTransition"
             ]
            },
            {
             "required": [
              "NoncurrentVersionTransitions"
             ]
            },
            {
             "required": [
              "Transition"
             ]
            },
            {
             "required": [
              "Transitions"
             ]
            }
           ],
           "additionalProperties": false
          }
         }
        },
        "required": [
         "Rules"
        ],
        "additionalProperties": false
       },
       "loggingConfiguration": {
        "type": "object",
        "properties": {
         "DestinationBucketName": {
          "anyOf": [
           {
            "$ref": "#/definitions/awsS3BucketName"
           },
           {
            "$ref": "#/definitions/awsCfFunction"
           }
          ]
         },
         "LogFilePrefix": {
          "type": "string"
         }
        },
        "additionalProperties": false
       },
       "metricsConfigurations": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "Id": {
           "type": "string"
          },
          "Prefix": {
           "type": "string"
          },
          "TagFilters": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "Key": {
              "type": "string"
             },
             "Value": {
              "type": "string"
             }
            },
            "required": [
             "Key",
             "Value"
            ],
            "additionalProperties": false
           }
          }
         },
         "required": [
          "Id"
         ],
         "additionalProperties": false
        }
       },
       "name": {
        "$ref": "#/definitions/awsS3BucketName"
       },
       "notificationConfiguration": {
        "type": "object",
        "properties": {
         "LambdaConfigurations": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "Event": {
             "type": "string",
             "pattern": "^s3:"
            },
            "Filter": {
             "type": "object",
             "properties": {
              "S3Key": {
               "type": "object",
               "properties": {
                "Rules": {
                 "type": "array",
                 "items": {
                  "type": "object",
                  "properties": {
                   "Name": {
                    "enum": [
                     "prefix",
                     "suffix"
                    ]
                   },
                   "Value": {
                    "type": "string"
                   }
                  },
                  "required": [
                   "Name",
                   "Value"
                  ],
                  "additionalProperties": false
                 }
                }
               },
               "required": [
                "Rules"
               ],
               "additionalProperties": false
              }
             },
             "required": [
              "S3Key"
             ],
             "additionalProperties": false
            },
            "Function": {
             "$ref": "#/definitions/awsArn"
            }
           },
           "required": [
            "Event",
            "Function"
           ],
           "additionalProperties": false
          }
         },
         "QueueConfigurations": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "Event": {
             "type": "string",
             "pattern": "^s3:"
            },
            "Filter": {
             "type": "object",
             "properties": {
              "S3Key": {
               "type": "object",
               "properties": {
                "Rules": {
                 "type": "array",
                 "items": {
                  "type": "object",
                  "properties": {
                   "Name": {
                    "enum": [
                     "prefix",
                     "suffix"
                    ]
                   },
                   "Value": {
                    "type": "string"
                   }
                  },
                  "required": [
                   "Name",
                   "Value"
                  ],
                  "additionalProperties": false
                 }
                }
               },
               "required": [
                "Rules"
               ],
               "additionalProperties": false
              }
             },
             "required": [
              "S3Key"
             ],
             "additionalProperties": false
            },
            "Queue": {
             "$ref": "#/definitions/awsArn"
            }
           },
           "required": [
            "Event",
            "Queue"
           ],
           "additionalProperties": false
          }
         },
         "TopicConfigurations": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "Event": {
             "type": "string",
             "pattern": "^s3:"
            },
            "Filter": {
             "type": "object",
             "properties": {
              "S3Key": {
               "type": "object",
               "properties": {
                "Rules": {
                 "type": "array",
                 "items": {
                  "type": "object",
                  "properties": {
                   "Name": {
                    "enum": [
                     "prefix",
                     "suffix"
                    ]
                   },
                   "Value": {
                    "type": "string"
                   }
                  },
                  "required": [
                   "Name",
                   "Value"
                  ],
                  "additionalProperties": false
                 }
                }
               },
               "required": [
                "Rules"
               ],
               "additionalProperties": false
              }
             },
             "required": [
              "S3Key"
             ],
             "additionalProperties": false
            },
            "Topic": {
             "$ref": "#/definitions/awsArn"
            }
           },
           "required": [
            "Event",
            "Topic"
           ],
           "additionalProperties": false
          }
         }
        },
        "additionalProperties": false
       },
       "objectLockConfiguration": {
        "type": "object",
        "properties": {
         "ObjectLockEnabled": {
          "const": "Enabled"
         },
         "Rule": {
          "type": "object",
          "properties": {
           "DefaultRetention": {
            "type": "object",
            "properties": {
             "Days": {
              "type": "integer",
              "minimum": 0
             },
             "Mode": {
              "enum": [
               "COMPLIANCE",
               "GOVERNANCE"
              ]
             },
             "Years": {
              "type": "integer",
              "minimum": 0
             }
            },
            "additionalProperties": false
           }
          },
          "additionalProperties": false
         }
        },
        "additionalProperties": false
       },
       "objectLockEnabled": {
        "type": "boolean"
       },
       "publicAccessBlockConfiguration": {
        "type": "object",
        "properties": {
         "BlockPublicAcls": {
          "type": "boolean"
         },
         "BlockPublicPolicy": {
          "type": "boolean"
         },
         "IgnorePublicAcls": {
          "type": "boolean"
         },
         "RestrictPublicBuckets": {
          "type": "boolean"
         }
        },
        "additionalProperties": false
       },
       "replicationConfiguration": {
        "type": "object",
        "properties": {
         "Role": {
          "$ref": "#/definitions/awsArn"
         },
         "Rules": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "DeleteMarkerReplication": {
             "type": "object",
             "properties": {
              "Status": {
               "enum": [
                "Disabled",
                "Enabled"
               ]
              }
             },
             "additionalProperties": false
            },
            "Destination": {
             "type": "object",
             "properties": {
              "AccessControlTranslation": {
               "type": "object",
               "properties": {
                "Owner": {
                 "const": "Destination"
                }
               },
               "required": [
                "Owner"
               ],
               "additionalProperties": false
              },
              "Account": {
               "type": "string",
               "pattern": "^\\d{12}$"
              },
              "Bucket": {
               "$ref": "#/definitions/awsArn"
              },
              "EncryptionConfiguration": {
               "type": "object",
               "properties": {
                "ReplicaKmsKeyID": {
                 "type": "string"
                }
               },
               "required": [
                "ReplicaKmsKeyID"
               ],
               "additionalProperties": false
              },
              "Metrics": {
               "type": "object",
               "properties": {
                "EventThreshold": {
                 "type": "object",
                 "properties": {
                  "Minutes": {
                   "type": "integer",
                   "minimum": 0
                  }
                 },
                 "required": [
                  "Minutes"
                 ],
                 "additionalProperties": false
                },
                "Status": {
                 "enum": [
                  "Disabled",
                  "Enabled"
                 ]
                }
               },
               "required": [
                "EventThreshold",
                "Status"
               ],
               "additionalProperties": false
              },
              "ReplicationTime": {
               "type": "object",
               "properties": {
                "Status": {
                 "enum": [
                  "Disabled",
                  "Enabled"
                 ]
                },
                "Time": {
                 "type": "object",
                 "properties": {
                  "Minutes": {
                   "type": "integer",
                   "minimum": 0
                  }
                 },
                 "required": [
                  "Minutes"
                 ],
                 "additionalProperties": false
                }
               },
               "required": [
                "Status",
                "Time"
               ],
               "additionalProperties": false
              },
              "StorageClass": {
               "enum": [
                "DEEP_ARCHIVE",
                "GLACIER",
                "INTELLIGENT_TIERING",
                "ONEZONE_IA",
                "OUTPOSTS",
                "REDUCED_REDUNDANCY",
                "STANDARD",
                "STANDARD_IA"
               ]
              }
             },
             "required": [
              "Bucket"
             ],
             "additionalProperties": false,
             "dependencies": {
              "AccessControlTranslation": [
               "Account"
              ]
             }
            },
            "Filter": {
             "type": "object",
             "properties": {
              "And": {
               "type": "object",
               "properties": {
                "Prefix": {
                 "type": "string"
                },
                "TagFilters": {
                 "type": "array",
                 "items": {
                  "type": "object",
                  "properties": {
                   "Key": {
                    "type": "string"
                   },
                   "Value": {
                    "type": "string"
                   }
                  },
                  "required": [
                   "Key",
                   "Value"
                  ],
                  "additionalProperties": false
                 }
                }
               },
               "additionalProperties": false
              },
              "Prefix": {
               "type": "string"
              },
              "TagFilter": {
               "type": "object",
               "properties": {
                "Key": {
                 "type": "string"
                },
                "Value": {
                 "type": "string"
                }
               },
               "required": [
                "Key",
                "Value"
               ],
               "additionalProperties": false
              }
             },
             "additionalProperties": false
            },
            "Id": {
             "type": "string",
             "maxLength": 255
            },
            "Prefix": {
             "type": "string"
            },
            "Priority": {
             "type": "integer"
            },
            "SourceSelectionCriteria": {
             "type": "object",
             "properties": {
              "SseKmsEncryptedObjects": {
               "type": "object",
               "properties": {
                "Status": {
                 "enum": [
                  "Disabled",
                  "Enabled"
                 ]
                }
               },
               "required": [
                "Status"
               ],
               "additionalProperties": false
              }
             },
             "required": [
              "SseKmsEncryptedObjects"
             ],
             "additionalProperties": false
            },
            "Status": {
             "enum": [
              "Disabled",
              "Enabled"
             ]
            }
           },
           "required": [
            "Destination",
            "Status"
           ],
           "additionalProperties": false
          },
          "minItems": 1,
          "maxItems": 1000
         }
        },
        "required": [
         "Role",
         "Rules"
        ],
        "additionalProperties": false
       },
       "tags": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "Key": {
           "type": "string"
          },
          "Value": {
           "type": "string"
          }
         },
         "required": [
          "Key",
          "Value"
         ],
         "additionalProperties": false
        }
       },
       "versioningConfiguration": {
        "type": "object",
        "properties": {
         "Status": {
          "enum": [
           "Enabled",
           "Suspended"
          ]
         }
        },
        "required": [
         "Status"
        ],
        "additionalProperties": false
       },
       "websiteConfiguration": {
        "type": "object",
        "properties": {
         "ErrorDocument": {
          "type": "string"
         },
         "IndexDocument": {
          "type": "string"
         },
         "RedirectAllRequestsTo": {
          "type": "object",
          "properties": {
           "HostName": {
            "type": "string"
           },
           "Protocol": {
            "enum": [
             "http",
             "https"
            ]
           }
          },
          "required": [
           "HostName"
          ],
          "additionalProperties": false
         },
         "RoutingRules": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "RedirectRule": {
             "type": "object",
             "properties": {
              "HostName": {
               "type": "string"
              },
              "HttpRedirectCode": {
               "type": "string"
              },
              "Protocol": {
               "enum": [
                "http",
                "https"
               ]
              },
              "ReplaceKeyPrefixWith": {
               "type": "string"
              },
              "ReplaceKeyWith": {
               "type": "string"
              }
             },
             "additionalProperties": false
            },
            "RoutingRuleCondition": {
             "type": "object",
             "properties": {
              "HttpErrorCodeReturnedEquals": {
               "type": "string"
              },
              "KeyPrefixEquals": {
               "type": "string"
              }
             },
             "additionalProperties": false
            }
           },
           "required": [
            "RedirectRule"
           ],
           "additionalProperties": false
          }
         }
        },
        "additionalProperties": false
       }
      },
      "additionalProperties": false
     }
    },
    "stage": {
     "$ref": "#/definitions/stage"
    },
    "stackName": {
     "type": "string",
     "pattern": "^[a-zA-Z][a-zA-Z0-9-]*$",
     "maxLength": 128
    },
    "stackParameters": {
     "type": "array",
     "items": {
      "type": "object",
      "properties": {
       "ParameterKey": {
        "type": "string"
       },
       "ParameterValue": {
        "type": "string"
       },
       "UsePreviousValue": {
        "type": "boolean"
       },
       "ResolvedValue": {
        "type": "string"
       }
      },
      "additionalProperties": false
     }
    },
    "stackPolicy": {
     "$ref": "#/definitions/awsIamPolicyStatements"
    },
    "stackTags": {
     "$ref": "#/definitions/awsResourceTags"
    },
    "tags": {
     "$ref": "#/definitions/awsResourceTags"
    },
    "timeout": {
     "$ref": "#/definitions/awsLambdaTimeout"
    },
    "tracing": {
     "type": "object",
     "properties": {
      "apiGateway": {
       "type": "boolean"
      },
      "lambda": {
       "$ref": "#/definitions/awsLambdaTracing"
      }
     },
     "additionalProperties": false
    },
    "vpc": {
     "$ref": "#/definitions/awsLambdaVpcConfig"
    },
    "vpcEndpointIds": {
     "$ref": "#/definitions/awsCfArrayInstruction"
    },
    "versionFunctions": {
     "$ref": "#/definitions/awsLambdaVersioning"
    },
    "websocket": {
     "type": "object",
     "properties": {
      "useProviderTags": {
       "type": "boolean"
      }
     },
     "additionalProperties": false
    },
    "websocketsApiName": {
     "type": "string"
    },
    "kinesis": {
     "type": "object",
     "properties": {
      "consumerNamingMode": {
       "const": "serviceSpecific"
      }
     },
     "additionalProperties": false
    },
    "websocketsApiRouteSelectionExpression": {
     "type": "string"
    },
    "websocketsDescription": {
     "type": "string"
    }
   },
   "required": [
    "name"
   ],
   "additionalProperties": false
  },
  "service": {
   "$ref": "#/definitions/serviceName"
  },
  "useDotenv": {
   "const": true
  },
  "variablesResolutionMode": {
   "type": "string",
   "enum": [
    "20210219",
    "20210326"
   ]
  },
  "resources": {
   "type": "object",
   "properties": {
    "AWSTemplateFormatVersion": {
     "type": "string"
    },
    "Conditions": {
     "type": "object"
    },
    "Description": {
     "type": "string"
    },
    "Mappings": {
     "type": "object"
    },
    "Metadata": {
     "type": "object"
    },
    "Outputs": {
     "type": "object"
    },
    "Parameters": {
     "type": "object"
    },
    "Resources": {
     "type": "object",
     "properties": {
      "Fn::Transform": {
       "type": "object",
       "properties": {
        "Name": {
         "type": "string"
        },
        "Parameters": {
         "type": "object"
        }
       },
       "required": [
        "Name"
       ],
       "additionalProperties": false
      }
     },
     "patternProperties": {
      "^[a-zA-Z0-9]{1,255}$": {
       "type": "object",
       "properties": {
        "Type": {
         "type": "string"
        },
        "Properties": {
         "type": "object"
        },
        "CreationPolicy": {
         "type": "object"
        },
        "DeletionPolicy": {
         "type": "string"
        },
        "DependsOn": {
         "$ref": "#/definitions/awsResourceDependsOn"
        },
        "Metadata": {
         "type": "object"
        },
        "UpdatePolicy": {
         "type": "object"
        },
        "UpdateReplacePolicy": {
         "type": "string"
        },
        "Condition": {
         "$ref": "#/definitions/awsResourceCondition"
        }
       },
       "required": [
        "Type"
       ],
       "additionalProperties": false
      }
     },
     "additionalProperties": false
    },
    "Transform": {
     "type": "array",
     "items": {
      "type": "string"
     }
    },
    "extensions": {
     "type": "object",
     "patternProperties": {
      "^[a-zA-Z0-9]{1,255}$": {
       "type": "object",
       "properties": {
        "Properties": {
         "type": "object"
        },
        "CreationPolicy": {
         "type": "object"
        },
        "DeletionPolicy": {
         "type": "string"
        },
        "DependsOn": {
         "$ref": "#/definitions/awsResourceDependsOn"
        },
        "Metadata": {
         "type": "object"
        },
        "UpdatePolicy": {
         "type": "object"
        },
        "UpdateReplacePolicy": {
         "type": "string"
        },
        "Condition": {
         "$ref": "#/definitions/awsResourceCondition"
        }
       },
       "additionalProperties": false
      }
     },
     "additionalProperties": false
    }
   },
   "additionalProperties": false
  },
  "layers": {
   "type": "object",
   "additionalProperties": {
    "type": "object",
    "properties": {
     "allowedAccounts": {
      "type": "array",
      "items": {
       "type": "string",
       "pattern": "^(\\d{12}|\\*|arn:(aws[a-zA-Z-]*):iam::\\d{12}:root)$"
      }
     },
     "compatibleArchitectures": {
      "type": "array",
      "items": {
       "$ref": "#/definitions/awsLambdaArchitecture"
      },
      "maxItems": 2
     },
     "compatibleRuntimes": {
      "type": "array",
      "items": {
       "$ref": "#/definitions/awsLambdaRuntime"
      },
      "maxItems": 15
     },
     "description": {
      "type": "string",
      "maxLength": 256
     },
     "licenseInfo": {
      "type": "string",
      "maxLength": 512
     },
     "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 140,
      "pattern": "^((arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+)$"
     },
     "package": {
      "type": "object",
      "properties": {
       "artifact": {
        "type": "string"
       },
       "exclude": {
        "type": "array",
        "items": {
         "type": "string"
        }
       },
       "include": {
        "type": "array",
        "items": {
         "type": "string"
        }
       },
       "patterns": {
        "type": "array",
        "items": {
         "type": "string"
        }
       }
      },
      "additionalProperties": false
     },
     "path": {
      "type": "string"
     },
     "retain": {
      "type": "boolean"
     }
    },
    "additionalProperties": false
   }
  }
 },
 "additionalProperties": false,
 "required": [
  "provider",
  "service"
 ],
 "definitions": {
  "errorCode": {
   "type": "string",
   "pattern": "^[A-Z0-9_]+$"
  },
  "functionName": {
   "type": "string",
   "pattern": "^[a-zA-Z0-9-_]+$"
  },
  "serviceName": {
   "type": "string",
   "pattern": "^[a-zA-Z][0-9a-zA-Z-]+$"
  },
  "stage": {
   "type": "string",
   "pattern": "^[a-zA-Z0-9-]+$"
  },
  "awsAccountId": {
   "type": "string",
   "pattern": "^\\d{12}$"
  },
  "awsAlbListenerArn": {
   "type": "string",
   "pattern": "^arn:aws[\\w-]*:elasticloadbalancing:.+:listener\\/app\\/[\\w-]+\\/([\\w-]+)\\/([\\w-]+)$"
  },
  "awsAlexaEventToken": {
   "type": "string",
   "minLength": 0,
   "maxLength": 256,
   "pattern": "^[a-zA-Z0-9._\\-]+$"
  },
  "awsApiGatewayAbbreviatedArn": {
   "type": "string",
   "pattern": "^execute-api:/"
  },
  "awsApiGatewayApiKeys": {
   "type": "array",
   "items": {
    "anyOf": [
     {
      "type": "string"
     },
     {
      "$ref": "#/definitions/awsApiGatewayApiKeysProperties"
     },
     {
      "type": "object",
      "maxProperties": 1,
      "additionalProperties": {
       "type": "array",
       "items": {
        "oneOf": [
         {
          "type": "string"
         },
         {
          "$ref": "#/definitions/awsApiGatewayApiKeysProperties"
         }
        ]
       }
      }
     }
    ]
   }
  },
  "awsApiGatewayApiKeysProperties": {
   "type": "object",
   "properties": {
    "name": {
     "type": "string"
    },
    "value": {
     "type": "string"
    },
    "description": {
     "type": "string"
    },
    "customerId": {
     "type": "string"
    },
    "enabled": {
     "type": "boolean"
    }
   },
   "additionalProperties": false
  },
  "awsHttpApiPayload": {
   "type": "string",
   "enum": [
    "1.0",
    "2.0"
   ]
  },
  "awsArn": {
   "anyOf": [
    {
     "$ref": "#/definitions/awsArnString"
    },
    {
     "$ref": "#/definitions/awsCfFunction"
    }
   ]
  },
  "awsArnString": {
   "type": "string",
   "pattern": "^arn:"
  },
  "awsCfArrayInstruction": {
   "anyOf": [
    {
     "type": "array",
     "items": {
      "$ref": "#/definitions/awsCfInstruction"
     }
    },
    {
     "$ref": "#/definitions/awsCfSplit"
    }
   ]
  },
  "awsSecretsManagerArnString": {
   "type": "string",
   "pattern": "arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\\d+:secret:[A-Za-z0-9/_+=.@-]+"
  },
  "awsCfFunction": {
   "anyOf": [
    {
     "$ref": "#/definitions/awsCfImport"
    },
    {
     "$ref": "#/definitions/awsCfJoin"
    },
    {
     "$ref": "#/definitions/awsCfGetAtt"
    },
    {
     "$ref": "#/definitions/awsCfRef"
    },
    {
     "$ref": "#/definitions/awsCfSub"
    },
    {
     "$ref": "#/definitions/awsCfBase64"
    },
    {
     "$ref": "#/definitions/awsCfToJsonString"
    }
   ]
  },
  "awsCfGetAtt": {
   "type": "object",
   "properties": {
    "Fn::GetAtt": {
     "type": "array",
     "minItems": 2,
     "maxItems": 2,
     "items": {
      "type": "string",
      "minLength": 1
     }
    }
   },
   "required": [
    "Fn::GetAtt"
   ],
   "additionalProperties": false
  },
  "awsCfGetAZs": {
   "type": "object",
   "properties": {
    "Fn::GetAZs": {
     "oneOf": [
      {
       "type": "string",
       "minLength": 1
      },
      {
       "$ref": "#/definitions/awsCfRef"
      }
     ]
    }
   },
   "required": [
    "Fn::GetAZs"
   ],
   "additionalProperties": false
  },
  "awsCfImport": {
   "type": "object",
   "properties": {
    "Fn::ImportValue": {}
   },
   "additionalProperties": false,
   "required": [
    "Fn::ImportValue"
   ]
  },
  "awsCfIf": {
   "type": "object",
   "properties": {
    "Fn::If": {
     "type": "array",
     "minItems": 3,
     "maxItems": 3,
     "items": {
      "$ref": "#/definitions/awsCfInstruction"
     }
    }
   },
   "required": [
    "Fn::If"
   ],
   "additionalProperties": false
  },
  "awsCfImportLocallyResolvable": {
   "type": "object",
   "properties": {
    "Fn::ImportValue": {
     "type": "string"
    }
   },
   "additionalProperties": false,
   "required": [
    "Fn::ImportValue"
   ]
  },
  "awsCfInstruction": {
   "anyOf": [
    {
     "type": "string",
     "minLength": 1
    },
    {
     "$ref": "#/definitions/awsCfFunction"
    }
   ]
  },
  "awsCfJoin": {
   "type": "object",
   "properties": {
    "Fn::Join": {
     "type": "array",
     "minItems": 2,
     "maxItems": 2,
     "items": [
      {
       "type": "string"
      },
      {
       "type": "array"
      }
     ],
     "additionalItems": false
    }
   },
   "required": [
    "Fn::Join"
   ],
   "additionalProperties": false
  },
  "awsCfSelect": {
   "type": "object",
   "properties": {
    "Fn::Select": {
     "type": "array",
     "minItems": 2,
     "maxItems": 2,
     "items": {
      "anyOf": [
       {
        "type": "number"
       },
       {
        "type": "string"
       },
       {
        "type": "array"
       },
       {
        "$ref": "#/definitions/awsCfFindInMap"
       },
       {
        "$ref": "#/definitions/awsCfGetAtt"
       },
       {
        "$ref": "#/definitions/awsCfGetAZs"
       },
       {
        "$ref": "#/definitions/awsCfIf"
       },
       {
        "$ref": "#/definitions/awsCfSplit"
       },
       {
        "$ref": "#/definitions/awsCfRef"
       }
      ]
     }
    }
   },
   "required": [
    "Fn::Select"
   ],
   "additionalProperties": false
  },
  "awsCfRef": {
   "type": "object",
   "properties": {
    "Ref": {
     "type": "string",
     "minLength": 1
    }
   },
   "required": [
    "Ref"
   ],
   "additionalProperties": false
  },
  "awsCfSplit": {
   "type": "object",
   "properties": {
    "Fn::Split": {
     "type": "array",
     "minItems": 2,
     "maxItems": 2,
     "items": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "$ref": "#/definitions/awsCfFunction"
       }
      ]
     }
    }
   },
   "required": [
    "Fn::Split"
   ],
   "additionalProperties": false
  },
  "awsCfFindInMap": {
   "type": "object",
   "properties": {
    "Fn::FindInMap": {
     "type": "array",
     "minItems": 3,
     "maxItems": 3,
     "items": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "$ref": "#/definitions/awsCfFunction"
       }
      ]
     }
    }
   },
   "required": [
    "Fn::FindInMap"
   ],
   "additionalProperties": false
  },
  "awsCfSub": {
   "type": "object",
   "properties": {
    "Fn::Sub": {}
   },
   "required": [
    "Fn::Sub"
   ],
   "additionalProperties": false
  },
  "awsCfBase64": {
   "type": "object",
   "properties": {
    "Fn::Base64": {}
   }
  },
  "awsCfToJsonString": {
   "type": "object",
   "properties": {
    "Fn::ToJsonString": {
     "anyOf": [
      {
       "type": "object"
      },
      {
       "type": "array"
      }
     ]
    }
   },
   "required": [
    "Fn::ToJsonString"
   ],
   "additionalProperties": false
  },
  "awsIamPolicyAction": {
   "type": "array",
   "items": {
    "type": "string"
   }
  },
  "awsIamPolicyPrincipal": {
   "anyOf": [
    {
     "const": "*"
    },
    {
     "type": "object",
     "properties": {
      "AWS": {
       "anyOf": [
        {
         "const": "*"
        },
        {
         "$ref": "#/definitions/awsCfIf"
        },
        {
         "type": "array",
         "items": {
          "anyOf": [
           {
            "$ref": "#/definitions/awsAccountId"
           },
           {
            "$ref": "#/definitions/awsArn"
           }
          ]
         }
        }
       ]
      },
      "Federated": {
       "type": "array",
       "items": {
        "type": "string"
       }
      },
      "Service": {
       "type": "array",
       "items": {
        "type": "string"
       }
      },
      "CanonicalUser": {
       "type": "array",
       "items": {
        "type": "string"
       }
      }
     },
     "additionalProperties": false
    }
   ]
  },
  "awsIamPolicyResource": {
   "anyOf": [
    {
     "const": "*"
    },
    {
     "$ref": "#/definitions/awsArn"
    },
    {
     "$ref": "#/definitions/awsLogicalResourceId"
    },
    {
     "type": "array",
     "items": {
      "anyOf": [
       {
        "const": "*"
       },
       {
        "$ref": "#/definitions/awsArn"
       },
       {
        "$ref": "#/definitions/awsLogicalResourceId"
       }
      ]
     }
    }
   ]
  },
  "awsIamPolicyStatements": {
   "type": "array",
   "items": {
    "type": "object",
    "properties": {
     "Sid": {
      "type": "string"
     },
     "Effect": {
      "enum": [
       "Allow",
       "Deny"
      ]
     },
     "Action": {
      "$ref": "#/definitions/awsIamPolicyAction"
     },
     "NotAction": {
      "$ref": "#/definitions/awsIamPolicyAction"
     },
     "Principal": {
      "$ref": "#/definitions/awsIamPolicyPrincipal"
     },
     "NotPrincipal": {
      "$ref": "#/definitions/awsIamPolicyPrincipal"
     },
     "Resource": {
      "$ref": "#/definitions/awsIamPolicyResource"
     },
     "NotResource": {
      "$ref": "#/definitions/awsIamPolicyResource"
     },
     "Condition": {
      "type": "object"
     }
    },
    "additionalProperties": false,
    "allOf": [
     {
      "required": [
       "Effect"
      ]
     },
     {
      "oneOf": [
       {
        "required": [
         "Action"
        ]
       },
       {
        "required": [
         "NotAction"
        ]
       }
      ]
     },
     {
      "oneOf": [
       {
        "required": [
         "Resource"
        ]
       },
       {
        "required": [
         "NotResource"
        ]
       }
      ]
     }
    ]
   }
  },
  "awsKmsArn": {
   "anyOf": [
    {
     "$ref": "#/definitions/awsCfFunction"
    },
    {
     "type": "string",
     "pattern": "^arn:aws[a-z-]*:kms"
    }
   ]
  },
  "awsLambdaArchitecture": {
   "enum": [
    "arm64",
    "x86_64"
   ]
  },
  "awsLambdaEnvironment": {
   "type": "object",
   "patternProperties": {
    "^[A-Za-z_][a-zA-Z0-9_]*$": {
     "anyOf": [
      {
       "const": ""
      },
      {
       "$ref": "#/definitions/awsCfInstruction"
      },
      {
       "$ref": "#/definitions/awsCfIf"
      },
      {
       "$ref": "#/definitions/awsCfSelect"
      }
     ]
    }
   },
   "additionalProperties": false
  },
  "awsLambdaLayers": {
   "type": "array",
   "items": {
    "$ref": "#/definitions/awsArn"
   }
  },
  "awsLambdaMemorySize": {
   "type": "integer",
   "minimum": 128,
   "maximum": 10240
  },
  "awsLambdaRole": {
   "anyOf": [
    {
     "type": "string",
     "minLength": 1
    },
    {
     "$ref": "#/definitions/awsCfSub"
    },
    {
     "$ref": "#/definitions/awsCfImport"
    },
    {
     "$ref": "#/definitions/awsCfGetAtt"
    }
   ]
  },
  "awsLambdaRuntime": {
   "enum": [
    "dotnet6",
    "go1.x",
    "java21",
    "java17",
    "java11",
    "java8",
    "java8.al2",
    "nodejs14.x",
    "nodejs16.x",
    "nodejs18.x",
    "nodejs20.x",
    "provided",
    "provided.al2",
    "provided.al2023",
    "python3.7",
    "python3.8",
    "python3.9",
    "python3.10",
    "python3.11",
    "ruby2.7",
    "ruby3.2"
   ]
  },
  "awsLambdaRuntimeManagement": {
   "oneOf": [
    {
     "enum": [
      "auto",
      "onFunctionUpdate"
     ]
    },
    {
     "type": "object",
     "properties": {
      "mode": {
       "enum": [
        "auto",
        "onFunctionUpdate",
        "manual"
       ]
      },
      "arn": {
       "$ref": "#/definitions/awsArn"
      }
     },
     "additionalProperties": false
    }
   ]
  },
  "awsLambdaTimeout": {
   "type": "integer",
   "minimum": 1,
   "maximum": 900
  },
  "awsLambdaTracing": {
   "anyOf": [
    {
     "enum": [
      "Active",
      "PassThrough"
     ]
    },
    {
     "type": "boolean"
    }
   ]
  },
  "awsLambdaVersioning": {
   "type": "boolean"
  },
  "awsLambdaVpcConfig": {
   "type": "object",
   "properties": {
    "securityGroupIds": {
     "anyOf": [
      {
       "type": "array",
       "items": {
        "anyOf": [
         {
          "$ref": "#/definitions/awsCfInstruction"
         },
         {
          "$ref": "#/definitions/awsCfIf"
         }
        ]
       },
       "maxItems": 5
      },
      {
       "$ref": "#/definitions/awsCfSplit"
      },
      {
       "$ref": "#/definitions/awsCfFindInMap"
      }
     ]
    },
    "subnetIds": {
     "anyOf": [
      {
       "type": "array",
       "items": {
        "anyOf": [
         {
          "$ref": "#/definitions/awsCfInstruction"
         },
         {
          "$ref": "#/definitions/awsCfIf"
         }
        ]
       },
       "maxItems": 16
      },
      {
       "$ref": "#/definitions/awsCfSplit"
      },
      {
       "$ref": "#/definitions/awsCfFindInMap"
      }
     ]
    }
   },
   "additionalProperties": false,
   "required": [
    "securityGroupIds",
    "subnetIds"
   ]
  },
  "awsLogicalResourceId": {
   "type": "string",
   "pattern": "^[#A-Za-z0-9-_./]+[*]?$"
  },
  "awsLogGroupName": {
   "type": "string",
   "pattern": "^[/#A-Za-z0-9-_.]+$"
  },
  "awsLogRetentionInDays": {
   "type": "number",
   "enum": [
    1,
    3,
    5,
    7,
    14,
    30,
    60,
    90,
    120,
    150,
    180,
    365,
    400,
    545,
    731,
    1827,
    2192,
    2557,
    2922,
    3288,
    3653
   ]
  },
  "awsLogDataProtectionPolicy": {
   "type": "object",
   "properties": {
    "Name": {
     "type": "string"
    },
    "Description": {
     "type": "string"
    },
    "Version": {
     "type": "string"
    },
    "Statement": {
     "type": "array"
    }
   },
   "additionalProperties": false,
   "required": [
    "Name",
    "Version",
    "Statement"
   ]
  },
  "awsResourceCondition": {
   "type": "string"
  },
  "awsResourceDependsOn": {
   "type": "array",
   "items": {
    "type": "string"
   }
  },
  "awsResourcePolicyResource": {
   "anyOf": [
    {
     "const": "*"
    },
    {
     "$ref": "#/definitions/awsArn"
    },
    {
     "$ref": "#/definitions/awsApiGatewayAbbreviatedArn"
    },
    {
     "type": "array",
     "items": {
      "anyOf": [
       {
        "const": "*"
       },
       {
        "$ref": "#/definitions/awsArn"
       },
       {
        "$ref": "#/definitions/awsApiGatewayAbbreviatedArn"
       }
      ]
     }
    }
   ]
  },
  "awsResourcePolicyStatements": {
   "type": "array",
   "items": {
    "type": "object",
    "properties": {
     "Sid": {
      "type": "string"
     },
     "Effect": {
      "enum": [
       "Allow",
       "Deny"
      ]
     },
     "Action": {
      "$ref": "#/definitions/awsIamPolicyAction"
     },
     "NotAction": {
      "$ref": "#/definitions/awsIamPolicyAction"
     },
     "Principal": {
      "$ref": "#/definitions/awsIamPolicyPrincipal"
     },
     "NotPrincipal": {
      "$ref": "#/definitions/awsIamPolicyPrincipal"
     },
     "Resource": {
      "$ref": "#/definitions/awsResourcePolicyResource"
     },
     "NotResource": {
      "$ref": "#/definitions/awsResourcePolicyResource"
     },
     "Condition": {
      "type": "object"
     }
    },
    "additionalProperties": false,
    "allOf": [
     {
      "required": [
       "Effect"
      ]
     },
     {
      "oneOf": [
       {
        "required": [
         "Action"
        ]
       },
       {
        "required": [
         "NotAction"
        ]
       }
      ]
     },
     {
      "oneOf": [
       {
        "required": [
         "Resource"
        ]
       },
       {
        "required": [
         "NotResource"
        ]
       }
      ]
     }
    ]
   }
  },
  "awsResourceTags": {
   "type": "object",
   "patternProperties": {
    "^(?!aws:)[\\w./=+:\\-_\\x20]{1,128}$": {
     "type": "string",
     "maxLength": 256
    }
   },
   "additionalProperties": false
  },
  "awsS3BucketName": {
   "type": "string",
   "pattern": "(?!^(\\d{1,3}\\.){3}\\d{1,3}$)(^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$)",
   "minLength": 3,
   "maxLength": 63
  },
  "ecrImageUri": {
   "type": "string",
   "pattern": "^\\d+\\.dkr\\.ecr\\.[a-z0-9-]+..amazonaws.com\\/([^@]+)|([^@:]+@sha256:[a-f0-9]{64})$"
  },
  "filterPatterns": {
   "type": "array",
   "minItems": 1,
   "maxItems": 10,
   "items": {
    "type": "object"
   }
  }
 }
}
"""";
}
