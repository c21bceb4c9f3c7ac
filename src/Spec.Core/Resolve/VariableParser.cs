using System.Text;
using System.Text.Json;

namespace Spec.Core.Resolve;

/// <summary>
/// The Serverless Framework v3 variable parser (<c>lib/configuration/variables/parse.js</c>), ported state for
/// state so that what is a variable, an escape or foreign text (<c>${AWS::Region}</c>) is decided exactly as the
/// Framework decides it. Returns null when the text holds no variable.
/// </summary>
internal sealed class VariableParser
{
    private const string AlphaNumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-";

    private readonly string _value;
    private readonly Stack<Context> _contexts = new();
    private int _nonForeignContexts;
    private int _index;
    private State _state = State.Out;
    private State _stringContext;
    private List<Mutable>? _variables;
    private List<MutableSource>? _sources;
    private MutableSource? _currentSource;
    private int _contextStart;
    private List<Mutable>? _contextVariables;
    private int? _escapeVarStart;
    private int _variableStart;
    private int _sourceStart;
    private int _paramStart;
    private int _addressStart;

    private VariableParser(string value) => _value = value;

    private enum State
    {
        Out,
        EscapeVar,
        EscapeVarDollar,
        MaybeVariableOpen,
        MaybeTypeStart,
        MaybeNextSourceStart,
        MaybeType,
        TypeOrSourceLiteral,
        ParamStart,
        Param,
        AfterParamString,
        MaybeAddressOpen,
        MaybeAddressStart,
        Address,
        AfterAddressString,
        AfterSourceLiteralString,
        Foreign,
        EscapeString,
        DoubleQuotedString,
        SingleQuotedString,
    }

    /// <summary>Parses <paramref name="value"/>; throws <see cref="VariableSyntaxException"/> on bad syntax.</summary>
    public static Template? Parse(string value)
    {
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        var parser = new VariableParser(value);
        var variables = parser.Run();
        return variables is null || variables.Count == 0 ? null : new Template(value, variables);
    }

