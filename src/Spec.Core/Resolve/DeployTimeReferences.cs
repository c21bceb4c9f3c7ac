using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// Values only AWS can give (<c>${ssm:…}</c>, <c>${cf:…}</c>, <c>${s3:…}</c>, <c>${aws:accountId}</c>) are kept as
/// references a backend can express at deploy time, alone or inside a longer string.
/// </summary>
internal static class DeployTimeReferences
{
    /// <summary>One reference, with its canonical spelling <c>${type(params):address}</c>.</summary>
    public static DeployTimeNode Create(string type, IReadOnlyList<Node?>? parameters, string address,
        string expression, SourceSpan span)
    {
        var texts = parameters?.Select(p => p is ScalarNode { IsNull: false } s ? JsString.Of(s) : string.Empty).ToList()
            ?? [];
        var canonical = "${" + type + (parameters is null ? string.Empty : "(" + string.Join(", ", texts) + ")") + ":" +
            address + "}";
        return new DeployTimeNode(span, [new DeployTimeReference(type, texts, address, canonical)])
        {
            Expression = expression,
        };
    }

    /// <summary>The parts of a string with references in it, adjacent literal text joined.</summary>
    public static List<DeployTimePart> Merge(List<DeployTimePart> parts)
    {
        var merged = new List<DeployTimePart>(parts.Count);
        foreach (var p in parts)
        {
            if (p is DeployTimeLiteral l && merged.Count > 0 && merged[^1] is DeployTimeLiteral prev)
            {
                merged[^1] = new DeployTimeLiteral(prev.Text + l.Text);
            }
            else
            {
                merged.Add(p);
            }
        }

        return merged;
    }
}
