using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Schema;

namespace Spec.Backends.Beanstalk;

/// <summary>The tier of an Elastic Beanstalk environment.</summary>
public enum BeanstalkTier
{
    Web,
    Worker,
}

/// <summary>The queue a worker environment's sqsd reads, and the one function it posts to.</summary>
public sealed record WorkerQueue(Function Function, SqsEvent Event, SqsQueue? Resource, JsonNode? Arn)
{
    public bool IsFifo => Resource?.FifoQueue.Value == true
        || (Arn is JsonValue v && v.TryGetValue<string>(out var text) && text.EndsWith(".fifo", StringComparison.Ordinal));
}

/// <summary>A <c>cron.yaml</c> task: the route the adapter serves and the 5-field schedule.</summary>
public sealed record CronTask(AdapterScheduleRoute Route, string Schedule);

/// <summary>
/// One environment of the service: its bundle folder (<see cref="Key"/>), its name, tier and language, the functions it
/// runs and what invokes them (routes for the web tier; a queue and <c>cron.yaml</c> tasks for a worker).
/// </summary>
public sealed class BeanstalkEnvironment(string key, string name, BeanstalkTier tier, AdapterRuntime runtime)
{
    public string Key { get; } = key;

    public string Name { get; } = name;

    public BeanstalkTier Tier { get; } = tier;

    public AdapterRuntime Runtime { get; } = runtime;

    /// <summary>The Lambda runtimes of its functions (the newest picks the platform branch).</summary>
    public SortedSet<string> LambdaRuntimes { get; } = new(StringComparer.Ordinal);

    public List<Function> Functions { get; } = [];

    private readonly HashSet<Function> _served = [];

    public List<AdapterHttpRoute> Routes { get; } = [];

    public WorkerQueue? Queue { get; set; }

    public List<CronTask> Cron { get; } = [];

    public string PlatformBranch => BeanstalkPlatforms.Branch(Runtime, LambdaRuntimes.Max(StringComparer.Ordinal) ?? string.Empty);

    public int MaxTimeout => Functions.Count == 0 ? BeanstalkLayout.DefaultTimeout : Functions.Max(BeanstalkLayout.TimeoutOf);

    public void Serve(Function function, string lambdaRuntime)
    {
        if (_served.Add(function))
        {
            Functions.Add(function);
        }

        LambdaRuntimes.Add(lambdaRuntime);
    }
}

/// <summary>
/// Decides the environments of a service from the bound model: one web environment for its <c>http</c> and
/// <c>httpApi</c> routes, one worker per SQS queue consumed (sqsd reads one queue and posts to one path), and the
/// <c>schedule</c> functions in the first worker whose queue is not FIFO, or in a worker of their own. Whatever has no
/// Elastic Beanstalk meaning is reported (<see cref="BeanstalkDiagnosticIds"/>), never dropped silently.
/// </summary>
public sealed class BeanstalkLayout
{
    private readonly Service _service;
    private readonly ServicePlan _plan;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, AdapterRuntime> _runtimes = new(StringComparer.Ordinal);
    private readonly UniqueNames _environmentKeys = new();
    private Dictionary<SourceSpan, List<PlanResource>>? _resourcesByOrigin;

    private BeanstalkLayout(Service service, ServicePlan plan, DiagnosticBag diagnostics)
    {
        _service = service;
        _plan = plan;
        _diagnostics = diagnostics;
    }

    public List<BeanstalkEnvironment> Environments { get; } = [];

    /// <summary>The Framework's default timeout, for a function whose timeout is not a literal number.</summary>
    public static int DefaultTimeout { get; } = KeyCatalog.Serverless.Default<int>("provider.timeout");

    /// <summary>The Framework's default memory, for a function whose memory is not a literal number.</summary>
    public static int DefaultMemorySize { get; } = KeyCatalog.Serverless.Default<int>("provider.memorySize");

    public static int TimeoutOf(Function function) => function.Timeout.Value ?? DefaultTimeout;

    /// <summary>The deployed name of a function (<c>service-stage-key</c> unless <c>name</c> is a literal).</summary>
    public static string DeployedName(Service service, Function function) =>
        function.Name.Value ?? $"{service.Name.Value}-{service.Stage}-{function.Key}";

    public static BeanstalkLayout Build(Service service, ServicePlan plan, DiagnosticBag diagnostics)
    {
        var layout = new BeanstalkLayout(service, plan, diagnostics);
        layout.Run();
        return layout;
    }

