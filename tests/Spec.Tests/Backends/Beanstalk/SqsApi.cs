using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>
/// The few Amazon SQS calls the sqsd stand-in and its tests make, in the SQS JSON protocol (<c>X-Amz-Target:
/// AmazonSQS.*</c>) over <see cref="HttpClient"/>, against moto_server. moto routes a request to SQS by the service in
/// the Authorization header's credential scope and does not check the signature, so the header names the scope only.
/// </summary>
internal sealed class SqsApi(string endpoint, string region) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(endpoint), Timeout = TimeSpan.FromSeconds(60) };

    public async Task<string> CreateQueueAsync(string name) =>
        (await CallAsync("CreateQueue", new JsonObject { ["QueueName"] = name }))["QueueUrl"]!.GetValue<string>();

    public async Task<string> SendMessageAsync(string queueUrl, string body, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var request = new JsonObject { ["QueueUrl"] = queueUrl, ["MessageBody"] = body };
        if (attributes is not null)
        {
            var messageAttributes = new JsonObject();
            foreach (var (name, value) in attributes)
            {
                messageAttributes[name] = new JsonObject { ["DataType"] = "String", ["StringValue"] = value };
            }

            request["MessageAttributes"] = messageAttributes;
        }

        return (await CallAsync("SendMessage", request))["MessageId"]!.GetValue<string>();
    }

    /// <summary>At most one message, with all its system and message attributes; null when none arrived in <paramref name="waitSeconds"/>.</summary>
    public async Task<JsonObject?> ReceiveMessageAsync(string queueUrl, int visibilityTimeout, int waitSeconds)
    {
        var response = await CallAsync("ReceiveMessage", new JsonObject
        {
            ["QueueUrl"] = queueUrl,
            ["MaxNumberOfMessages"] = 1,
            ["VisibilityTimeout"] = visibilityTimeout,
            ["WaitTimeSeconds"] = waitSeconds,
            ["AttributeNames"] = new JsonArray("All"),
            ["MessageAttributeNames"] = new JsonArray("All"),
        });
        return response["Messages"] is JsonArray { Count: > 0 } messages ? messages[0]!.AsObject() : null;
    }

    public Task DeleteMessageAsync(string queueUrl, string receiptHandle) =>
        CallAsync("DeleteMessage", new JsonObject { ["QueueUrl"] = queueUrl, ["ReceiptHandle"] = receiptHandle });

    public Task ChangeMessageVisibilityAsync(string queueUrl, string receiptHandle, int seconds) =>
        CallAsync("ChangeMessageVisibility", new JsonObject
        {
            ["QueueUrl"] = queueUrl, ["ReceiptHandle"] = receiptHandle, ["VisibilityTimeout"] = seconds,
        });

    /// <summary>(visible, in flight): ApproximateNumberOfMessages and ApproximateNumberOfMessagesNotVisible.</summary>
    public async Task<(int Visible, int InFlight)> CountsAsync(string queueUrl)
    {
        var attributes = (await CallAsync("GetQueueAttributes", new JsonObject
        {
            ["QueueUrl"] = queueUrl,
            ["AttributeNames"] = new JsonArray("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"),
        }))["Attributes"]!;
        return (Count("ApproximateNumberOfMessages"), Count("ApproximateNumberOfMessagesNotVisible"));

        int Count(string name) => int.Parse(attributes[name]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    private async Task<JsonNode> CallAsync(string action, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonSQS." + action);
        message.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=testing/20260101/{region}/sqs/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"SQS {action}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text, documentOptions: new JsonDocumentOptions())!;
    }

    public void Dispose() => _http.Dispose();
}
