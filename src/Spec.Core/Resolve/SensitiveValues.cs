using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// Values read from a file or the environment are marked all the way down, so a message shows the expression that
/// produced them (<c>${file(secrets.yml):key}</c>), never the value.
/// </summary>
internal static class SensitiveValues
{
    public static Node Mark(Node node, string expression, WorkBudget budget)
    {
        budget.Count(1);
        return node switch
        {
            MappingNode m => m with
            {
                Entries = [.. m.Entries.Select(e => e with { Value = Mark(e.Value, expression, budget) })],
                IsSensitive = true,
                Expression = expression,
            },
            SequenceNode s => s with
            {
                Items = [.. s.Items.Select(i => Mark(i, expression, budget))],
                IsSensitive = true,
                Expression = expression,
            },
            _ => node with { IsSensitive = true, Expression = node.Expression ?? expression },
        };
    }
}
