using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Spec.Backends.Beanstalk;

namespace Spec.Tests.Backends.Beanstalk;

[CollectionDefinition(Name)]
public sealed class AdapterCollection : ICollectionFixture<AdapterFixture>
{
    public const string Name = "beanstalk adapters";
}

/// <summary>The web adapters, run for real on a loopback port, against the API Gateway payload formats.</summary>
[Collection(AdapterCollection.Name)]
public sealed class WebAdapterTests(AdapterFixture fixture)
{
    public static TheoryData<AdapterRuntime> Runtimes() => [AdapterRuntime.Node, AdapterRuntime.Python];

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Rest_route_gets_a_payload_1_event_and_its_response_is_mapped_back(AdapterRuntime runtime)
    {
        // HttpClient folds repeated request headers into one line; send two X-Trace lines as a client may.
        var (head, text) = await RawGet(fixture.Web(runtime).Client.BaseAddress!,
            "/users/42?a=1&a=2&b=x%20y", "X-Trace: t1", "X-Trace: t2");

        Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);
        Assert.Contains("x-function: svc-dev-userById", head, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("(?im)^x-multi: a\r?$", head);
        Assert.Matches("(?im)^x-multi: b\r?$", head);
        using var body = JsonDocument.Parse(text);
        var e = body.RootElement.GetProperty("event");
        Assert.Equal("/users/{id}", e.GetProperty("resource").GetString());
        Assert.Equal("/users/42", e.GetProperty("path").GetString());
        Assert.Equal("GET", e.GetProperty("httpMethod").GetString());
        Assert.Equal("42", e.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.Equal("2", e.GetProperty("queryStringParameters").GetProperty("a").GetString());
        Assert.Equal("x y", e.GetProperty("queryStringParameters").GetProperty("b").GetString());
        Assert.Equal(["1", "2"], Strings(e.GetProperty("multiValueQueryStringParameters").GetProperty("a")));
        Assert.Equal(["t1", "t2"], Strings(e.GetProperty("multiValueHeaders").GetProperty("X-Trace")));
        Assert.Equal("t2", e.GetProperty("headers").GetProperty("X-Trace").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("body").ValueKind);
        Assert.False(e.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("stageVariables").ValueKind);
        var context = e.GetProperty("requestContext");
        Assert.Equal("dev", context.GetProperty("stage").GetString());
        Assert.Equal("/dev/users/42", context.GetProperty("path").GetString());
        Assert.Equal("/users/{id}", context.GetProperty("resourcePath").GetString());
        Assert.Equal("123456789012", context.GetProperty("accountId").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("identity").GetProperty("sourceIp").GetString());
        Assert.True(context.GetProperty("requestTimeEpoch").GetInt64() > 0);
        Assert.InRange(body.RootElement.GetProperty("remaining").GetInt32(), 1, 6000);
        Assert.Equal("512", body.RootElement.GetProperty("memory").GetString());
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Rest_post_carries_the_body_and_binary_media_types_are_base64(AdapterRuntime runtime)
    {
        var client = fixture.Web(runtime).Client;
        using var json = await client.PostAsync("/users/7", new StringContent("{\"name\":\"ada\"}", Encoding.UTF8, "application/json"));
        using var jsonBody = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("{\"name\":\"ada\"}", jsonBody.RootElement.GetProperty("event").GetProperty("body").GetString());

        var png = new ByteArrayContent([137, 80, 78, 71]);
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var image = await client.PostAsync("/binary", png);
        using var imageBody = JsonDocument.Parse(await image.Content.ReadAsStringAsync());
        var e = imageBody.RootElement.GetProperty("event");
        Assert.True(e.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(Convert.ToBase64String([137, 80, 78, 71]), e.GetProperty("body").GetString());
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Http_api_route_gets_a_payload_2_event(AdapterRuntime runtime)
    {
        var client = fixture.Web(runtime).Client;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/items/a%20b?x=1&x=2")
        {
            Content = new StringContent("{\"n\":1}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Cookie", "a=1; b=2");
        request.Headers.TryAddWithoutValidation("X-Custom", "v");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var e = body.RootElement.GetProperty("event");
        Assert.Equal("2.0", e.GetProperty("version").GetString());
        Assert.Equal("POST /v2/items/{id}", e.GetProperty("routeKey").GetString());
        Assert.Equal("/v2/items/a%20b", e.GetProperty("rawPath").GetString());
        Assert.Equal("x=1&x=2", e.GetProperty("rawQueryString").GetString());
        Assert.Equal("1,2", e.GetProperty("queryStringParameters").GetProperty("x").GetString());
        Assert.Equal(["a=1", "b=2"], Strings(e.GetProperty("cookies")));
        Assert.Equal("v", e.GetProperty("headers").GetProperty("x-custom").GetString());
        Assert.False(e.GetProperty("headers").TryGetProperty("cookie", out _));
        Assert.Equal("a b", e.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.Equal("{\"n\":1}", e.GetProperty("body").GetString());
        Assert.False(e.GetProperty("isBase64Encoded").GetBoolean());
        var http = e.GetProperty("requestContext").GetProperty("http");
        Assert.Equal("POST", http.GetProperty("method").GetString());
        Assert.Equal("/v2/items/a%20b", http.GetProperty("path").GetString());
        Assert.Equal("$default", e.GetProperty("requestContext").GetProperty("stage").GetString());
        Assert.Equal("POST /v2/items/{id}", e.GetProperty("requestContext").GetProperty("routeKey").GetString());
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Http_api_binary_bodies_are_base64_and_payload_1_routes_keep_the_1_0_shape(AdapterRuntime runtime)
    {
        var client = fixture.Web(runtime).Client;
        var bytes = new ByteArrayContent([0, 1, 2, 255]);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var binary = await client.PostAsync("/v2/items/1", bytes);
        using var binaryBody = JsonDocument.Parse(await binary.Content.ReadAsStringAsync());
        Assert.True(binaryBody.RootElement.GetProperty("event").GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("AAEC/w==", binaryBody.RootElement.GetProperty("event").GetProperty("body").GetString());

        using var v1 = await client.GetAsync("/v1http/9");
        using var v1Body = JsonDocument.Parse(await v1.Content.ReadAsStringAsync());
        var e = v1Body.RootElement.GetProperty("event");
        Assert.Equal("1.0", e.GetProperty("version").GetString());
        Assert.Equal("GET /v1http/{id}", e.GetProperty("routeKey").GetString());
        Assert.Equal("9", e.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.Equal("$default", e.GetProperty("requestContext").GetProperty("stage").GetString());
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Routes_match_with_api_gateway_precedence(AdapterRuntime runtime)
    {
        var client = fixture.Web(runtime).Client;
        Assert.Equal("svc-dev-me", await client.GetStringAsync("/users/me"));
        Assert.Equal("svc-dev-getThing", await client.GetStringAsync("/things/1"));
        using var delete = await client.DeleteAsync("/things/1");
        Assert.Equal("svc-dev-anyThing", await delete.Content.ReadAsStringAsync());
        Assert.Equal("svc-dev-files", await client.GetStringAsync("/files/a/b/c.txt"));
        using var notFound = await client.GetAsync("/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        using var greedyNeedsASegment = await client.GetAsync("/files");
        Assert.Equal(HttpStatusCode.NotFound, greedyNeedsASegment.StatusCode);
        using var health = await client.GetAsync(AdapterFixture.WebTable.HealthPath);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Results_are_mapped_as_api_gateway_maps_them(AdapterRuntime runtime)
    {
        var client = fixture.Web(runtime).Client;

        using var created = await client.PostAsync("/users", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("created", await created.Content.ReadAsStringAsync());

        using var obj = await client.GetAsync("/v2/object");
        Assert.Equal(HttpStatusCode.OK, obj.StatusCode);
        Assert.Equal("application/json", obj.Content.Headers.ContentType?.MediaType);
        using (var parsed = JsonDocument.Parse(await obj.Content.ReadAsStringAsync()))
        {
            Assert.Equal("world", parsed.RootElement.GetProperty("hello").GetString());
        }

        Assert.Equal("hi", await client.GetStringAsync("/v2/text"));

        using var binary = await client.GetAsync("/binary");
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, await binary.Content.ReadAsByteArrayAsync());

        using var cookies = await client.GetAsync("/v2/cookies");
        Assert.Equal(["a=1", "b=2"], cookies.Headers.GetValues("Set-Cookie").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Failures_answer_like_api_gateway(AdapterRuntime runtime)
    {
        var client = fixture.Web(runtime).Client;
        using var rest = await client.GetAsync("/fail");
        Assert.Equal(HttpStatusCode.BadGateway, rest.StatusCode);
        Assert.Contains("Internal server error", await rest.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var http = await client.GetAsync("/v2/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, http.StatusCode);

        using var malformed = await client.GetAsync("/malformed");
        Assert.Equal(HttpStatusCode.BadGateway, malformed.StatusCode);

        using var slow = await client.GetAsync("/slow");
        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.StatusCode);
        Assert.Contains("function failRest failed", fixture.Web(runtime).Stderr, StringComparison.Ordinal);
    }

    /// <summary>A GET written by hand on a socket (Connection: close), returning the response head and body.</summary>
    private static async Task<(string Head, string Body)> RawGet(Uri baseAddress, string target, params string[] headers)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n" +
            string.Concat(headers.Select(h => h + "\r\n")) + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = response[..split];
        var body = response[(split + 4)..];
        if (head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return (head, body);
    }

    private static string Unchunk(string chunked)
    {
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(x => x.GetString()!)];
}
