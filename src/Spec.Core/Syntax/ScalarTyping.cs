namespace Spec.Core.Syntax;

/// <summary>The type js-yaml's default schema gives a plain scalar (so <c>yes</c> stays a string and <c>012</c> is 12).</summary>
public static class ScalarTyping
{
    public static ScalarKind KindOf(string plain) => CoreSchema.KindOf(plain);
}
