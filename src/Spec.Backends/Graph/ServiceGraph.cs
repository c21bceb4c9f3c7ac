namespace Spec.Backends.Graph;

/// <summary>What a box of the picture stands for; the writers give each kind its shape and colour.</summary>
public enum GraphNodeKind
{
    Function,
    Api,
    Queue,
    Topic,
    Table,
    Bucket,
    Stream,
    Schedule,
    EventBus,
    Source,
    Resource,
    External,
}

/// <summary>What an arrow means: a trigger invokes a function; a function reads or writes a resource; a failed message
/// or invocation goes to a dead-letter queue or a destination.</summary>
public enum GraphEdgeKind
{
    Trigger,
    Access,
    DeadLetter,
    Destination,
}

public sealed record GraphNode(string Id, string Label, string Detail, GraphNodeKind Kind);

public sealed record GraphEdge(string From, string To, string Label, GraphEdgeKind Kind);

/// <summary>The service as a picture: nodes and edges in a stable order (the model's), so output is deterministic.</summary>
public sealed record ServiceGraph(string Title, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
