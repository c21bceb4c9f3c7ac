using Spec.Backends.Plan;

namespace Spec.Tests.Backends;

/// <summary>The §4 normalisers and logical ids, checked against the examples verified on Framework 3.40.0.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("fooBar", "FooBar")]
    [InlineData("", "")]
    public void NormalizeName_UpperFirstOnly(string input, string expected) => Assert.Equal(expected, Naming.NormalizeName(input));

    [Fact]
    public void AlphaNumeric_StripsEverythingElse() => Assert.Equal("Photosbucket1", Naming.AlphaNumeric("photos.bucket-1"));

    [Theory]
    [InlineData("hello-world", "HelloDashworld")]
    [InlineData("hello_world", "HelloUnderscoreworld")]
    [InlineData("a.b", "A.b")]
    public void FunctionName_ReplacesDashAndUnderscoreOnly(string key, string expected) =>
        Assert.Equal(expected, Naming.FunctionName(key));

    [Theory]
    [InlineData("{orderId}", "OrderidVar")]
    [InlineData("items-list", "ItemsDashlist")]
    [InlineData("{proxy+}", "ProxyVar")]
    public void PathPart_CapitalizesAndMarksVariables(string part, string expected) => Assert.Equal(expected, Naming.PathPart(part));

    [Fact]
    public void Path_JoinsNormalisedParts() => Assert.Equal("UsersIdVar", Naming.Path("users/{id}"));

    // Path and the route ids write an ASCII path in one pass; these are the part-by-part rules they must equal.
    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("users//{id}/")]
    [InlineData("-lead/trail-/{a}{b}/}{x}/{{y}}")]
    [InlineData("Items-LIST/{proxy+}/v1.0/_under_/a b")]
    [InlineData("GET /orders/{orderId}/x-Y")]
    public void Path_OfAnAsciiPathIsItsNormalisedParts(string path)
    {
        Assert.Equal(string.Concat(path.Split('/').Select(Naming.PathPart)), Naming.Path(path));
        Assert.Equal("ApiGatewayResource" + string.Concat(path.Split('/').Select(Naming.PathPart)), Naming.ResourceId(path));
        var withoutSpaces = path.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Equal("HttpApiRoute" + string.Concat(withoutSpaces.Split('/').Select(Naming.PathPart)), Naming.HttpApiRoute(path));
    }

    [Fact]
    public void Path_OfANonAsciiPathCasesItBeforeStripping() => Assert.Equal("AkIdVar", Naming.Path("a\u212A/{id}"));

    [Theory]
    [InlineData("$connect", "Sconnect")]
    [InlineData("sendMessage", "sendMessage")]
    [InlineData("chat/send-msg_v1.0", "chatSlashsendDashmsgUnderscorev1Period0")]
    public void WebsocketsRouteKey_HasNoUpperFirst(string route, string expected) =>
        Assert.Equal(expected, Naming.WebsocketsRouteKey(route));

    [Fact]
    public void LogicalIds_MatchTheFrameworkExamples()
    {
        Assert.Equal("HelloDashworldLambdaFunction", Naming.Lambda("hello-world"));
        Assert.Equal("CreateDashuserLogGroup", Naming.LogGroup("create-user"));
        Assert.Equal("ApiGatewayMethodUsersIdVarGet", Naming.MethodId(Naming.Path("users/{id}"), "GET"));
        Assert.Equal("HttpApiRouteGetOrdersOrderidVar", Naming.HttpApiRoute("GET /orders/{orderId}"));
        Assert.Equal("HttpApiRouteDefault", Naming.HttpApiRoute("*"));
        Assert.Equal("chatSlashsendDashmsgUnderscorev1Period0WebsocketsRoute", Naming.WebsocketsRoute("chat/send-msg_v1.0"));
        Assert.Equal("SNSTopicMytopic1", Naming.Topic("my-topic_1"));
        Assert.Equal("S3BucketPhotosbucket1", Naming.Bucket("photos.bucket-1"));
        Assert.Equal("WorkerEventSourceMappingSQSMyqueue", Naming.QueueMapping("worker", "my-queue"));
        Assert.Equal("FnEventSourceMappingDynamodbUsersTable", Naming.StreamMapping("fn", "dynamodb", "UsersTable"));
        Assert.Equal("Mysvcdevfnrule1EventBridgeRule", Naming.EventBridgeRule("my-svc-dev-fn-rule-1"));
        Assert.Equal("CommonDashlibsLambdaLayer", Naming.Layer("common-libs"));
        Assert.Equal("HelloLambdaVersionQVnFB", Naming.LambdaVersion("hello", "QVn/FB+"));
    }

    // Expected values from lodash 4 (the Framework's): _.upperFirst(_.camelCase(key)) and _.startCase(type) without spaces.
    [Theory]
    [InlineData("test-model", "ApiGatewayTestModelModel")]
    [InlineData("TestModel", "ApiGatewayTestModelModel")]
    [InlineData("create_item v2", "ApiGatewayCreateItemV2Model")]
    [InlineData("XMLHttpRequest", "ApiGatewayXmlHttpRequestModel")]
    [InlineData("ABCdef", "ApiGatewayAbCdefModel")]
    [InlineData("item2Model", "ApiGatewayItem2ModelModel")]
    [InlineData("10th-item", "ApiGateway10thItemModel")]
    [InlineData("fooBAR", "ApiGatewayFooBarModel")]
    [InlineData("  spaced  out ", "ApiGatewaySpacedOutModel")]
    public void Model_IsTheKeyInLodashCamelCase(string key, string expected) => Assert.Equal(expected, Naming.Model(key));

    [Theory]
    [InlineData("application/json", "ApplicationJson")]
    [InlineData("application/x-www-form-urlencoded", "ApplicationXWwwFormUrlencoded")]
    [InlineData("application/vnd.api+json", "ApplicationVndApiJson")]
    [InlineData("application/JSON", "ApplicationJSON")]
    [InlineData("image/svg+xml", "ImageSvgXml")]
    public void EndpointModel_IsTheMethodAndTheContentTypeInLodashStartCase(string contentType, string expected) =>
        Assert.Equal("ApiGatewayMethodXGet" + expected + "Model", Naming.EndpointModel("ApiGatewayMethodXGet", contentType));
}
