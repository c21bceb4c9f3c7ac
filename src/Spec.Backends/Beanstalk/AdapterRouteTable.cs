using System.Text;
using System.Text.Json;

namespace Spec.Backends.Beanstalk;

/// <summary>A function as the adapters run it: handler, deployed name, timeout and memory (for the context object).</summary>
public sealed record AdapterFunction(string Handler, string Name, int Timeout, int MemorySize);

/// <summary>
/// An HTTP route of the web adapter. <see cref="Api"/> is <c>rest</c> (an <c>http</c> event: payload 1.0) or <c>http</c>
/// (an <c>httpApi</c> event: payload <see cref="Payload"/>, 2.0 by default). <see cref="Path"/> uses API Gateway's
/// <c>{param}</c> and <c>{proxy+}</c> segments, or <c>$default</c>; <see cref="Method"/> may be <c>ANY</c>.
/// </summary>
public sealed record AdapterHttpRoute(string Method, string Path, string Function, string Api, string? Payload = null);

/// <summary>The path sqsd posts a queue's messages to, and the function that consumes them.</summary>
public sealed record AdapterQueueRoute(string Path, string Function, string? QueueArn, bool ReportBatchItemFailures);

/// <summary>A <c>cron.yaml</c> task: its name, the path sqsd posts to, the function, and an optional constant input.</summary>
public sealed record AdapterScheduleRoute(string Name, string Path, string Function, string? RuleArn = null, JsonElement? Input = null);

/// <summary>
/// The route table both adapters read (<c>.spec-eb/routes.json</c>): the contract between the Beanstalk target and the
/// adapter code. Written deterministically (functions sorted by key, routes in the given order).
/// </summary>
public sealed record AdapterRouteTable
{
    public required string Service { get; init; }

    public required string Stage { get; init; }

    public required string Region { get; init; }

    public string? AccountId { get; init; }

    /// <summary>A path the adapter answers itself, for the load balancer's health check.</summary>
    public string HealthPath { get; init; } = DefaultHealthPath;

    public const string DefaultHealthPath = "/__spec-eb/health";

    /// <summary>REST API binary media types (<c>provider.apiGateway.binaryMediaTypes</c>).</summary>
    public IReadOnlyList<string> BinaryMediaTypes { get; init; } = [];

    public IReadOnlyDictionary<string, AdapterFunction> Functions { get; init; } = new Dictionary<string, AdapterFunction>();

    public IReadOnlyList<AdapterHttpRoute> Routes { get; init; } = [];

    public IReadOnlyList<AdapterQueueRoute> Sqs { get; init; } = [];

    public IReadOnlyList<AdapterScheduleRoute> Schedules { get; init; } = [];

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("service", Service);
            w.WriteString("stage", Stage);
            w.WriteString("region", Region);
            if (AccountId is not null)
            {
                w.WriteString("accountId", AccountId);
            }

            w.WriteString("healthPath", HealthPath);
            w.WriteStartArray("binaryMediaTypes");
            foreach (var type in BinaryMediaTypes)
            {
                w.WriteStringValue(type);
            }

            w.WriteEndArray();
            w.WriteStartObject("functions");
            foreach (var (key, f) in Functions.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(key);
                w.WriteString("handler", f.Handler);
                w.WriteString("name", f.Name);
                w.WriteNumber("timeout", f.Timeout);
                w.WriteNumber("memorySize", f.MemorySize);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            WriteRoutes(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private void WriteRoutes(Utf8JsonWriter w)
    {
        w.WriteStartArray("routes");
        foreach (var r in Routes)
        {
            w.WriteStartObject();
            w.WriteString("method", r.Method);
            w.WriteString("path", r.Path);
            w.WriteString("function", r.Function);
            w.WriteString("api", r.Api);
            if (r.Payload is not null)
            {
                w.WriteString("payload", r.Payload);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sqs");
        foreach (var q in Sqs)
        {
            w.WriteStartObject();
            w.WriteString("path", q.Path);
            w.WriteString("function", q.Function);
            if (q.QueueArn is not null)
            {
                w.WriteString("queueArn", q.QueueArn);
            }

            w.WriteBoolean("reportBatchItemFailures", q.ReportBatchItemFailures);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("schedules");
        foreach (var s in Schedules)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("path", s.Path);
            w.WriteString("function", s.Function);
            if (s.RuleArn is not null)
            {
                w.WriteString("ruleArn", s.RuleArn);
            }

            if (s.Input is { } input)
            {
                w.WritePropertyName("input");
                input.WriteTo(w);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
