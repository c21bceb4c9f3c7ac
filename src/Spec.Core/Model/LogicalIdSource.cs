using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>
/// What a logical id made from spec values is named after in messages. The Framework makes some ids from a value (a
/// topic name, a queue ARN, a path): such an id spells a value of <c>${env:}</c> or <c>${file()}</c>, so a backend
/// records the value's node and rules name the resource by its expression.
/// </summary>
public static class LogicalIdSource
{
    /// <summary>The first of <paramref name="values"/> from <c>${env:}</c> or <c>${file()}</c> (the id spells it), else
    /// the first written.</summary>
    public static Node? Of(params ReadOnlySpan<Node?> values)
    {
        foreach (var value in values)
        {
            if (value is { IsSensitive: true })
            {
                return value;
            }
        }

        foreach (var value in values)
        {
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Of two values an id spells, the one to name it after: <paramref name="candidate"/> only when it is
    /// sensitive and <paramref name="known"/> is not.</summary>
    public static Node Prefer(Node known, Node candidate) => !known.IsSensitive && candidate.IsSensitive ? candidate : known;
}