    private void Run()
    {
        ReportProviderFeatures();
        BeanstalkEnvironment? web = null;
        var queues = new OrderedDictionary<string, BeanstalkEnvironment>(StringComparer.Ordinal);
        var schedules = new List<(Function Function, string LambdaRuntime, CronTask Task)>();
        foreach (var function in _service.Functions)
        {
            if (Adapter(function) is not { } adapter)
            {
                continue;
            }

            var served = false;
            ReportFunctionFeatures(function);
            foreach (var e in function.Events)
            {
                switch (e)
                {
                    case HttpEvent http when RestRoute(function, http) is { } route:
                        web = AddRoute(web, function, adapter, route);
                        served = true;
                        break;
                    case HttpApiEvent httpApi:
                        web = AddRoute(web, function, adapter, HttpApiRoute(function, httpApi));
                        served = true;
                        break;
                    case SqsEvent sqs when WorkerFor(function, sqs, adapter, queues):
                        served = true;
                        break;
                    case ScheduleEvent schedule:
                        foreach (var task in CronTasks(function, schedule))
                        {
                            schedules.Add((function, adapter.LambdaRuntime, task));
                            served = true;
                        }

                        break;
                    case HttpEvent or SqsEvent:
                        break;
                    default:
                        Warn($"the {e.KindName} event of function '{function.Key}' has no Elastic Beanstalk meaning; no environment " +
                             "invokes the function for it", e.Node.Span);
                        break;
                }
            }

            if (!served && function.Events.Count == 0)
            {
                Warn($"function '{function.Key}' has no events, so no environment runs it", function.KeyNode.Span);
            }
        }

        PlaceSchedules(schedules, queues.Values);
        if (Environments.Count == 0 && !_diagnostics.HasErrors)
        {
            _diagnostics.Error(BeanstalkDiagnosticIds.NothingToDeploy,
                "no function has an http, httpApi, sqs or schedule event an Elastic Beanstalk environment can serve", _service.Name.Node.Span);
        }
    }

    private (AdapterRuntime Runtime, string LambdaRuntime)? Adapter(Function function)
    {
        if (function.IsImage || function.Handler?.Value is null)
        {
            _diagnostics.Error(BeanstalkDiagnosticIds.NoAdapter,
                $"function '{function.Key}' is a container image or has no handler; the Elastic Beanstalk adapters run Node.js and " +
                "Python handlers only", function.KeyNode.Span);
            return null;
        }

        var runtime = function.Runtime.Value;
        if (runtime is null || BeanstalkAdapters.ForLambdaRuntime(runtime) is not { } adapter)
        {
            _diagnostics.Error(BeanstalkDiagnosticIds.NoAdapter,
                $"function '{function.Key}' runs on {(runtime is null ? "a runtime only known at deploy time" : $"'{runtime}'")}, which " +
                "has no Elastic Beanstalk adapter (there are adapters for nodejs* and python3*)",
                function.Runtime.Node?.Span ?? function.KeyNode.Span);
            return null;
        }

        _runtimes[function.Key] = adapter;
        return (adapter, runtime);
    }

    private BeanstalkEnvironment? AddRoute(BeanstalkEnvironment? web, Function function, (AdapterRuntime Runtime, string LambdaRuntime) adapter,
        AdapterHttpRoute route)
    {
        web ??= Add("web", BeanstalkTier.Web, adapter.Runtime);
        if (!SameLanguage(web, function, adapter.Runtime))
        {
            return web;
        }

        web.Serve(function, adapter.LambdaRuntime);
        web.Routes.Add(route);
        return web;
    }

    private bool SameLanguage(BeanstalkEnvironment environment, Function function, AdapterRuntime runtime)
    {
        if (environment.Runtime == runtime)
        {
            return true;
        }

        _diagnostics.Error(BeanstalkDiagnosticIds.NoAdapter,
            $"function '{function.Key}' is {Language(runtime)} but the {environment.Key} environment already runs {Language(environment.Runtime)} " +
            "functions; one environment runs one adapter", function.Runtime.Node?.Span ?? function.KeyNode.Span);
        return false;
    }

    private static string Language(AdapterRuntime runtime) => runtime == AdapterRuntime.Node ? "Node.js" : "Python";

