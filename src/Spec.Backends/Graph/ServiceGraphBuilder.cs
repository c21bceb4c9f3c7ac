using Spec.Core.Model;

namespace Spec.Backends.Graph;

/// <summary>
/// Builds the <see cref="ServiceGraph"/> of a bound <see cref="Service"/>: each function; what triggers it (APIs and
/// their routes, queues, topics, schedules, buckets, streams, buses, …); the resources it reads and writes (from the
/// IAM statements of its role) or names in its environment (references to <c>resources:</c> logical ids); the
/// dead-letter queues of its queues, topics and rules; its destinations. A target outside the stack is drawn by the
/// name its ARN gives; a value from <c>${env:…}</c> or <c>${file(…)}</c> by its expression, never its content.
/// </summary>
public sealed class ServiceGraphBuilder
{
    private readonly Service _service;
    private readonly List<GraphNode> _nodes = [];
    private readonly Dictionary<string, GraphNode> _byKey = new(StringComparer.Ordinal);
    // Labels sharing their first 40 letters (long queue names, ARNs) share a stem: numbered stem_2, stem_3…
    private readonly UniqueNames _ids = new('_');
    private readonly List<(string From, string To, GraphEdgeKind Kind, List<string> Labels)> _edges = [];
    private readonly Dictionary<(string From, string To, GraphEdgeKind Kind), int> _edgePositions = [];
    private Dictionary<string, Function>? _functionsByLogicalId;
    private Dictionary<string, Function>? _functionsByDeployedName;

    private ServiceGraphBuilder(Service service) => _service = service;

    public static ServiceGraph Build(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new ServiceGraphBuilder(service).Build();
    }

    private ServiceGraph Build()
    {
        foreach (var function in _service.Functions)
        {
            Add("fn:" + function.Key, function.Key, FunctionDetail(function), GraphNodeKind.Function);
        }

        foreach (var function in _service.Functions)
        {
            var id = Id("fn:" + function.Key);
            foreach (var e in function.Events)
            {
                Trigger(id, e);
            }

            var statements = function.RoleReference is null
                ? _service.Provider.Iam.RoleStatements.Concat(function.IamRoleStatements)
                : function.IamRoleStatements;
            foreach (var statement in statements.Where(s => s.Effect?.Value != "Deny"))
            {
                Access(id, statement);
            }

            foreach (var variable in function.Environment)
            {
                if (ResourceReference.From(variable.Value) is { LogicalId: not null } reference && Target(reference, GraphNodeKind.Resource) is { } target)
                {
                    Edge(id, target, "env " + variable.Name, GraphEdgeKind.Access);
                }
            }

            if (function.OnError is { } onError && Target(ResourceReference.From(onError), GraphNodeKind.Topic) is { } dlq)
            {
                Edge(id, dlq, "onError", GraphEdgeKind.DeadLetter);
            }

            Destination(id, function.Destinations?.OnSuccess, "onSuccess");
            Destination(id, function.Destinations?.OnFailure, "onFailure");
        }

        foreach (var queue in _service.Resources.Queues)
        {
            if (queue.RedrivePolicy?.DeadLetterQueue is { } dlq && _byKey.ContainsKey("res:" + queue.LogicalId)
                && Target(dlq, GraphNodeKind.Queue) is { } target)
            {
                Edge(Id("res:" + queue.LogicalId), target, "DLQ", GraphEdgeKind.DeadLetter);
            }
        }

        var edges = _edges.Select(e => new GraphEdge(e.From, e.To, string.Join(", ", e.Labels), e.Kind)).ToList();
        var title = _service.HasPlainName ? _service.Name.Value : "service";
        return new ServiceGraph($"{title} ({_service.Stage}, {_service.Region})", _nodes, edges);
    }

