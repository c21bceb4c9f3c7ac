using System.Net;
using System.Text;
using System.Text.Json;
using Spec.Backends.Beanstalk;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>The worker adapters, run for real, receiving the POSTs the Elastic Beanstalk worker daemon (sqsd) sends.</summary>
[Collection(AdapterCollection.Name)]
public sealed class WorkerAdapterTests(AdapterFixture fixture)
{
    public static TheoryData<AdapterRuntime> Runtimes() => [AdapterRuntime.Node, AdapterRuntime.Python];

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task A_queue_message_becomes_an_sqs_event_of_one_record(AdapterRuntime runtime)
    {
        var worker = fixture.Worker(runtime);
        using var response = await worker.Client.SendAsync(SqsdPost("/sqs/consume", "m-1", "{\"order\":7}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var e = Recorded(worker, "svc-dev-consume-m-1");
        var record = Assert.Single(e.RootElement.GetProperty("Records").EnumerateArray());
        Assert.Equal("m-1", record.GetProperty("messageId").GetString());
        Assert.Equal("{\"order\":7}", record.GetProperty("body").GetString());
        Assert.Equal("aws:sqs", record.GetProperty("eventSource").GetString());
        Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:orders", record.GetProperty("eventSourceARN").GetString());
        Assert.Equal("eu-west-1", record.GetProperty("awsRegion").GetString());
        Assert.Equal("6f3bd9ae8d7c6e3d3f6d1d5b0c5bd2a1".Length, record.GetProperty("md5OfBody").GetString()!.Length);
        Assert.Equal(Md5("{\"order\":7}"), record.GetProperty("md5OfBody").GetString());
        var attributes = record.GetProperty("attributes");
        Assert.Equal("2", attributes.GetProperty("ApproximateReceiveCount").GetString());
        Assert.Equal("1830297600000", attributes.GetProperty("ApproximateFirstReceiveTimestamp").GetString());
        Assert.Equal("1830297600000", attributes.GetProperty("SentTimestamp").GetString());
        var trace = record.GetProperty("messageAttributes").GetProperty("TraceId");
        Assert.Equal("abc", trace.GetProperty("stringValue").GetString());
        Assert.Equal("String", trace.GetProperty("dataType").GetString());
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Only_a_successful_handler_gets_a_200(AdapterRuntime runtime)
    {
        var worker = fixture.Worker(runtime);
        using var failed = await worker.Client.SendAsync(SqsdPost("/sqs/consume", "m-fail", "fail"));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        using var partial = await worker.Client.SendAsync(SqsdPost("/sqs/consume", "m-partial", "partial"));
        Assert.Equal(HttpStatusCode.InternalServerError, partial.StatusCode);

        // Without ReportBatchItemFailures, Lambda ignores what the function returns: the record succeeded.
        using var ignored = await worker.Client.SendAsync(SqsdPost("/sqs/plain", "m-plain", "partial"));
        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);

        using var slow = await worker.Client.SendAsync(SqsdPost("/sqs/consume", "m-slow", "slow"));
        Assert.Equal(HttpStatusCode.InternalServerError, slow.StatusCode);

        using var unknown = await worker.Client.SendAsync(SqsdPost("/sqs/nobody", "m-x", "{}"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task A_periodic_task_becomes_a_scheduled_event(AdapterRuntime runtime)
    {
        var worker = fixture.Worker(runtime);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cron/nightly") { Content = new StringContent("") };
        request.Headers.TryAddWithoutValidation("User-Agent", "aws-sqsd/3.0.4");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Taskname", "nightly");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Scheduled-At", "2028-03-01T03:00:00Z");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Sender-Id", "123456789012");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Msgid", "task-1");
        using var response = await worker.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var e = Recorded(worker, "svc-dev-nightly-schedule");
        Assert.Equal("Scheduled Event", e.RootElement.GetProperty("detail-type").GetString());
        Assert.Equal("aws.events", e.RootElement.GetProperty("source").GetString());
        Assert.Equal("2028-03-01T03:00:00Z", e.RootElement.GetProperty("time").GetString());
        Assert.Equal("eu-west-1", e.RootElement.GetProperty("region").GetString());
        Assert.Equal("123456789012", e.RootElement.GetProperty("account").GetString());
        Assert.Equal("arn:aws:events:eu-west-1:123456789012:rule/nightly",
            Assert.Single(e.RootElement.GetProperty("resources").EnumerateArray()).GetString());
        Assert.Equal(JsonValueKind.Object, e.RootElement.GetProperty("detail").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task A_task_with_a_constant_input_delivers_the_input_as_the_event_even_on_a_shared_path(AdapterRuntime runtime)
    {
        var worker = fixture.Worker(runtime);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cron/nightly") { Content = new StringContent("") };
        request.Headers.TryAddWithoutValidation("User-Agent", "aws-sqsd/3.0.4");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Taskname", "nightly-input");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Scheduled-At", "2028-03-01T03:00:00Z");
        using var response = await worker.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var e = Recorded(worker, "svc-dev-nightly-schedule");
        Assert.Equal("""{"mode":"full","body":{"n":1}}""", e.RootElement.GetRawText().Replace(" ", "", StringComparison.Ordinal));
    }

    private static HttpRequestMessage SqsdPost(string path, string messageId, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("User-Agent", "aws-sqsd/3.0.4");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Msgid", messageId);
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Queue", "orders");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-First-Received-At", "2028-01-01T00:00:00Z");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Receive-Count", "2");
        request.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Attr-TraceId", "abc");
        return request;
    }

    private static JsonDocument Recorded(AdapterProcess worker, string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(worker.EventLog, name + ".json")));

    private static string Md5(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