    private AdapterHttpRoute? RestRoute(Function function, HttpEvent http)
    {
        if (http.IntegrationType != "AWS_PROXY")
        {
            Warn($"the http event of function '{function.Key}' uses the '{http.Integration.Value ?? http.IntegrationType}' integration; " +
                 "the web adapter serves lambda-proxy routes only, so this route is left out", http.Node.Span);
            return null;
        }

        if (http.NormalizedPath is not { } path || http.NormalizedMethod is not { } method)
        {
            Warn($"the http event of function '{function.Key}' has a path or method only known at deploy time; the route is left out",
                http.Node.Span);
            return null;
        }

        if (http.Authorizer is not null)
        {
            Warn($"the authorizer of the http event of function '{function.Key}' has no Elastic Beanstalk meaning; the route is served " +
                 "without it", http.Authorizer.Node.Span);
        }

        if (http.Cors is { Enabled: true })
        {
            Warn($"cors of the http event of function '{function.Key}' has no Elastic Beanstalk meaning; the adapter adds no CORS " +
                 "headers or OPTIONS route (return them from the handler)", http.Cors.Node.Span);
        }

        if (http.Private?.Value == true)
        {
            Warn($"private (API key) of the http event of function '{function.Key}' has no Elastic Beanstalk meaning; the route is " +
                 "served without a key", http.Private.Node.Span);
        }

        return new AdapterHttpRoute(method, path, function.Key, "rest");
    }

    private AdapterHttpRoute HttpApiRoute(Function function, HttpApiEvent httpApi)
    {
        if (httpApi.Authorizer is not null)
        {
            Warn($"the authorizer of the httpApi event of function '{function.Key}' has no Elastic Beanstalk meaning; the route is " +
                 "served without it", httpApi.Authorizer.Node.Span);
        }

        var method = httpApi.Method.Value is null or "*" ? "ANY" : httpApi.Method.Value.ToUpperInvariant();
        var path = httpApi.IsDefaultRoute || httpApi.Path.Value is null ? "$default" : "/" + httpApi.Path.Value.TrimStart('/');
        var payload = function.HttpApiPayload?.Value ?? _service.Provider.HttpApi?.Payload?.Value ?? "2.0";
        return new AdapterHttpRoute(method, path, function.Key, "http", payload);
    }

    private bool WorkerFor(Function function, SqsEvent sqs, (AdapterRuntime Runtime, string LambdaRuntime) adapter,
        OrderedDictionary<string, BeanstalkEnvironment> queues)
    {
        if (sqs.Enabled.Value == false)
        {
            Warn($"the sqs event of function '{function.Key}' is disabled; no worker reads its queue", sqs.Node.Span);
            return false;
        }

        ReportSqsFeatures(function, sqs);
        var arn = ResourcesFrom(sqs.Node.Span).FirstOrDefault(r => r.Type == "AWS::Lambda::EventSourceMapping")
            ?.Properties["EventSourceArn"];
        var identity = arn?.ToJsonString() ?? $"{sqs.Queue?.LogicalId}|{sqs.Queue?.Name}";
        if (queues.TryGetValue(identity, out var existing))
        {
            _diagnostics.Error(BeanstalkDiagnosticIds.Worker,
                $"functions '{existing.Queue!.Function.Key}' and '{function.Key}' consume the same queue; a worker's sqsd posts each " +
                "message to one path, so one queue can feed one function", sqs.Node.Span);
            return false;
        }

        var reference = sqs.Queue;
        var resource = reference?.LogicalId is { } id ? _service.Resources.FindQueue(id) : null;
        var environment = Add(Kebab(reference?.LogicalId ?? reference?.Name ?? "queue"), BeanstalkTier.Worker, adapter.Runtime);
        environment.Queue = new WorkerQueue(function, sqs, resource, arn?.DeepClone());
        environment.Serve(function, adapter.LambdaRuntime);
        queues.Add(identity, environment);
        return true;
    }