    private static bool IsType(string s)
    {
        if (s.Length == 0 || s[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private List<VariableSyntax>? Run()
    {
        for (_index = 0; _index < _value.Length; ++_index)
        {
            var c = _value[_index];
            Step(c);
        }

        if (_currentSource is not null || _sources is not null)
        {
            throw new VariableSyntaxException($"Missing variable closing bracket in {_value}", _variableStart);
        }

        return _variables?.Select(v => v.Freeze()).ToList();
    }

    // counted as contexts are pushed and popped: asking the stack each time made deeply nested `${` quadratic
    private bool InNonForeignContext() => _nonForeignContexts > 0;

    private void Step(char c)
    {
        switch (_state)
        {
            case State.Out:
                if (c == '\\')
                {
                    _escapeVarStart ??= _index;
                    _state = State.EscapeVar;
                }
                else if (c == '$')
                {
                    _variableStart = _index;
                    _state = State.MaybeVariableOpen;
                }
                else
                {
                    _escapeVarStart = null;
                }

                break;
            case State.EscapeVar:
                if (c == '$')
                {
                    _state = State.EscapeVarDollar;
                }
                else
                {
                    if (c != '\\')
                    {
                        _escapeVarStart = null;
                    }

                    _state = State.Out;
                }

                break;
            case State.EscapeVarDollar:
                if (c == '{')
                {
                    RegisterVarEscape();
                    _state = State.Out;
                }
                else
                {
                    _escapeVarStart = null;
                    if (c == '\\')
                    {
                        _escapeVarStart = _index;
                        _state = State.EscapeVar;
                    }
                    else if (c == '$')
                    {
                        _variableStart = _index;
                        _state = State.MaybeVariableOpen;
                    }
                    else
                    {
                        _state = State.Out;
                    }
                }

                break;
            case State.MaybeVariableOpen:
                if (c == '{')
                {
                    if (_escapeVarStart is not null)
                    {
                        RegisterSlashEscape();
                    }

                    _state = State.MaybeTypeStart;
                }
                else
                {
                    _escapeVarStart = null;
                    if (c != '$')
                    {
                        ReleaseContext();
                    }
                }

                break;
            case State.MaybeTypeStart:
                if (c is >= 'a' and <= 'z')
                {
                    _sourceStart = _index;
                    _state = State.MaybeType;
                }
                else if (InNonForeignContext())
                {
                    throw new VariableSyntaxException($"Invalid variable type at index {_index} in \"{_value}\"", _index);
                }
                else if (c == '}')
                {
                    ReleaseContext();
                }
                else
                {
                    _state = State.Foreign;
                    if (c == '$')
                    {
                        RegisterContext();
                    }
                }

                break;
            case State.MaybeNextSourceStart:
                if (c == ' ')
                {
                    return;
                }

                _sourceStart = _index;
                if (AlphaNumeric.Contains(c, StringComparison.Ordinal))
                {
                    _state = State.TypeOrSourceLiteral;
                }
                else if (c == '"')
                {
                    _stringContext = State.AfterSourceLiteralString;
                    _state = State.DoubleQuotedString;
                }
                else if (c == '\'')
                {
                    _stringContext = State.AfterSourceLiteralString;
                    _state = State.SingleQuotedString;
                }
                else
                {
                    throw new VariableSyntaxException($"Invalid variable source at index {_index} in \"{_value}\"", _index);
                }

                break;
            case State.MaybeType:
                if (c == ':')
                {
                    _currentSource = new MutableSource { Type = _value[_sourceStart.._index] };
                    _state = State.MaybeAddressStart;
                }
                else if (c == '(')
                {
                    _currentSource = new MutableSource { Type = _value[_sourceStart.._index], Params = [] };
                    _state = State.ParamStart;
                }
                else if (!AlphaNumeric.Contains(c, StringComparison.Ordinal))
                {
                    if (InNonForeignContext())
                    {
                        throw new VariableSyntaxException(
                            $"Invalid variable type at index {_sourceStart} in \"{_value}\"", _sourceStart);
                    }

                    if (c == '}')
                    {
                        ReleaseContext();
                    }
                    else
                    {
                        _state = State.Foreign;
                        if (c == '$')
                        {
                            RegisterContext();
                        }
                    }
                }

                break;
            case State.TypeOrSourceLiteral:
                if (c == ' ')
                {
                    return;
                }

                if (c is ':' or '(')
                {
                    var type = _value[_sourceStart.._index];
                    if (!IsType(type))
                    {
                        throw new VariableSyntaxException(
                            $"Invalid variable source at index {_sourceStart} in \"{_value}\"", _sourceStart);
                    }

                    _currentSource = new MutableSource { Type = type, Params = c == '(' ? [] : null };
                    _state = c == '(' ? State.ParamStart : State.MaybeAddressStart;
                }
                else if (c == '}')
                {
                    var text = _value[_sourceStart.._index].Trim();
                    _currentSource = new MutableSource
                    {
                        Value = Literal.Parse(text, false) ?? throw new VariableSyntaxException(
                            $"Invalid literal source \"{text}\" at index {_sourceStart} in \"{_value}\"", _sourceStart),
                    };
                    FinalizeVariable();
                }
                else if (!AlphaNumeric.Contains(c, StringComparison.Ordinal))
                {
                    throw new VariableSyntaxException(
                        $"Invalid variable source at index {_sourceStart} in \"{_value}\"", _sourceStart);
                }

                break;
            case State.ParamStart:
                if (c == ' ')
                {
                    return;
                }

                if (c == ')')
                {
                    _state = State.MaybeAddressOpen;
                }
                else if (c == ',')
                {
                    _currentSource!.Params!.Add(Parameter.Of(Literal.Null));
                }
                else if (c == '}')
                {
                    throw new VariableSyntaxException($"Invalid variable param at index {_index} in \"{_value}\"", _index);
                }
                else
                {
                    _paramStart = _index;
                    if (c == '"')
                    {
                        _stringContext = State.AfterParamString;
                        _state = State.DoubleQuotedString;
                    }
                    else if (c == '\'')
                    {
                        _stringContext = State.AfterParamString;
                        _state = State.SingleQuotedString;
                    }
                    else
                    {
                        _state = State.Param;
                        _contextVariables = null;
                        if (c == '$')
                        {
                            RegisterContext(_paramStart);
                        }
                    }
                }

                break;
            case State.Param:
                if (c is ')' or ',')
                {
                    var text = _value[_paramStart.._index].Trim();
                    if (c == ',' || text.Length > 0)
                    {
                        _currentSource!.Params!.Add(Meta(text, _contextVariables, literalFallback: true));
                    }

                    _state = c == ')' ? State.MaybeAddressOpen : State.ParamStart;
                }
                else if (c == '}')
                {
                    throw new VariableSyntaxException(
                        $"Invalid variable param at index {_paramStart} in \"{_value}\"", _paramStart);
                }
                else if (c == '$')
                {
                    RegisterContext(_paramStart);
                }

                break;
            case State.AfterParamString:
                if (c == ' ')
                {
                    return;
                }

                if (c is ')' or ',')
                {
                    _currentSource!.Params!.Add(Parameter.Of(Literal.String(ParseString(_paramStart))));
                    _state = c == ')' ? State.MaybeAddressOpen : State.ParamStart;
                }
                else
                {
                    throw new VariableSyntaxException(
                        $"Invalid variable param at index {_paramStart} in \"{_value}\"", _paramStart);
                }

                break;
            case State.MaybeAddressOpen:
                if (c == ' ')
                {
                    return;
                }

                if (c == ':')
                {
                    _state = State.MaybeAddressStart;
                }
                else if (c == '}')
                {
                    FinalizeVariable();
                }
                else if (c == ',')
                {
                    FinalizeSource();
                }
                else
                {
                    throw new VariableSyntaxException(
                        $"Invalid variable address at index {_index} in \"{_value}\"", _index);
                }

                break;
            case State.MaybeAddressStart:
                if (c == ' ')
                {
                    return;
                }

                if (c == '}')
                {
                    FinalizeVariable();
                }
                else if (c == ',')
                {
                    FinalizeSource();
                }
                else
                {
                    _addressStart = _index;
                    if (c == ':')
                    {
                        if (_currentSource!.Params is null && !InNonForeignContext())
                        {
                            _currentSource = null;
                            _state = State.Foreign;
                        }
                        else
                        {
                            throw new VariableSyntaxException(
                                $"Invalid variable address at index {_addressStart} in \"{_value}\"", _addressStart);
                        }
                    }
                    else if (c == '"')
                    {
                        _stringContext = State.AfterAddressString;
                        _state = State.DoubleQuotedString;
                    }
                    else if (c == '\'')
                    {
                        _stringContext = State.AfterAddressString;
                        _state = State.SingleQuotedString;
                    }
                    else
                    {
                        _state = State.Address;
                        _contextVariables = null;
                        if (c == '$')
                        {
                            RegisterContext(_addressStart);
                        }
                    }
                }

                break;
            case State.Address:
                if (c is '}' or ',')
                {
                    _currentSource!.Address = Meta(_value[_addressStart.._index].Trim(), _contextVariables, false);
                    if (c == '}')
                    {
                        FinalizeVariable();
                    }
                    else
                    {
                        FinalizeSource();
                    }
                }
                else if (c == '$')
                {
                    RegisterContext(_addressStart);
                }

                break;
            case State.AfterAddressString:
                if (c == ' ')
                {
                    return;
                }

                if (c is '}' or ',')
                {
                    _currentSource!.Address = Parameter.Of(Literal.String(ParseString(_addressStart)));
                    if (c == '}')
                    {
                        FinalizeVariable();
                    }
                    else
                    {
                        FinalizeSource();
                    }
                }
                else
                {
                    throw new VariableSyntaxException(
                        $"Invalid variable address at index {_addressStart} in \"{_value}\"", _addressStart);
                }

                break;
            case State.AfterSourceLiteralString:
                if (c == ' ')
                {
                    return;
                }

                if (c == '}')
                {
                    _currentSource = new MutableSource { Value = Literal.String(ParseString(_sourceStart)) };
                    FinalizeVariable();
                }
                else
                {
                    throw new VariableSyntaxException(
                        $"Invalid variable source at index {_sourceStart} in \"{_value}\"", _sourceStart);
                }

                break;
            case State.Foreign:
                if (c == '}')
                {
                    ReleaseContext();
                }
                else if (c == '$')
                {
                    RegisterContext();
                }

                break;
            case State.EscapeString:
                _state = State.DoubleQuotedString;
                break;
            case State.DoubleQuotedString:
                if (c == '"')
                {
                    _state = _stringContext;
                }
                else if (c == '\\')
                {
                    _state = State.EscapeString;
                }

                break;
            case State.SingleQuotedString:
                if (c == '\'')
                {
                    _state = _stringContext;
                }

                break;
        }
    }

    private static Parameter Meta(string text, List<Mutable>? variables, bool literalFallback)
    {
        if (variables is { Count: > 0 })
        {
            return new Parameter(null, new Template(text, [.. variables.Select(v => v.Freeze())]));
        }

        if (literalFallback)
        {
            // The Framework keeps `value || null`: an empty, 0 or false parameter becomes null.
            var literal = Literal.Parse(text, true)!;
            return Parameter.Of(literal.Text is "" or "0" or "false" && literal.Kind != LiteralKind.Null ? Literal.Null : literal);
        }

        return literalFallback
            ? Parameter.Of(Literal.Parse(text, true)!)
            : Parameter.Of(text.Length == 0 ? Literal.Null : Literal.String(text));
    }

    private string ParseString(int start)
    {
        if (_value[start] == '\'')
        {
            var s = _value[start.._index].Trim();
            return s.Length >= 2 ? s[1..^1] : string.Empty;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(_value[start.._index]));
            if (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString() ?? string.Empty;
                if (!reader.Read())
                {
                    return text;
                }
            }

            throw new VariableSyntaxException($"Invalid string literal at index {start} in \"{_value}\"", start);
        }
        catch (JsonException e)
        {
            throw new VariableSyntaxException(
                $"Invalid string literal at index {start} in \"{_value}\": {e.Message}", start);
        }
    }

    private void FinalizeSource()
    {
        (_sources ??= []).Add(_currentSource!);
        _currentSource = null;
        _state = State.MaybeNextSourceStart;
    }

    private void FinalizeVariable()
    {
        FinalizeSource();
        (_variables ??= []).Add(new Mutable
        {
            Start = _variableStart - _contextStart,
            End = _index + 1 - _contextStart,
            Sources = _sources,
        });
        _sources = null;
        ReleaseContext();
    }

    private void RegisterVarEscape()
    {
        var start = _escapeVarStart!.Value;
        (_variables ??= []).Add(new Mutable
        {
            Start = start - _contextStart,
            End = _index - _contextStart,
            Escape = new string('\\', (int)Math.Ceiling((_index - 1 - start - 1) / 2.0)) + _value[_index - 1],
        });
        _escapeVarStart = null;
    }

    private void RegisterSlashEscape()
    {
        var start = _escapeVarStart!.Value;
        (_variables ??= []).Add(new Mutable
        {
            Start = start - _contextStart,
            End = _index - 1 - _contextStart,
            Escape = new string('\\', (int)Math.Ceiling((_index - 1 - start - 1) / 2.0)),
        });
        _escapeVarStart = null;
    }

    private void RegisterContext() => RegisterContext(_contextStart);

    private void RegisterContext(int newContextStart)
    {
        _variables ??= [];
        if (newContextStart != 0 && _contextVariables is null)
        {
            _contextVariables = [];
        }

        _contexts.Push(new Context(_state, _variableStart, _contextStart, _variables, _contextVariables,
            _currentSource, _sources));
        _nonForeignContexts += _state != State.Foreign ? 1 : 0;
        _state = State.MaybeVariableOpen;
        _variableStart = _index;
        _sources = null;
        if (newContextStart != 0)
        {
            _contextStart = newContextStart;
            _variables = _contextVariables;
        }
    }

    private void ReleaseContext()
    {
        if (!_contexts.TryPop(out var context))
        {
            _state = State.Out;
            return;
        }

        _nonForeignContexts -= context.State != State.Foreign ? 1 : 0;

        _state = context.State;
        _variableStart = context.VariableStart;
        _variables = context.Variables;
        _contextVariables = context.ContextVariables;
        _currentSource = context.CurrentSource;
        _sources = context.Sources;
        if (_state == State.Param)
        {
            _paramStart = _contextStart;
        }

        if (_state == State.Address)
        {
            _addressStart = _contextStart;
        }

        _contextStart = context.ContextStart;
    }

    private sealed record Context(
        State State,
        int VariableStart,
        int ContextStart,
        List<Mutable>? Variables,
        List<Mutable>? ContextVariables,
        MutableSource? CurrentSource,
        List<MutableSource>? Sources);

    private sealed class Mutable
    {
        public int Start { get; init; }

        public int End { get; init; }

        public List<MutableSource>? Sources { get; init; }

        public string? Escape { get; init; }

        public VariableSyntax Freeze() =>
            new(Start, End, Sources?.Select(s => s.Freeze()).ToList() ?? [], Escape);
    }

    private sealed class MutableSource
    {
        public string? Type { get; init; }

        public List<Parameter>? Params { get; init; }

        public Parameter? Address { get; set; }

        public Literal? Value { get; init; }

        public SourceSyntax Freeze() => new(Type, Params, Address, Value);
    }

    internal static string Describe(Template template)
    {
        var sb = new StringBuilder();
        foreach (var v in template.Variables)
        {
            sb.Append(template.Text, v.Start, v.End - v.Start).Append(' ');
        }

        return sb.ToString().TrimEnd();
    }
}
