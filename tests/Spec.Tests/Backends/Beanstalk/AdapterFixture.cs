using Spec.Backends.Beanstalk;

namespace Spec.Tests.Backends.Beanstalk;

/// <summary>The web and worker adapters of both languages, started once for all adapter tests.</summary>
public sealed class AdapterFixture : IAsyncLifetime
{
    private readonly Dictionary<(AdapterRuntime, AdapterKind), AdapterProcess> _processes = [];

    internal AdapterProcess Web(AdapterRuntime runtime) => _processes[(runtime, AdapterKind.Web)];

    internal AdapterProcess Worker(AdapterRuntime runtime) => _processes[(runtime, AdapterKind.Worker)];

    public static AdapterRouteTable WebTable { get; } = new()
    {
        Service = "svc",
        Stage = "dev",
        Region = "eu-west-1",
        AccountId = "123456789012",
        BinaryMediaTypes = ["image/png"],
        Functions = new Dictionary<string, AdapterFunction>
        {
            ["userById"] = Fn("echo", "userById", memory: 512),
            ["me"] = Fn("named", "me"),
            ["files"] = Fn("named", "files"),
            ["getThing"] = Fn("named", "getThing"),
            ["anyThing"] = Fn("named", "anyThing"),
            ["createUser"] = Fn("callback", "createUser"),
            ["v2echo"] = Fn("echo", "v2echo"),
            ["v1http"] = Fn("echo", "v1http"),
            ["v2object"] = Fn("object", "v2object"),
            ["v2text"] = Fn("text", "v2text"),
            ["failRest"] = Fn("fail", "failRest"),
            ["failHttp"] = Fn("fail", "failHttp"),
            ["slow"] = Fn("slow", "slow", timeout: 1),
            ["binary"] = Fn("binary", "binary"),
            ["cookies"] = Fn("cookies", "cookies"),
            ["malformed"] = Fn("malformed", "malformed"),
        },
        Routes =
        [
            new("GET", "/users/{id}", "userById", "rest"),
            new("POST", "/users/{id}", "userById", "rest"),
            new("GET", "/users/me", "me", "rest"),
            new("POST", "/users", "createUser", "rest"),
            new("GET", "/files/{proxy+}", "files", "rest"),
            new("ANY", "/things/{id}", "anyThing", "rest"),
            new("GET", "/things/{id}", "getThing", "rest"),
            new("POST", "/v2/items/{id}", "v2echo", "http"),
            new("GET", "/v1http/{id}", "v1http", "http", "1.0"),
            new("GET", "/v2/object", "v2object", "http"),
            new("GET", "/v2/text", "v2text", "http"),
            new("GET", "/fail", "failRest", "rest"),
            new("GET", "/v2/fail", "failHttp", "http"),
            new("GET", "/slow", "slow", "rest"),
            new("GET", "/binary", "binary", "rest"),
            new("POST", "/binary", "userById", "rest"),
            new("GET", "/v2/cookies", "cookies", "http"),
            new("GET", "/malformed", "malformed", "rest"),
        ],
    };

    public static AdapterRouteTable WorkerTable { get; } = new()
    {
        Service = "svc",
        Stage = "dev",
        Region = "eu-west-1",
        AccountId = "123456789012",
        Functions = new Dictionary<string, AdapterFunction>
        {
            ["consume"] = Fn("consume", "consume", timeout: 1),
            ["consumePlain"] = Fn("consume", "consumePlain"),
            ["nightly"] = Fn("nightly", "nightly"),
        },
        Sqs =
        [
            new("/sqs/consume", "consume", "arn:aws:sqs:eu-west-1:123456789012:orders", ReportBatchItemFailures: true),
            new("/sqs/plain", "consumePlain", null, ReportBatchItemFailures: false),
        ],
        Schedules =
        [
            new("nightly", "/cron/nightly", "nightly"),
            // a second schedule of the same function, on the same path, with a constant input
            new("nightly-input", "/cron/nightly", "nightly", Input: System.Text.Json.JsonDocument.Parse("""{"mode":"full","body":{"n":1}}""").RootElement.Clone()),
        ],
    };

    public async Task InitializeAsync()
    {
        foreach (var runtime in new[] { AdapterRuntime.Node, AdapterRuntime.Python })
        {
            _processes[(runtime, AdapterKind.Web)] = await AdapterProcess.StartAsync(runtime, AdapterKind.Web, WebTable);
            _processes[(runtime, AdapterKind.Worker)] = await AdapterProcess.StartAsync(runtime, AdapterKind.Worker, WorkerTable);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes.Values)
        {
            await process.DisposeAsync();
        }
    }

    private static AdapterFunction Fn(string handler, string key, int timeout = 6, int memory = 1024) =>
        new($"app/handlers.{handler}", $"svc-dev-{key}", timeout, memory);
}
