using System.Reflection;
using Spec.Core.Bind;
using Spec.Core.Schema.Catalog;

namespace Spec.Tests.Schema;

/// <summary>
/// The keys the binder accepts (<c>Spec.Core.Bind.KnownKeys</c>) are exactly the keys the JSON Schema offers
/// (<see cref="SpecCatalog"/>), object by object. A key added to one table and not the other fails here.
/// </summary>
public sealed class BinderSchemaAgreementTests
{
    /// <summary>Binder table (field name, or "A+B" for tables the binder splits) → catalog path.</summary>
    private static readonly (string Tables, string Path)[] Pairs =
    [
        ("Root+PluginSections", ""),
        ("Provider+ProviderV2", "provider"),
        ("Function+FunctionPluginKeys", "functions.*"),
        ("Package", "package"),
        ("Package", "functions.*.package"),
        ("Package", "layers.*.package"),
        ("Layer", "layers.*"),
        ("Resources", "resources"),
        ("CfnResource", "resources.Resources.*"),
        ("CfnOutput", "resources.Outputs.*"),
        ("CfnExtension", "resources.extensions.*"),
        ("Iam", "provider.iam"),
        ("IamRole", "provider.iam.role"),
        ("IamStatement", "provider.iam.role.statements[]"),
        ("IamStatement", "provider.iamRoleStatements[]"),
        ("IamStatement", "provider.stackPolicy[]"),
        ("Vpc", "provider.vpc"),
        ("Vpc", "functions.*.vpc"),
        ("DeploymentBucket", "provider.deploymentBucket"),
        ("Logs", "provider.logs"),
        ("Tracing", "provider.tracing"),
        ("ApiGateway", "provider.apiGateway"),
        ("HttpApi", "provider.httpApi"),
        ("HttpApiCors", "provider.httpApi.cors"),
        ("HttpApiAuthorizer", "provider.httpApi.authorizers.*"),
        ("ProviderAlb", "provider.alb"),
        ("Ecr", "provider.ecr"),
        ("EcrImage", "provider.ecr.images.*"),
        ("RuntimeManagement", "provider.runtimeManagement"),
        ("RuntimeManagement", "functions.*.runtimeManagement"),
        ("FunctionImage", "functions.*.image"),
        ("Destinations", "functions.*.destinations"),
        ("DestinationTarget", "functions.*.destinations.onSuccess"),
        ("DestinationTarget", "functions.*.destinations.onFailure"),
        ("Url", "functions.*.url"),
        ("FileSystemConfig", "functions.*.fileSystemConfig"),
        ("FunctionHttpApi", "functions.*.httpApi"),
        ("Plugins", "plugins"),
        ("StepFunctions", "stepFunctions"),
        ("StateMachine", "stepFunctions.stateMachines.*"),
        ("Http", "functions.*.events[].http"),
        ("HttpCors", "functions.*.events[].http.cors"),
        ("HttpAuthorizer", "functions.*.events[].http.authorizer"),
        ("HttpRequest", "functions.*.events[].http.request"),
        ("HttpResponse", "functions.*.events[].http.response"),
        ("HttpApiEvent", "functions.*.events[].httpApi"),
        ("HttpApiEventAuthorizer", "functions.*.events[].httpApi.authorizer"),
        ("Websocket", "functions.*.events[].websocket"),
        ("WebsocketAuthorizer", "functions.*.events[].websocket.authorizer"),
        ("Sqs", "functions.*.events[].sqs"),
        ("Sns", "functions.*.events[].sns"),
        ("SnsRedrivePolicy", "functions.*.events[].sns.redrivePolicy"),
        ("S3", "functions.*.events[].s3"),
        ("Schedule", "functions.*.events[].schedule"),
        ("Stream", "functions.*.events[].stream"),
        ("StreamDestinations", "functions.*.events[].stream.destinations"),
        ("Msk", "functions.*.events[].msk"),
        ("Kafka", "functions.*.events[].kafka"),
        ("KafkaAccess", "functions.*.events[].kafka.accessConfigurations"),
        ("ActiveMq", "functions.*.events[].activemq"),
        ("RabbitMq", "functions.*.events[].rabbitmq"),
        ("Alb", "functions.*.events[].alb"),
        ("AlbConditions", "functions.*.events[].alb.conditions"),
        ("Alexa", "functions.*.events[].alexaSkill"),
        ("Alexa", "functions.*.events[].alexaSmartHome"),
        ("Iot", "functions.*.events[].iot"),
        ("IotFleetProvisioning", "functions.*.events[].iotFleetProvisioning"),
        ("CloudwatchEvent", "functions.*.events[].cloudwatchEvent"),
        ("CloudwatchLog", "functions.*.events[].cloudwatchLog"),
        ("CognitoUserPool", "functions.*.events[].cognitoUserPool"),
        ("EventBridge", "functions.*.events[].eventBridge"),
        ("CloudFront", "functions.*.events[].cloudFront"),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (tables, path) in Pairs)
        {
            data.Add(tables, path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BinderKeys_EqualSchemaKeys(string tables, string path)
    {
        var binder = tables.Split('+').SelectMany(BinderTable).Order(StringComparer.Ordinal).ToList();
        var schema = SpecCatalog.KeysAt(path);
        Assert.NotNull(schema);
        Assert.Equal(binder, schema.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryBinderTable_IsCompared()
    {
        var compared = Pairs.SelectMany(p => p.Tables.Split('+')).ToHashSet(StringComparer.Ordinal);
        var tables = typeof(KnownKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name);
        Assert.DoesNotContain(tables, t => !compared.Contains(t));
    }

    private static IEnumerable<string> BinderTable(string name)
    {
        var value = typeof(KnownKeys).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException("KnownKeys." + name + " not found");
        return value switch
        {
            string[] keys => keys,
            (string Key, string Plugin)[] pluginKeys => pluginKeys.Select(k => k.Key),
            _ => throw new InvalidOperationException("unexpected table type " + value.GetType()),
        };
    }
}
