using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>
/// How a value of the model may appear in output meant for people (a message, a picture): as written, except that a
/// value from <c>${env:…}</c> or <c>${file(…)}</c> is shown as its expression, never its content, and a deploy-time
/// value (<c>${ssm:…}</c>, <c>${cf:…}</c>) as its expression.
/// </summary>
public static class ShownText
{
    public static string Of(Node? node, string text) =>
        node is not null && IsHidden(node) ? node.Expression ?? node.Display : text;

    public static string Of(Spanned<string?>? value, string fallback) =>
        value is null ? fallback : Of(value.Node, value.Value ?? fallback);

    /// <summary>True when the value must be shown by its expression (<see cref="Of(Node?, string)"/>).</summary>
    public static bool IsHidden(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.IsSensitive || node is DeployTimeNode;
    }
}
