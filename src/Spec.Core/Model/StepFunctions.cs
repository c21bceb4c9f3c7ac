using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>The <c>stepFunctions</c> section of the serverless-step-functions plugin.</summary>
public sealed record StepFunctionsSection
{
    public required Node Node { get; init; }

    public IReadOnlyList<StateMachine> StateMachines { get; init; } = [];

    /// <summary><c>activities</c>: names (raw entries).</summary>
    public IReadOnlyList<Node> Activities { get; init; } = [];

    public Spanned<bool?>? Validate { get; init; }

    public Spanned<bool?>? NoOutput { get; init; }
}

/// <summary>One state machine of <c>stepFunctions.stateMachines</c>.</summary>
public sealed record StateMachine
{
    public required string Key { get; init; }

    public required ScalarNode KeyNode { get; init; }

    public required MappingNode Node { get; init; }

    /// <summary><c>name</c>: the deployed name when set.</summary>
    public Spanned<string?>? Name { get; init; }

    /// <summary><c>type</c>: <c>STANDARD</c> or <c>EXPRESS</c>.</summary>
    public Setting<string?> Type { get; init; } = Setting<string?>.CatalogDefault("stepFunctions.stateMachines.*.type");

    /// <summary><c>definition</c>: the Amazon States Language document, raw.</summary>
    public Node? Definition { get; init; }

    /// <summary><c>events</c> (http, schedule, cloudwatchEvent, eventBridge…), raw items.</summary>
    public IReadOnlyList<Node> Events { get; init; } = [];

    public Spanned<string?>? Id { get; init; }

    public Node? Role { get; init; }

    public Node? LoggingConfig { get; init; }

    public Node? TracingConfig { get; init; }

    public Node? Tags { get; init; }

    public Node? Alarms { get; init; }

    public Node? Notifications { get; init; }

    public IReadOnlyList<Spanned<string?>> DependsOn { get; init; } = [];

    public Spanned<bool?>? UseExactVersion { get; init; }

    public Spanned<bool?>? Retain { get; init; }
}