    private void Trigger(string function, FunctionEvent e)
    {
        switch (e)
        {
            case HttpEvent http:
                Edge(Add("api:rest", "REST API", "API Gateway", GraphNodeKind.Api), function,
                    $"{http.NormalizedMethod ?? "?"} {ShownText.Of(http.Path.Node, http.NormalizedPath ?? "?")}", GraphEdgeKind.Trigger);
                break;
            case HttpApiEvent httpApi:
                Edge(Add("api:http", "HTTP API", "API Gateway v2", GraphNodeKind.Api), function,
                    httpApi.IsDefaultRoute ? "*" : $"{httpApi.Method.Value?.ToUpperInvariant() ?? "ANY"} {ShownText.Of(httpApi.Path, "?")}", GraphEdgeKind.Trigger);
                break;
            case WebsocketEvent websocket:
                Edge(Add("api:ws", "WebSocket API", "API Gateway v2", GraphNodeKind.Api), function,
                    ShownText.Of(websocket.Route, "?"), GraphEdgeKind.Trigger);
                break;
            case AlbEvent alb:
                Edge(Add("alb:" + ShownText.Of(alb.ListenerArn, alb.ListenerRefName ?? alb.ListenerLiteral ?? "listener"),
                        "ALB " + LastSegment(ShownText.Of(alb.ListenerArn, alb.ListenerRefName ?? alb.ListenerLiteral ?? "listener")), "load balancer", GraphNodeKind.Api),
                    function, string.Join(" ", alb.Conditions.Path.Select(p => ShownText.Of(p, string.Empty))).Trim() is { Length: > 0 } paths ? paths : "rule",
                    GraphEdgeKind.Trigger);
                break;
            case SqsEvent sqs:
                TriggerFrom(Target(sqs.Queue, GraphNodeKind.Queue), function, "batch " + (sqs.BatchSize.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"));
                break;
            case StreamEvent stream:
                TriggerFrom(Target(stream.Source, GraphNodeKind.Stream), function, stream.Type.Value ?? "stream");
                if (stream.OnFailure is { } failure && Target(failure.Reference, GraphNodeKind.Queue) is { } onFailure)
                {
                    Edge(function, onFailure, "onFailure", GraphEdgeKind.DeadLetter);
                }

                break;
            case SnsEvent sns:
                var topic = sns.Topic is { } reference
                    ? Target(reference, GraphNodeKind.Topic)
                    : Add("topic:" + ShownText.Of(sns.TopicName, "topic"), ShownText.Of(sns.TopicName, "topic"), "SNS topic", GraphNodeKind.Topic);
                TriggerFrom(topic, function, "subscription");
                if (topic is not null && sns.RedrivePolicy is { } redrive)
                {
                    var dlq = redrive.DeadLetterTargetRef?.Value is { } logicalId
                        ? Target(new ResourceReference(ReferenceKind.Ref, redrive.Node) { LogicalId = logicalId }, GraphNodeKind.Queue)
                        : Target(ResourceReference.From(redrive.DeadLetterTargetArn), GraphNodeKind.Queue);
                    if (dlq is not null)
                    {
                        Edge(topic, dlq, "DLQ", GraphEdgeKind.DeadLetter);
                    }
                }

                break;
            case S3Event s3:
                TriggerFrom(Bucket(s3.Bucket), function, ShownText.Of(s3.Event.Node, s3.Event.LiteralOrDefault ?? "event"));
                break;
            case ScheduleEvent schedule:
                var rates = string.Join(", ", schedule.Rate.Select(r => ShownText.Of(r, "?")));
                Edge(Add("schedule:" + rates, rates, "schedule", GraphNodeKind.Schedule), function, "schedule", GraphEdgeKind.Trigger);
                break;
            case EventBridgeEvent bridge:
                var bus = bridge.EventBus is null ? "default" : ShownText.Of(bridge.EventBus, bridge.EventBusLiteral ?? "bus");
                var busNode = bridge.Schedule is { } scheduled && ShownText.Of(scheduled, "?") is var expression
                    ? Add("schedule:" + expression, expression, "EventBridge schedule", GraphNodeKind.Schedule)
                    : Add("bus:" + bus, "event bus " + LastSegment(bus), "EventBridge", GraphNodeKind.EventBus);
                Edge(busNode, function, bridge.Schedule is null ? "rule" : "schedule", GraphEdgeKind.Trigger);
                if (Target(ResourceReference.From(bridge.DeadLetterQueueArn), GraphNodeKind.Queue) is { } bridgeDlq)
                {
                    Edge(busNode, bridgeDlq, "DLQ", GraphEdgeKind.DeadLetter);
                }

                break;
            case CloudwatchLogEvent log:
                Edge(Add("log:" + ShownText.Of(log.LogGroup, "log group"), ShownText.Of(log.LogGroup, "log group"), "CloudWatch Logs", GraphNodeKind.Source),
                    function, "subscription filter", GraphEdgeKind.Trigger);
                break;
            case CognitoUserPoolEvent cognito:
                Edge(Add("cognito:" + ShownText.Of(cognito.Pool, "user pool"), ShownText.Of(cognito.Pool, "user pool"), "Cognito user pool", GraphNodeKind.Source),
                    function, ShownText.Of(cognito.Trigger, "trigger"), GraphEdgeKind.Trigger);
                break;
            case IotEvent iot:
                Edge(Add("iot", "IoT Core", "topic rules", GraphNodeKind.Source), function, ShownText.Of(iot.Name, "rule"), GraphEdgeKind.Trigger);
                break;
            default:
                Edge(Add("source:" + e.KindName, e.KindName, "event source", GraphNodeKind.Source), function, e.KindName, GraphEdgeKind.Trigger);
                break;
        }
    }

    private void TriggerFrom(string? source, string function, string label)
    {
        if (source is not null)
        {
            Edge(source, function, label, GraphEdgeKind.Trigger);
        }
    }

    /// <summary>The resources of one Allow statement, reached with its actions: "reads", "writes" or both.</summary>
    private void Access(string function, IamStatement statement)
    {
        var label = AccessLabel(statement.Action.Select(a => a.Value));
        foreach (var resource in statement.Resource)
        {
            if (resource.Value is "*" || ResourceReference.From(resource.Node) is not { } reference)
            {
                continue;
            }

            if (Target(reference, GraphNodeKind.Resource) is { } target && target != function)
            {
                Edge(function, target, label, GraphEdgeKind.Access);
            }
        }
    }

    internal static string AccessLabel(IEnumerable<string?> actions)
    {
        var (reads, writes) = (false, false);
        foreach (var action in actions)
        {
            var verb = action is null ? "*" : action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
            if (verb.StartsWith('*'))
            {
                (reads, writes) = (true, true);
            }
            else if (ReadVerbs.Any(v => verb.StartsWith(v, StringComparison.Ordinal)))
            {
                reads = true;
            }
            else
            {
                writes = true;
            }
        }

        return (reads, writes) switch
        {
            (true, true) => "reads, writes",
            (true, false) => "reads",
            _ => "writes",
        };
    }

    private static readonly string[] ReadVerbs =
        ["Get", "List", "Describe", "Query", "Scan", "BatchGet", "Receive", "Select", "Read", "Head", "Lookup", "Search", "Subscribe", "Decrypt"];

    private void Destination(string function, DestinationTarget? destination, string label)
    {
        if (destination is null)
        {
            return;
        }

        var target = destination.IsFunctionName && _byKey.ContainsKey("fn:" + destination.Text)
            ? Id("fn:" + destination.Text)
            : Target(destination.Reference, destination.Type?.Value switch
            {
                "sqs" => GraphNodeKind.Queue,
                "sns" => GraphNodeKind.Topic,
                "eventBus" => GraphNodeKind.EventBus,
                "function" => GraphNodeKind.Function,
                _ => GraphNodeKind.External,
            });
        if (target is not null)
        {
            Edge(function, target, label, GraphEdgeKind.Destination);
        }
    }

    private string? Bucket(Spanned<string?> bucket)
    {
        if (ResourceReference.From(bucket.Node) is { LogicalId: not null } reference)
        {
            return Target(reference, GraphNodeKind.Bucket);
        }

        var name = ShownText.Of(bucket, "bucket");
        var declared = _service.Resources.Buckets.FirstOrDefault(b => b.BucketName?.Value == bucket.Value && bucket.Value is not null);
        return declared is not null
            ? Resource(declared.Resource)
            : Add("bucket:" + name, name, "S3 bucket", GraphNodeKind.Bucket);
    }

    /// <summary>The node a reference points at: a resource of this stack, a function of this service, or a target
    /// outside the stack named by its ARN (service and name). Null when nothing can be said (a bare <c>Fn::If</c>).</summary>
    private string? Target(ResourceReference? reference, GraphNodeKind outsideKind)
    {
        if (reference is null)
        {
            return null;
        }

        if (_service.Resources.Resolve(reference) is { } resource)
        {
            return Resource(resource);
        }

        if (reference.LogicalId is { } logicalId)
        {
            var function = (_functionsByLogicalId ??= FirstByKey(f => Plan.Naming.Lambda(f.Key))).GetValueOrDefault(logicalId);
            return function is not null
                ? Id("fn:" + function.Key)
                : Add("ref:" + logicalId, logicalId, "generated resource", GraphNodeKind.External);
        }

        if (reference.Kind == ReferenceKind.DeployTime || ShownText.IsHidden(reference.Node) || reference.Name is null)
        {
            var shown = ShownText.Of(reference.Node, reference.Name ?? "value");
            return Add("ext:" + shown, shown, "resolved at deploy", outsideKind == GraphNodeKind.Resource ? GraphNodeKind.External : outsideKind);
        }

        var kind = reference.Service switch
        {
            "sqs" => GraphNodeKind.Queue,
            "sns" => GraphNodeKind.Topic,
            "dynamodb" => outsideKind == GraphNodeKind.Stream ? GraphNodeKind.Stream : GraphNodeKind.Table,
            "kinesis" => GraphNodeKind.Stream,
            "s3" => GraphNodeKind.Bucket,
            "events" => GraphNodeKind.EventBus,
            "lambda" => GraphNodeKind.Function,
            _ => outsideKind == GraphNodeKind.Resource ? GraphNodeKind.External : outsideKind,
        };
        var lambda = kind == GraphNodeKind.Function
            ? (_functionsByDeployedName ??= FirstByKey(f => f.DeployedName)).GetValueOrDefault(reference.Name)
            : null;
        if (lambda is not null)
        {
            return Id("fn:" + lambda.Key);
        }

        var detail = reference.Service is { } service ? $"{service} (outside the stack)" : "outside the stack";
        return Add($"ext:{reference.Service}:{reference.Name}", reference.Name, detail, kind);
    }

    private string Resource(CfnResource resource)
    {
        var type = resource.Type?.Value ?? "resource";
        var kind = type switch
        {
            "AWS::SQS::Queue" => GraphNodeKind.Queue,
            "AWS::SNS::Topic" => GraphNodeKind.Topic,
            "AWS::DynamoDB::Table" or "AWS::DynamoDB::GlobalTable" => GraphNodeKind.Table,
            "AWS::S3::Bucket" => GraphNodeKind.Bucket,
            "AWS::Kinesis::Stream" => GraphNodeKind.Stream,
            "AWS::Events::EventBus" => GraphNodeKind.EventBus,
            _ => GraphNodeKind.Resource,
        };
        return Add("res:" + resource.LogicalId, resource.LogicalId, type, kind);
    }

    private static string FunctionDetail(Function function)
    {
        var runtime = function.IsImage ? "container image" : ShownText.Of(function.Runtime.Node, function.Runtime.Value ?? "runtime ?");
        return $"λ {runtime}";
    }

    private static string LastSegment(string arnOrName) =>
        arnOrName.StartsWith("arn:", StringComparison.Ordinal) ? arnOrName[(arnOrName.LastIndexOf('/') + 1)..] : arnOrName;

    private string Add(string key, string label, string detail, GraphNodeKind kind)
    {
        if (_byKey.TryGetValue(key, out var existing))
        {
            return existing.Id;
        }

        var node = new GraphNode(UniqueId(kind, label), label, detail, kind);
        _byKey[key] = node;
        _nodes.Add(node);
        return node.Id;
    }

    private string Id(string key) => _byKey[key].Id;

    /// <summary>An identifier every renderer accepts: a kind prefix and the label's letters and digits.</summary>
    private string UniqueId(GraphNodeKind kind, string label)
    {
        var letters = new string([.. label.Where(char.IsAsciiLetterOrDigit)]);
        var stem = kind.ToString().ToLowerInvariant() + "_" + (letters.Length > 40 ? letters[..40] : letters);
        return _ids.Take(stem);
    }

    private void Edge(string from, string to, string label, GraphEdgeKind kind)
    {
        if (!_edgePositions.TryGetValue((from, to, kind), out var existing))
        {
            _edgePositions[(from, to, kind)] = _edges.Count;
            _edges.Add((from, to, kind, [label]));
        }
        else if (!_edges[existing].Labels.Contains(label))
        {
            _edges[existing].Labels.Add(label);
        }
    }

    /// <summary>The functions by a key, the first of a key kept (as a search of the list finds it).</summary>
    private Dictionary<string, Function> FirstByKey(Func<Function, string> key)
    {
        var byKey = new Dictionary<string, Function>(StringComparer.Ordinal);
        foreach (var function in _service.Functions)
        {
            byKey.TryAdd(key(function), function);
        }

        return byKey;
    }
}