    private IEnumerable<CronTask> CronTasks(Function function, ScheduleEvent schedule)
    {
        if (schedule.Enabled.Value == false)
        {
            Warn($"the schedule of function '{function.Key}' is disabled; no cron.yaml task is written for it", schedule.Node.Span);
            yield break;
        }

        if (schedule.InputPath is not null || schedule.InputTransformer is not null)
        {
            Warn($"the inputPath or inputTransformer of the schedule of function '{function.Key}' has no Elastic Beanstalk meaning; " +
                 "the handler gets the scheduled event", schedule.Node.Span);
        }

        var input = schedule.Input is null ? null : ScheduleInput(function, schedule);

        if (schedule.Timezone?.Value is { } zone && zone is not ("UTC" or "Etc/UTC"))
        {
            _diagnostics.Error(BeanstalkDiagnosticIds.Schedule,
                $"the schedule of function '{function.Key}' runs in {zone}; cron.yaml schedules run in UTC", schedule.Timezone.Node.Span);
            yield break;
        }

        var path = "/cron/" + DeployedName(_service, function);
        foreach (var rate in schedule.Rate)
        {
            if (rate.Value is null)
            {
                Warn($"a schedule of function '{function.Key}' is only known at deploy time; no cron.yaml task is written for it", rate.Node.Span);
                continue;
            }

            var conversion = ScheduleToCron.Convert(rate.Value, $"the schedule of function '{function.Key}'");
            if (!conversion.Succeeded)
            {
                _diagnostics.Error(BeanstalkDiagnosticIds.Schedule, conversion.Error!, rate.Node.Span);
                continue;
            }

            var name = schedule.Name?.Value ?? function.Key;
            yield return new CronTask(new AdapterScheduleRoute(name, path, function.Key, Input: input), conversion.Cron!);
        }
    }

    /// <summary>
    /// The constant <c>input</c> of a schedule as EventBridge delivers it (the event the handler receives instead of the
    /// scheduled event): the JSON text of the rule's target <c>Input</c> the plan already lowered (an object stringified,
    /// a string taken as JSON text), so both targets deliver the same event.
    /// </summary>
    private JsonElement? ScheduleInput(Function function, ScheduleEvent schedule)
    {
        var target = ResourcesFrom(schedule.Node.Span)
            .Select(r => r.Type switch
            {
                "AWS::Events::Rule" => (r.Properties["Targets"] as JsonArray)?.FirstOrDefault(),
                "AWS::Scheduler::Schedule" => r.Properties["Target"],
                _ => null,
            })
            .FirstOrDefault(t => t is not null);
        if (target?["Input"] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // EventBridge refuses such a rule too; say so rather than deliver something else
            }
        }

