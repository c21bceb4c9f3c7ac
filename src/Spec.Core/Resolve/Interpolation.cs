using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// A string with variables inside longer text (<c>arn:aws:iam::${aws:accountId}:role/${self:service}</c>): the
/// text between the variables and the string form of each value; a deploy-time value among them makes the whole
/// string a deploy-time value with the text around it kept as literal parts.
/// </summary>
internal sealed class Interpolation
{
    private readonly StringBuilder _text = new();
    private List<DeployTimePart>? _parts;
    private bool _sensitive;
    private readonly List<VariableSite> _variables = [];
    private List<OpenPart>? _open;

    /// <summary>The length of the text since the last deploy-time value (the part that becomes one string).</summary>
    public int PendingLength => _text.Length;

    public void AppendText(string text, int start, int count) => _text.Append(text, start, count);

    public void AppendText(string? text) => _text.Append(text);

    /// <summary>
    /// Adds the value of the variable <paramref name="expression"/>, used at <paramref name="use"/>; false when it has
    /// no string form (a list, a mapping, null).
    /// </summary>
    public bool TryAppend(Node value, string expression, SourceSpan use)
    {
        _sensitive |= value.IsSensitive;
        _variables.Add(value.Origin is { } origin && !value.IsSensitive
            ? new VariableSite(expression, origin, IsDefinition: true)
            : new VariableSite(expression, use, IsDefinition: false));
        switch (value)
        {
            case DeployTimeNode d:
                _parts ??= [];
                if (_text.Length > 0)
                {
                    _parts.Add(new DeployTimeLiteral(_text.ToString()));
                    _text.Clear();
                }

                _parts.AddRange(d.Parts);
                return true;
            case ScalarNode s when s.Kind != ScalarKind.Null:
                foreach (var part in s.OpenParts)
                {
                    (_open ??= []).Add(part with { Start = _text.Length + part.Start });
                }

                _text.Append(JsString.Of(s));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The string, or the deploy-time value. It is sensitive when any value in it is; it has no single origin (the
    /// user edits it at <paramref name="span"/>, where it is assembled) and lists its variables.
    /// </summary>
    public Node ToNode(SourceSpan span, string expression)
    {
        Node result;
        if (_parts is not null)
        {
            if (_text.Length > 0)
            {
                _parts.Add(new DeployTimeLiteral(_text.ToString()));
            }

            result = new DeployTimeNode(span, DeployTimeReferences.Merge(_parts));
        }
        else
        {
            result = new ScalarNode(span, _text.ToString(), ScalarKind.String) { IsQuoted = true, OpenParts = _sensitive ? [] : _open ?? [] };
        }

        return result with
        {
            Expression = expression,
            IsSensitive = _sensitive,
            Variables = [.. _variables],
        };
    }
}
