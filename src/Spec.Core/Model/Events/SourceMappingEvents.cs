using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary><c>sqs</c>: an SQS event source mapping. Shorthand: the queue ARN.</summary>
public sealed record SqsEvent : EventSourceMappingEvent
{
    public override EventKind Kind => EventKind.Sqs;

    /// <summary><c>arn</c>: a literal ARN or an intrinsic (<c>Fn::GetAtt</c>, <c>Fn::Join</c>, <c>Fn::ImportValue</c>…).</summary>
    public required Node Arn { get; init; }

    /// <summary><c>functionResponseType</c> (<c>ReportBatchItemFailures</c>).</summary>
    public Spanned<string?>? FunctionResponseType { get; init; }

    /// <summary><c>maximumConcurrency</c> (2–1000).</summary>
    public Spanned<int?>? MaximumConcurrency { get; init; }

    /// <summary>The queue the ARN points at.</summary>
    public ResourceReference? Queue => ResourceReference.From(Arn);

    /// <summary>The ARN as the Framework's logical ids read it.</summary>
    public ArnValue ArnValue => new(Arn);
}

/// <summary><c>stream</c>: a DynamoDB or Kinesis stream event source mapping. Shorthand: the stream ARN.</summary>
public sealed record StreamEvent : EventSourceMappingEvent
{
    public override EventKind Kind => EventKind.Stream;

    public required Node Arn { get; init; }

    /// <summary><c>type</c> (<c>dynamodb</c> or <c>kinesis</c>), or the service of a literal ARN; null when unknown
    /// (an intrinsic ARN without <c>type</c>).</summary>
    public required Setting<string?> Type { get; init; }

    /// <summary><c>startingPosition</c>.</summary>
    public Setting<string?> StartingPosition { get; init; } = Setting<string?>.CatalogDefault("functions.*.events.stream.startingPosition");

    public Spanned<long?>? StartingPositionTimestamp { get; init; }

    public Spanned<int?>? ParallelizationFactor { get; init; }

    public Spanned<int?>? MaximumRetryAttempts { get; init; }

    public Spanned<bool?>? BisectBatchOnFunctionError { get; init; }

    public Spanned<int?>? MaximumRecordAgeInSeconds { get; init; }

    public Spanned<string?>? FunctionResponseType { get; init; }

    /// <summary><c>destinations.onFailure</c>.</summary>
    public DestinationTarget? OnFailure { get; init; }

    public Spanned<int?>? TumblingWindowInSeconds { get; init; }

    /// <summary><c>consumer</c>: <c>true</c> or a consumer ARN (Kinesis enhanced fan-out), raw.</summary>
    public Node? Consumer { get; init; }

    /// <summary><c>consumer</c> is set (JavaScript truthiness): the stream is read through an enhanced fan-out consumer.</summary>
    public bool HasConsumer => RawValues.IsTruthy(Consumer);

    /// <summary><c>consumer: true</c>: the Framework registers the consumer itself.</summary>
    public bool RegistersConsumer => RawValues.Bool(Consumer) == true;

    /// <summary>The table or stream the ARN points at.</summary>
    public ResourceReference? Source => ResourceReference.From(Arn);

    /// <summary>The ARN as the Framework's logical ids read it.</summary>
    public ArnValue ArnValue => new(Arn);
}

/// <summary><c>msk</c>: an Amazon MSK event source mapping.</summary>
public sealed record MskEvent : EventSourceMappingEvent
{
    public override EventKind Kind => EventKind.Msk;

    /// <summary>The cluster ARN.</summary>
    public required Node Arn { get; init; }

    public required Spanned<string?> Topic { get; init; }

    /// <summary><c>startingPosition</c>.</summary>
    public Setting<string?> StartingPosition { get; init; } = Setting<string?>.CatalogDefault("functions.*.events.msk.startingPosition");

    public Spanned<long?>? StartingPositionTimestamp { get; init; }

    public Node? SaslScram512 { get; init; }

    public Spanned<string?>? ConsumerGroupId { get; init; }

    /// <summary>The cluster ARN as the Framework's logical ids read it.</summary>
    public ArnValue ArnValue => new(Arn);
}

/// <summary><c>kafka</c>: a self-managed Apache Kafka event source mapping.</summary>
public sealed record KafkaEvent : EventSourceMappingEvent
{
    public override EventKind Kind => EventKind.Kafka;

    /// <summary><c>accessConfigurations</c>: by type (<c>vpcSubnet</c>, <c>saslScram512Auth</c>…), each a list.</summary>
    public required IReadOnlyList<KafkaAccessConfiguration> AccessConfigurations { get; init; }

    public required IReadOnlyList<Spanned<string?>> BootstrapServers { get; init; }

    public required Spanned<string?> Topic { get; init; }

    /// <summary><c>startingPosition</c>.</summary>
    public Setting<string?> StartingPosition { get; init; } = Setting<string?>.CatalogDefault("functions.*.events.kafka.startingPosition");

    public Spanned<long?>? StartingPositionTimestamp { get; init; }

    public Spanned<string?>? ConsumerGroupId { get; init; }

    /// <summary>The <c>accessConfigurations</c> mapping as written.</summary>
    public Node? AccessConfigurationsNode => RawValues.Get(Value, "accessConfigurations");
}

/// <summary>One <c>accessConfigurations</c> entry of a <c>kafka</c> event: a type and its values.</summary>
public sealed record KafkaAccessConfiguration(string Type, ScalarNode KeyNode, IReadOnlyList<Spanned<string?>> Values,
    Node Node)
{
    /// <summary>True when the entry has a value (not null).</summary>
    public bool IsSet => !RawValues.IsNullOrMissing(Node);
}

/// <summary><c>activemq</c>: an Amazon MQ (ActiveMQ) event source mapping.</summary>
public sealed record ActiveMqEvent : EventSourceMappingEvent
{
    public override EventKind Kind => EventKind.ActiveMq;

    /// <summary>The broker ARN.</summary>
    public required Node Arn { get; init; }

    /// <summary>The Secrets Manager secret with the broker credentials.</summary>
    public required Node BasicAuthArn { get; init; }

    public required Spanned<string?> Queue { get; init; }
}

/// <summary><c>rabbitmq</c>: an Amazon MQ (RabbitMQ) event source mapping.</summary>
public sealed record RabbitMqEvent : EventSourceMappingEvent
{
    public override EventKind Kind => EventKind.RabbitMq;

    public required Node Arn { get; init; }

    public required Node BasicAuthArn { get; init; }

    public required Spanned<string?> Queue { get; init; }

    public Spanned<string?>? VirtualHost { get; init; }
}
