using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Spec.Backends.Beanstalk;
using Spec.Tests.Cli;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>
/// End to end: <c>spec package --target beanstalk</c> on a service with real handlers, the web zip unpacked as
/// Elastic Beanstalk unpacks it, its Procfile's web command started on a loopback port, and routed requests answered
/// through the handler (Node.js and Python).
/// </summary>
public sealed class BeanstalkBundleEndToEndTests
{
    [Theory]
    [InlineData(AdapterRuntime.Node, "nodejs20.x", "node")]
    [InlineData(AdapterRuntime.Python, "python3.12", "python3")]
    public async Task The_web_bundle_started_by_its_procfile_answers_routed_requests_through_the_handler(AdapterRuntime runtime, string lambdaRuntime,
        string program)
    {
        TestSkip.If(!CfnToolTests.ToolExists(program), $"needs {program} on PATH");
        using var service = new TempDir();
        service.Write("serverless.yml", $"""
            service: shop
            provider:
              name: aws
              runtime: {lambdaRuntime}
            functions:
              items:
                handler: app/handlers.echo
                events:
                  - httpApi: GET /items/{"{id}"}
                  - http: POST /legacy/{"{proxy+}"}
            """);
        var language = runtime == AdapterRuntime.Node ? "node" : "python";
        var fixtures = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Backends", "Beanstalk", "adapter-fixtures", language);
        foreach (var file in Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories))
        {
            service.Write(Path.GetRelativePath(fixtures, file), File.ReadAllText(file));
        }

        var package = CliRunner.InProcess(service.Path, "package", "--target", "beanstalk");
        Assert.True(package.ExitCode == 0, package.ToString());

        var bundle = Directory.CreateTempSubdirectory("spec-eb-bundle-").FullName;
        ZipFile.ExtractToDirectory(Path.Combine(service.Path, ".spec", "beanstalk", "web.zip"), bundle);
        await using var web = await AdapterProcess.StartBundleAsync(bundle);

        using var get = await web.Client.GetAsync(new Uri("/items/42?x=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using (var body = JsonDocument.Parse(await get.Content.ReadAsStringAsync()))
        {
            var e = body.RootElement.GetProperty("event");
            Assert.Equal("2.0", e.GetProperty("version").GetString());
            Assert.Equal("GET /items/{id}", e.GetProperty("routeKey").GetString());
            Assert.Equal("42", e.GetProperty("pathParameters").GetProperty("id").GetString());
        }

        using var post = await web.Client.PostAsync(new Uri("/legacy/a/b", UriKind.Relative), new StringContent("{\"n\":1}"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using (var body = JsonDocument.Parse(await post.Content.ReadAsStringAsync()))
        {
            var e = body.RootElement.GetProperty("event");
            Assert.Equal("POST", e.GetProperty("httpMethod").GetString());
            Assert.Equal("/legacy/{proxy+}", e.GetProperty("resource").GetString());
            Assert.Equal("a/b", e.GetProperty("pathParameters").GetProperty("proxy").GetString());
        }

        using var missing = await web.Client.GetAsync(new Uri("/nowhere", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var health = await web.Client.GetAsync(new Uri(AdapterRouteTable.DefaultHealthPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
