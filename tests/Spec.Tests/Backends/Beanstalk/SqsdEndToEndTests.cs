using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Spec.Backends.Beanstalk;
using Spec.Tests.Cli;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>One moto_server for the sqsd end-to-end tests, started on first use (after the tests' skip checks) and always stopped.</summary>
public sealed class SqsdMotoFixture : IDisposable
{
    private readonly Lazy<(CfnDeployMotoTests.MotoServer Server, string Endpoint)> _moto = new(() =>
    {
        var port = CfnDeployMotoTests.FreePort();
        return (CfnDeployMotoTests.StartMoto(port), $"http://127.0.0.1:{port}");
    });

    public string Endpoint => _moto.Value.Endpoint;

    public void Dispose()
    {
        if (_moto.IsValueCreated)
        {
            _moto.Value.Server.Dispose();
        }
    }
}

/// <summary>
/// End to end, like a worker environment runs: <c>spec package --target beanstalk</c> on a queue worker with real
/// handlers, the worker zip unpacked, its Procfile command started on a loopback port, and a stand-in for the worker
/// daemon (<see cref="SqsdStandIn"/>, configured from the bundle's own <c>.ebextensions</c>) polling a queue on
/// moto_server and POSTing each message to it. A message is deleted only after a 200; a failing handler leaves it on
/// the queue, to come back after the daemon's error visibility timeout (Node.js and Python).
/// </summary>
public sealed class SqsdEndToEndTests(SqsdMotoFixture moto) : IClassFixture<SqsdMotoFixture>
{
    [SkippableTheory]
    [InlineData(AdapterRuntime.Node, "nodejs20.x", "node")]
    [InlineData(AdapterRuntime.Python, "python3.12", "python3")]
    public async Task The_worker_bundle_gets_each_message_as_sqsd_posts_it_and_only_a_200_deletes_it(AdapterRuntime runtime,
        string lambdaRuntime, string program)
    {
        TestSkip.If(!CfnToolTests.ToolExists(program), $"needs {program} on PATH");
        TestSkip.If(!CfnToolTests.ToolExists("moto_server"), "needs moto_server (moto 5.2.1, on the build image)");
        using var service = new TempDir();
        service.Write("serverless.yml", $"""
            service: shop
            provider:
              name: aws
              runtime: {lambdaRuntime}
              region: eu-west-1
            functions:
              consume:
                handler: app/handlers.consume
                events:
                  - sqs:
                      arn: !GetAtt Jobs.Arn
            resources:
              Resources:
                Jobs:
                  Type: AWS::SQS::Queue
            """);
        var language = runtime == AdapterRuntime.Node ? "node" : "python";
        var fixtures = Path.Combine(Golden.RepositoryRoot, "tests", "Spec.Tests", "Backends", "Beanstalk", "adapter-fixtures", language);
        foreach (var file in Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories))
        {
            service.Write(Path.GetRelativePath(fixtures, file), File.ReadAllText(file));
        }

        var package = CliRunner.InProcess(service.Path, "package", "--target", "beanstalk");
        Assert.True(package.ExitCode == 0, package.ToString());
        var zip = Assert.Single(Directory.GetFiles(Path.Combine(service.Path, ".spec", "beanstalk"), "*.zip"));
        var bundle = Directory.CreateTempSubdirectory("spec-eb-worker-").FullName;
        ZipFile.ExtractToDirectory(zip, bundle);
        await using var worker = await AdapterProcess.StartBundleAsync(bundle);

        using var sqs = new SqsApi(moto.Endpoint, "eu-west-1");
        var queueUrl = await sqs.CreateQueueAsync("jobs-" + language);
        var sqsd = new SqsdStandIn(sqs, queueUrl, worker.Client, bundle);
        // the daemon's settings are the bundle's: the path of the consuming function and the function's timeout
        Assert.Equal("/sqs/shop-dev-consume", sqsd.HttpPath);
        Assert.Equal(6, sqsd.InactivityTimeout);

        // a handler that succeeds: one POST, one SQS event of one record, the message deleted
        var sent = await sqs.SendMessageAsync(queueUrl, "{\"order\":7}", new Dictionary<string, string> { ["TraceId"] = "abc" });
        var delivered = await sqsd.PollOnceAsync(waitSeconds: 10);
        Assert.NotNull(delivered);
        Assert.Equal((sent, HttpStatusCode.OK, true), (delivered.MessageId, delivered.Status, delivered.Deleted));
        Assert.Equal((0, 0), await sqs.CountsAsync(queueUrl));
        using (var e = Recorded(worker, sent))
        {
            var record = Assert.Single(e.RootElement.GetProperty("Records").EnumerateArray());
            Assert.Equal(sent, record.GetProperty("messageId").GetString());
            Assert.Equal("{\"order\":7}", record.GetProperty("body").GetString());
            Assert.Equal("aws:sqs", record.GetProperty("eventSource").GetString());
            // the queue's ARN is an intrinsic the bundle cannot know: the adapter builds it from the queue sqsd names
            Assert.EndsWith(":sqs:eu-west-1:000000000000:jobs-" + language, record.GetProperty("eventSourceARN").GetString(), StringComparison.Ordinal);
            Assert.Equal("1", record.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString());
            Assert.Equal("abc", record.GetProperty("messageAttributes").GetProperty("TraceId").GetProperty("stringValue").GetString());
        }

        // a handler that throws: a 500, the message stays (in flight), and comes back after the error visibility timeout
        var failing = await sqs.SendMessageAsync(queueUrl, "fail");
        var first = await sqsd.PollOnceAsync(waitSeconds: 10);
        Assert.NotNull(first);
        var answered = Stopwatch.StartNew();
        Assert.Equal((failing, HttpStatusCode.InternalServerError, false), (first.MessageId, first.Status, first.Deleted));
        Assert.Equal((0, 1), await sqs.CountsAsync(queueUrl));
        using (var e = Recorded(worker, failing))
        {
            Assert.Equal("fail", Assert.Single(e.RootElement.GetProperty("Records").EnumerateArray()).GetProperty("body").GetString());
        }

        var again = await sqsd.PollOnceAsync(waitSeconds: 20);
        Assert.NotNull(again);
        Assert.True(answered.Elapsed >= TimeSpan.FromSeconds(sqsd.ErrorVisibilityTimeout - 0.5),
            $"the failed message came back after {answered.Elapsed}, before the error visibility timeout ({sqsd.ErrorVisibilityTimeout} s)");
        Assert.Equal((failing, "2", HttpStatusCode.InternalServerError, false), (again.MessageId, again.ReceiveCount, again.Status, again.Deleted));
        using (var e = Recorded(worker, failing))
        {
            var record = Assert.Single(e.RootElement.GetProperty("Records").EnumerateArray());
            Assert.Equal("2", record.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString());
        }

        Assert.Equal((0, 1), await sqs.CountsAsync(queueUrl));
    }

    private static JsonDocument Recorded(AdapterProcess worker, string messageId) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(worker.EventLog, $"shop-dev-consume-{messageId}.json")));
}
