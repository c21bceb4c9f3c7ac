using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Spec.Rules.Beanstalk.Checking;
using Spec.Rules.Beanstalk.Input;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>What one poll of the stand-in did: the message it received and the worker's answer.</summary>
internal sealed record SqsdDelivery(string MessageId, string ReceiptHandle, string ReceiveCount, HttpStatusCode? Status, bool Deleted);

/// <summary>
/// A stand-in for the Elastic Beanstalk worker daemon (sqsd), as the EB Developer Guide ("Elastic Beanstalk worker
/// environments") describes it: it reads its settings from the worker bundle's <c>aws:elasticbeanstalk:sqsd</c>
/// options (<c>HttpPath</c>, <c>MimeType</c>, <c>VisibilityTimeout</c>, <c>ErrorVisibilityTimeout</c>,
/// <c>InactivityTimeout</c>, with EB's defaults), receives one message at a time with the daemon's visibility timeout
/// (which overrides the queue's), POSTs its body to the worker with the <c>X-Aws-Sqsd-*</c> headers, deletes it only
/// after a 200, and after an error answer makes it visible again in <c>ErrorVisibilityTimeout</c> seconds. Without an
/// answer (the inactivity timeout) the message simply returns after the visibility timeout.
/// </summary>
internal sealed class SqsdStandIn
{
    private const string Namespace = "aws:elasticbeanstalk:sqsd";
    private readonly SqsApi _sqs;
    private readonly string _queueUrl;
    private readonly HttpClient _worker;

    public SqsdStandIn(SqsApi sqs, string queueUrl, HttpClient worker, string bundleRoot)
    {
        _sqs = sqs;
        _queueUrl = queueUrl;
        _worker = worker;
        var facts = new EbFacts(EbBundle.Load(bundleRoot));
        HttpPath = Option(facts, "HttpPath") ?? "/";
        MimeType = Option(facts, "MimeType") ?? "application/json";
        VisibilityTimeout = Seconds(facts, "VisibilityTimeout", 300);
        ErrorVisibilityTimeout = Seconds(facts, "ErrorVisibilityTimeout", 2);
        InactivityTimeout = Seconds(facts, "InactivityTimeout", 299);
    }

    public string HttpPath { get; }

    public string MimeType { get; }

    public int VisibilityTimeout { get; }

    public int ErrorVisibilityTimeout { get; }

    public int InactivityTimeout { get; }

    /// <summary>Receives at most one message (long polling up to <paramref name="waitSeconds"/>) and delivers it; null when none came.</summary>
    public async Task<SqsdDelivery?> PollOnceAsync(int waitSeconds)
    {
        if (await _sqs.ReceiveMessageAsync(_queueUrl, VisibilityTimeout, waitSeconds) is not { } message)
        {
            return null;
        }

        var messageId = message["MessageId"]!.GetValue<string>();
        var receipt = message["ReceiptHandle"]!.GetValue<string>();
        var attributes = message["Attributes"]!.AsObject();
        var receiveCount = attributes["ApproximateReceiveCount"]!.GetValue<string>();
        using var post = new HttpRequestMessage(HttpMethod.Post, HttpPath)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(message["Body"]!.GetValue<string>())),
        };
        post.Content.Headers.TryAddWithoutValidation("Content-Type", MimeType);
        post.Headers.TryAddWithoutValidation("User-Agent", "aws-sqsd/3.0.4");
        post.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Msgid", messageId);
        post.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Queue", _queueUrl[(_queueUrl.LastIndexOf('/') + 1)..]);
        post.Headers.TryAddWithoutValidation("X-Aws-Sqsd-First-Received-At", Iso(attributes["ApproximateFirstReceiveTimestamp"]));
        post.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Sent-At", Iso(attributes["SentTimestamp"]));
        post.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Receive-Count", receiveCount);
        post.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Sender-Id", attributes["SenderId"]!.GetValue<string>());
        if (message["MessageAttributes"] is JsonObject messageAttributes)
        {
            foreach (var (name, value) in messageAttributes)
            {
                post.Headers.TryAddWithoutValidation("X-Aws-Sqsd-Attr-" + name, value!["StringValue"]!.GetValue<string>());
            }
        }

        HttpStatusCode? status;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(InactivityTimeout));
            using var response = await _worker.SendAsync(post, timeout.Token);
            status = response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // no answer: sqsd leaves the message to return after the visibility timeout
            return new SqsdDelivery(messageId, receipt, receiveCount, null, Deleted: false);
        }

        if (status == HttpStatusCode.OK)
        {
            await _sqs.DeleteMessageAsync(_queueUrl, receipt);
            return new SqsdDelivery(messageId, receipt, receiveCount, status, Deleted: true);
        }

        await _sqs.ChangeMessageVisibilityAsync(_queueUrl, receipt, ErrorVisibilityTimeout);
        return new SqsdDelivery(messageId, receipt, receiveCount, status, Deleted: false);
    }

    private static string? Option(EbFacts facts, string option) => facts.Effective(Namespace, option)?.ValueText;

    private static int Seconds(EbFacts facts, string option, int fallback) =>
        Option(facts, option) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>An SQS epoch-milliseconds attribute as the ISO 8601 UTC time sqsd sends.</summary>
    private static string Iso(JsonNode? epochMillis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(epochMillis!.GetValue<string>(), CultureInfo.InvariantCulture))
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
