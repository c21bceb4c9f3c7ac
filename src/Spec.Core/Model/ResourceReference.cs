using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>How a reference to a resource was written.</summary>
public enum ReferenceKind
{
    /// <summary><c>{Fn::GetAtt: [X, Arn]}</c> / <c>!GetAtt X.Arn</c>.</summary>
    GetAtt,

    /// <summary><c>{Ref: X}</c> / <c>!Ref X</c>.</summary>
    Ref,

    /// <summary><c>Fn::Join</c> building an ARN.</summary>
    Join,

    /// <summary><c>Fn::Sub</c> building an ARN.</summary>
    Sub,

    /// <summary><c>Fn::ImportValue</c> of another stack's export.</summary>
    ImportValue,

    /// <summary>A literal ARN (<c>arn:aws:sqs:…:name</c>).</summary>
    Arn,

    /// <summary>A literal that is not an ARN: a plain name (SNS topic, S3 bucket, log group…).</summary>
    Name,

    /// <summary>A deploy-time value (<c>${ssm:…}</c>, <c>${cf:…}</c>…): unknown until deploy.</summary>
    DeployTime,
}

/// <summary>
/// What an <c>arn</c>-like value points at, so rules can match events to resources: the logical id of a resource in
/// the same template (<see cref="LogicalId"/>) and/or the physical name taken from a literal or built ARN
/// (<see cref="Name"/>: the queue, topic, table, stream or bucket name).
/// </summary>
public sealed record ResourceReference(ReferenceKind Kind, Node Node)
{
    /// <summary>The logical id of a resource of this template (<c>GetAtt</c>, <c>Ref</c>, or inside <c>Join</c>/<c>Sub</c>).</summary>
    public string? LogicalId { get; init; }

    /// <summary>The attribute of <c>Fn::GetAtt</c> (<c>Arn</c>, <c>StreamArn</c>…).</summary>
    public string? Attribute { get; init; }

    /// <summary>The physical name: the last ARN segment (table/stream name for DynamoDB/Kinesis), a plain name, or an
    /// import's export name.</summary>
    public string? Name { get; init; }

    /// <summary>The AWS service of an ARN (<c>sqs</c>, <c>sns</c>, <c>dynamodb</c>, <c>kinesis</c>…), when known.</summary>
    public string? Service { get; init; }

    /// <summary>Reads a reference from a node; null when nothing can be said (e.g. <c>Fn::If</c>, a number).</summary>
    public static ResourceReference? From(Node? node)
    {
        switch (node)
        {
            case null:
                return null;
            case DeployTimeNode:
                return new ResourceReference(ReferenceKind.DeployTime, node);
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode s:
                return FromLiteral(s.Text, node);
            case MappingNode { Entries.Count: 1 } m:
                return FromIntrinsic(m.Entries[0].Key.Text, m.Entries[0].Value, node);
            default:
                return null;
        }
    }

    private static ResourceReference? FromIntrinsic(string function, Node argument, Node node)
    {
        switch (function)
        {
            case "Fn::GetAtt":
                return GetAtt(argument, node);
            case "Ref":
                return argument is ScalarNode { IsNull: false } r && !IsPseudoParameter(r.Text)
                    ? new ResourceReference(ReferenceKind.Ref, node) { LogicalId = r.Text }
                    : null;
            case "Fn::ImportValue":
                return new ResourceReference(ReferenceKind.ImportValue, node)
                {
                    Name = argument is ScalarNode { IsNull: false } i ? i.Text : null,
                };
            case "Fn::Join":
                return Join(argument, node);
            case "Fn::Sub":
                return Sub(argument, node);
            default:
                return null;
        }
    }

    private static ResourceReference? GetAtt(Node argument, Node node)
    {
        string? id = null;
        string? attribute = null;
        if (argument is SequenceNode { Items.Count: >= 1 } seq && seq.Items[0] is ScalarNode first)
        {
            id = first.Text;
            attribute = seq.Items.Count > 1 && seq.Items[1] is ScalarNode second ? second.Text : null;
        }
        else if (argument is ScalarNode { IsNull: false } s)
        {
            var dot = s.Text.IndexOf('.', StringComparison.Ordinal);
            id = dot < 0 ? s.Text : s.Text[..dot];
            attribute = dot < 0 ? null : s.Text[(dot + 1)..];
        }

        return id is null ? null : new ResourceReference(ReferenceKind.GetAtt, node) { LogicalId = id, Attribute = attribute };
    }