        Warn($"the input of the schedule of function '{function.Key}' is not a JSON value the worker can deliver; the handler " +
             "gets the scheduled event", schedule.Node.Span);
        return null;
    }

    /// <summary>Schedules go to the first non-FIFO queue worker of their language, else to a worker of their own.</summary>
    private void PlaceSchedules(List<(Function Function, string LambdaRuntime, CronTask Task)> schedules, IEnumerable<BeanstalkEnvironment> workers)
    {
        var firstByRuntime = new Dictionary<AdapterRuntime, BeanstalkEnvironment>();
        foreach (var worker in workers.Where(w => w.Queue?.IsFifo != true))
        {
            firstByRuntime.TryAdd(worker.Runtime, worker);
        }

        var taskNames = new Dictionary<BeanstalkEnvironment, UniqueNames>();
        BeanstalkEnvironment? cron = null;
        foreach (var (function, lambdaRuntime, task) in schedules)
        {
            var runtime = _runtimes[function.Key];
            if (!firstByRuntime.TryGetValue(runtime, out var target))
            {
                cron ??= Add("cron", BeanstalkTier.Worker, runtime);
                if (!SameLanguage(cron, function, runtime))
                {
                    continue;
                }

                target = cron;
            }

            target.Serve(function, lambdaRuntime);
            var name = (CollectionsMarshal.GetValueRefOrAddDefault(taskNames, target, out _) ??= new UniqueNames()).Take(task.Route.Name);
            target.Cron.Add(task with { Route = task.Route with { Name = name } });
        }
    }

    private BeanstalkEnvironment Add(string key, BeanstalkTier tier, AdapterRuntime runtime)
    {
        var unique = _environmentKeys.Take(key);
        var environment = new BeanstalkEnvironment(unique, EnvironmentName($"{_service.Name.Value}-{_service.Stage}-{unique}"), tier, runtime);
        Environments.Add(environment);
        return environment;
    }

    /// <summary>The plan resources lowered from one spec node, in plan order (indexed once: every event looks up its own).</summary>
    private List<PlanResource> ResourcesFrom(SourceSpan span)
    {
        if (_resourcesByOrigin is null)
        {
            _resourcesByOrigin = [];
            foreach (var resource in _plan.Resources)
            {
                if (resource.Origin is { } origin)
                {
                    (CollectionsMarshal.GetValueRefOrAddDefault(_resourcesByOrigin, origin, out _) ??= []).Add(resource);
                }
            }
        }

        return _resourcesByOrigin.GetValueOrDefault(span) ?? [];
    }

    /// <summary>An environment name: letters, digits and hyphens, 4 to 40 characters (shortened with a hash when longer).</summary>
    public static string EnvironmentName(string wanted)
    {
        var name = Kebab(wanted);
        if (name.Length <= 40)
        {
            return name.Length >= 4 ? name : name.PadRight(4, 'x');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wanted)))[..6];
        return name[..33].TrimEnd('-') + "-" + hash;
    }

    /// <summary><c>JobsQueue</c> → <c>jobs-queue</c>: lower-case letters, digits and single hyphens.</summary>
    public static string Kebab(string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsAsciiLetterUpper(c) && i > 0 && char.IsAsciiLetterLower(text[i - 1]) && builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var result = builder.ToString().Trim('-');
        return result.Length == 0 ? "env" : result;
    }

    private void ReportProviderFeatures()
    {
        var provider = _service.Provider;
        if (provider.HttpApi?.Cors is { Enabled: true } cors)
        {
            Warn("provider.httpApi.cors has no Elastic Beanstalk meaning; the adapter adds no CORS headers (return them from the handler)",
                cors.Node.Span);
        }

        if (provider.ApiGateway is { ApiKeys.Count: > 0 } apiGateway)
        {
            Warn("provider.apiGateway.apiKeys has no Elastic Beanstalk meaning; no route checks an API key", apiGateway.Node.Span);
        }

        if (provider.Websocket is not null)
        {
            Warn("provider.websocket has no Elastic Beanstalk meaning", provider.Websocket.Span);
        }

        if (provider.Alb is not null)
        {
            Warn("provider.alb has no Elastic Beanstalk meaning; the environment's own load balancer serves the web routes", provider.Alb.Node.Span);
        }
    }

    private void ReportFunctionFeatures(Function function)
    {
        void Feature(bool present, string feature, Core.Syntax.Node? where, string effect)
        {
            if (present)
            {
                Warn($"{feature} of function '{function.Key}' has no Elastic Beanstalk meaning; {effect}", where?.Span ?? function.KeyNode.Span);
            }
        }

        Feature(function.Layers.Value.Count > 0, "layers", function.Layers.Node, "the layers' files are not in the bundle");
        Feature(function.Vpc.Value is not null, "vpc", function.Vpc.Node, "set the environment's aws:ec2:vpc options instead");
        Feature(function.Url is not null, "url (a function URL)", function.Url?.Node, "the function gets no URL of its own");
        Feature(function.Destinations is not null, "destinations", function.Destinations?.Node, "results are not sent anywhere");
        Feature(function.OnError is not null, "onError", function.OnError, "failures are not sent anywhere");
        Feature(function.ProvisionedConcurrency is not null, "provisionedConcurrency", function.ProvisionedConcurrency?.Node,
            "the environment's instances are always running");
        Feature(function.FileSystemConfig is not null, "fileSystemConfig", function.FileSystemConfig?.Node, "no EFS file system is mounted");
    }

    private void ReportSqsFeatures(Function function, SqsEvent sqs)
    {
        if (sqs.BatchSize.IsWritten && sqs.BatchSize.Value > 1)
        {
            Warn($"batchSize {sqs.BatchSize.Value} of the sqs event of function '{function.Key}' has no Elastic Beanstalk meaning; sqsd " +
                 "posts one message at a time, so every invocation gets one record", sqs.BatchSize.Node?.Span ?? sqs.Node.Span);
        }

        if (sqs.MaximumBatchingWindow is { } window)
        {
            Warn($"maximumBatchingWindow of the sqs event of function '{function.Key}' has no Elastic Beanstalk meaning; messages are " +
                 "posted as they arrive", window.Node.Span);
        }

        if (sqs.FilterPatterns.Count > 0)
        {
            Warn($"filterPatterns of the sqs event of function '{function.Key}' have no Elastic Beanstalk meaning; every message of the " +
                 "queue is posted to the function", sqs.FilterPatterns[0].Span);
        }
    }

    private void Warn(string message, SourceSpan span) => _diagnostics.Warning(BeanstalkDiagnosticIds.NoBeanstalkMeaning, message, span);
}
