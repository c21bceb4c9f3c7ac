using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>What a value the schema checkers walk is.</summary>
public enum CheckedKind
{
    /// <summary>A null, or nothing the checks judge.</summary>
    Null,
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A value <see cref="CfnConstraintChecker"/> and <see cref="CfnPresenceChecker"/> walk, without converting it: a spec's
/// syntax node (<see cref="NodeValue"/>) or a generated resource's JSON (<see cref="Engine.GeneratedValue"/>). Only a
/// violation asks for a <see cref="Node"/> (<see cref="ToNode"/>, <see cref="KeyNodeAt"/>) to point at.
/// </summary>
public interface ICheckedValue<TSelf>
    where TSelf : struct, ICheckedValue<TSelf>
{
    CheckedKind Kind { get; }

    /// <summary>A CloudFormation function, deploy-time value, unresolved variable or dynamic reference: only known
    /// when the stack is created.</summary>
    bool IsUnknown { get; }

    /// <summary>The entries of a mapping or the items of a list.</summary>
    int Count { get; }

    string KeyAt(int index);

    TSelf ValueAt(int index);

    TSelf ItemAt(int index);

    /// <summary>A scalar's text as YAML would write it (a number's digits, <c>true</c>).</summary>
    string Text { get; }

    ScalarKind ScalarKind { get; }

    /// <summary>True when the value came from <c>env</c> or <c>file</c>: a message shows <see cref="Display"/>.</summary>
    bool IsSensitive { get; }

    string Display { get; }

    Node ToNode();

    Node KeyNodeAt(int index);
}

/// <summary>A spec's syntax node as the schema checkers walk it.</summary>
public readonly struct NodeValue(Node node) : ICheckedValue<NodeValue>
{
    public CheckedKind Kind => node switch
    {
        MappingNode => CheckedKind.Mapping,
        SequenceNode => CheckedKind.Sequence,
        ScalarNode { IsNull: false } => CheckedKind.Scalar,
        _ => CheckedKind.Null,
    };

    public bool IsUnknown => node.IsIntrinsic()
        || node is ScalarNode { Kind: ScalarKind.String } s && CheckedText.IsUnknown(s.Text);

    public int Count => node switch
    {
        MappingNode m => m.Entries.Count,
        SequenceNode s => s.Items.Count,
        _ => 0,
    };

    public string KeyAt(int index) => ((MappingNode)node).Entries[index].Key.Text;

    public NodeValue ValueAt(int index) => new(((MappingNode)node).Entries[index].Value);

    public NodeValue ItemAt(int index) => new(((SequenceNode)node).Items[index]);

    public string Text => node is ScalarNode s ? s.Text : node.Display;

    public ScalarKind ScalarKind => node is ScalarNode s ? s.Kind : ScalarKind.Null;

    public bool IsSensitive => node.IsSensitive;

    public string Display => node.Display;

    public Node ToNode() => node;

    public Node KeyNodeAt(int index) => ((MappingNode)node).Entries[index].Key;
}

/// <summary>Text that is only known at deploy time.</summary>
internal static class CheckedText
{
    public static bool IsUnknown(string text) =>
        text.Contains("${", StringComparison.Ordinal) || text.Contains("{{resolve:", StringComparison.Ordinal);
}