    private static ResourceReference? Join(Node argument, Node node)
    {
        if (argument is not SequenceNode { Items.Count: 2 } seq || seq.Items[1] is not SequenceNode parts)
        {
            return null;
        }

        var delimiter = seq.Items[0] is ScalarNode d ? d.Text : "";
        string? logicalId = null;
        string? attribute = null;
        var literal = new System.Text.StringBuilder();
        var allLiteral = true;
        for (var index = 0; index < parts.Items.Count; index++)
        {
            var part = parts.Items[index];
            if (index > 0)
            {
                literal.Append(delimiter);
            }

            if (part is ScalarNode { IsNull: false } s)
            {
                literal.Append(s.Text);
                continue;
            }

            allLiteral = false;
            literal.Append('\0');
            var inner = From(part);
            if (inner?.LogicalId is not null && inner.Kind is ReferenceKind.Ref or ReferenceKind.GetAtt)
            {
                logicalId = inner.LogicalId;
                attribute = inner.Attribute;
            }
        }

        var text = literal.ToString();
        var fromArn = text.StartsWith("arn", StringComparison.Ordinal) ? FromLiteral(text, node) : null;
        var name = fromArn?.Name ?? LastSegment(text);
        return new ResourceReference(ReferenceKind.Join, node)
        {
            LogicalId = logicalId,
            Attribute = attribute,
            Name = name is { Length: > 0 } && !name.Contains('\0', StringComparison.Ordinal) ? name : null,
            Service = fromArn?.Service ?? (allLiteral ? null : ArnService(text)),
        };
    }

    private static ResourceReference? Sub(Node argument, Node node)
    {
        string? template = null;
        MappingNode? variables = null;
        if (argument is ScalarNode { IsNull: false } s)
        {
            template = s.Text;
        }
        else if (argument is SequenceNode { Items.Count: >= 1 } seq && seq.Items[0] is ScalarNode t)
        {
            template = t.Text;
            variables = seq.Items.Count > 1 ? seq.Items[1] as MappingNode : null;
        }

        if (template is null)
        {
            return null;
        }

        string? logicalId = null;
        string? attribute = null;
        var masked = new System.Text.StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var start = template.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                masked.Append(template, i, template.Length - i);
                break;
            }

            var end = template.IndexOf('}', start);
            if (end < 0)
            {
                masked.Append(template, i, template.Length - i);
                break;
            }

            masked.Append(template, i, start - i).Append('\0');
            var name = template[(start + 2)..end];
            if (!name.StartsWith('!') && !IsPseudoParameter(name))
            {
                var inner = variables?[name] is { } v ? From(v) : null;
                if (inner?.LogicalId is not null)
                {
                    logicalId = inner.LogicalId;
                    attribute = inner.Attribute;
                }
                else if (variables?[name] is null)
                {
                    var dot = name.IndexOf('.', StringComparison.Ordinal);
                    logicalId = dot < 0 ? name : name[..dot];
                    attribute = dot < 0 ? null : name[(dot + 1)..];
                }
            }

            i = end + 1;
        }

        var text = masked.ToString();
        var fromArn = text.StartsWith("arn", StringComparison.Ordinal) ? FromLiteral(text, node) : null;
        var last = fromArn?.Name ?? LastSegment(text);
        return new ResourceReference(ReferenceKind.Sub, node)
        {
            LogicalId = logicalId,
            Attribute = attribute,
            Name = last is { Length: > 0 } && !last.Contains('\0', StringComparison.Ordinal) ? last : null,
            Service = fromArn?.Service ?? ArnService(text),
        };
    }

    private static ResourceReference FromLiteral(string text, Node node)
    {
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return new ResourceReference(ReferenceKind.Name, node) { Name = text };
        }

        var segments = text.Split(':', 6);
        var service = segments.Length > 2 ? segments[2] : null;
        var resource = segments.Length > 5 ? segments[5] : null;
        string? name = resource;
        if (resource is not null && resource.Contains('/', StringComparison.Ordinal))
        {
            // table/Name/stream/…, stream/Name, cluster/Name/uuid, function:Name…: the name is the second part; an S3
            // object ARN is bucket/key (arn:aws:s3:::bucket/prefix/*), where the name is the bucket.
            var parts = resource.Split('/');
            name = parts.Length > 1 && service != "s3" ? parts[1] : parts[0];
        }
        else if (resource is not null && resource.Contains(':', StringComparison.Ordinal))
        {
            name = resource.Split(':')[1];
        }

        return new ResourceReference(ReferenceKind.Arn, node)
        {
            Name = string.IsNullOrEmpty(name) ? null : name,
            Service = string.IsNullOrEmpty(service) || service.Contains('\0', StringComparison.Ordinal) ? null : service,
        };
    }

    private static string? ArnService(string text)
    {
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = text.Split(':');
        return segments.Length > 2 && segments[2].Length > 0 && !segments[2].Contains('\0', StringComparison.Ordinal)
            ? segments[2]
            : null;
    }

    private static string LastSegment(string text)
    {
        var cut = text.LastIndexOfAny([':', '/']);
        return cut < 0 ? text : text[(cut + 1)..];
    }

    private static bool IsPseudoParameter(string name) => name.StartsWith("AWS::", StringComparison.Ordinal);
}

/// <summary>
/// An ARN-like value (a literal ARN, or a CloudFormation function building one) as the Framework's logical ids read it:
/// they take a name from the literal, or the resource an intrinsic names.
/// </summary>
public sealed record ArnValue(Node Node)
{
    /// <summary>The literal text, or null for an intrinsic, a deploy-time value or null.</summary>
    public string? Literal => RawValues.Text(Node);

    /// <summary>The export name of <c>Fn::ImportValue</c>, or null.</summary>
    public string? ImportValueName => RawValues.Text(RawValues.Get(Node, "Fn::ImportValue"));

    /// <summary>The logical id of <c>Ref</c>, or null.</summary>
    public string? RefName => RawValues.Text(RawValues.Get(Node, "Ref"));

    /// <summary>
    /// The name a logical id takes from the value: from a literal by <paramref name="fromLiteral"/>; from an intrinsic,
    /// the <c>Fn::GetAtt</c> logical id, the <c>Fn::ImportValue</c> export, the <c>Ref</c> target, or the last part of an
    /// <c>Fn::Join</c> (read by <paramref name="fromJoinPart"/> when given). Null when nothing can be said.
    /// </summary>
    public string? Name(Func<string, string?> fromLiteral, Func<string, string?>? fromJoinPart = null)
    {
        ArgumentNullException.ThrowIfNull(fromLiteral);
        switch (Node)
        {
            case ScalarNode s when !s.IsNull:
                return fromLiteral(s.Text);
            case MappingNode m when m["Fn::GetAtt"] is SequenceNode g && g.Items.Count > 0:
                return RawValues.Text(g.Items[0]);
            case MappingNode m when m["Fn::GetAtt"] is ScalarNode g:
                return g.Text.Split('.')[0];
            case MappingNode m when m["Fn::ImportValue"] is ScalarNode i:
                return i.Text;
            case MappingNode m when m["Ref"] is ScalarNode r:
                return r.Text;
            case MappingNode m when m["Fn::Join"] is SequenceNode { Items.Count: 2 } j && j.Items[1] is SequenceNode { Items.Count: > 0 } parts:
                return RawValues.Text(parts.Items[^1]) is { } last && fromJoinPart is not null ? fromJoinPart(last) : RawValues.Text(parts.Items[^1]);
            default:
                return null;
        }
    }
    /// <summary>
    /// The node <see cref="Name"/> reads its name from (the literal, or the intrinsic's argument that names it), or
    /// null: a logical id made from a name of <c>${env:}</c> or <c>${file()}</c> spells it, so messages name it otherwise.
    /// </summary>
    public Node? NameSource => Node switch
    {
        ScalarNode { IsNull: false } s => s,
        MappingNode m when m["Fn::GetAtt"] is SequenceNode { Items.Count: > 0 } g => g.Items[0],
        MappingNode m when m["Fn::GetAtt"] is ScalarNode g => g,
        MappingNode m when m["Fn::ImportValue"] is ScalarNode i => i,
        MappingNode m when m["Ref"] is ScalarNode r => r,
        MappingNode m when m["Fn::Join"] is SequenceNode { Items.Count: 2 } j && j.Items[1] is SequenceNode { Items.Count: > 0 } parts => parts.Items[^1],
        _ => null,
    };
}
