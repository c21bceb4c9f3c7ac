using System.Globalization;
using System.Text;
using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// One resolution of one spec. Properties are resolved on demand and memoised by their path, so a
/// <c>${self:…}</c> reference resolves its target first, a cycle is seen as re-entering a path that is in progress,
/// and every property is resolved at most once however often it is referenced.
/// </summary>
internal sealed class ResolutionRun
{
    /// <summary>The Framework's limit on variables resolving to variables (<c>EXCESSIVE_…_NEST_DEPTH</c>).</summary>
    public const int MaxNestDepth = 10;

    /// <summary>Variables evaluated plus nodes copied; hostile input stops here instead of running for minutes.</summary>
    public const int MaxWork = 500_000;

    /// <summary>
    /// Properties being resolved at once (a chain of references plus the nesting of each value). Bounds the
    /// recursion so that a long chain of <c>${self:…}</c> cannot overflow the stack.
    /// </summary>
    public const int MaxActiveProperties = 500;

    /// <summary>Depth of the resolved tree; bounds every later recursive pass (print, bind).</summary>
    public const int MaxResolvedDepth = 512;

    private static readonly HashSet<string> KnownSources = new(StringComparer.Ordinal)
    {
        "self", "opt", "env", "file", "sls", "aws", "param", "strToBool", "ssm", "cf", "s3",
    };

    private readonly LoadResult _loaded;
    private readonly Node _raw;
    private readonly ResolveOptions _options;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _serviceDirectory;
    private readonly Dictionary<string, Entry> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node?> _files = new(StringComparer.Ordinal);
    private readonly LoadLimits _limits = LoadLimits.Default;
    private int _work;
    private bool _budgetReported;
    private int _active;

    public ResolutionRun(LoadResult loaded, ResolveOptions options, IReadOnlyDictionary<string, string> environment,
        DiagnosticBag diagnostics)
    {
        _loaded = loaded;
        _raw = loaded.Root ?? throw new ArgumentException("nothing to resolve", nameof(loaded));
        _options = options;
        _environment = environment;
        _diagnostics = diagnostics;
        _serviceDirectory = VariableResolver.ServiceDirectory(loaded);
    }

    public Node? ResolveRoot()
    {
        Node root;
        try
        {
            root = ResolveAt([], _raw, out _);
        }
        catch (ResolutionFailure f)
        {
            if (!f.IsSilent)
            {
                _diagnostics.Error(f.Id, f.Message, _raw.Span, f.Help);
            }

            return null;
        }

        var (size, depth) = Measure(root);
        if (size > _limits.MaxExpandedNodes || depth > MaxResolvedDepth)
        {
            _diagnostics.Error(DiagnosticIds.Variable,
                size > _limits.MaxExpandedNodes
                    ? $"the resolved configuration expands to more than {_limits.MaxExpandedNodes:N0} nodes through self references"
                    : $"the resolved configuration nests more than {MaxResolvedDepth} levels deep through self references",
                _raw.Span, "reference a value once instead of building it from repeated references");
            return null;
        }

        return root;
    }

    /// <summary>The resolved value at a dot path, or null when it is missing or cannot be resolved.</summary>
    public Node? TryLookup(IReadOnlyList<string> keys)
    {
        try
        {
            return Lookup(keys);
        }
        catch (ResolutionFailure)
        {
            return null;
        }
    }

    /// <summary><c>--stage</c>, else <c>provider.stage</c>, else <c>dev</c> (as <c>${sls:stage}</c>).</summary>
    public string EffectiveStage() =>
        _options.Stage ?? NonEmptyText(TryLookup(["provider", "stage"])) ?? "dev";

    /// <summary><c>--region</c>, else <c>provider.region</c>, else <c>us-east-1</c> (as <c>${aws:region}</c>).</summary>
    public string EffectiveRegion() =>
        _options.Region ?? NonEmptyText(TryLookup(["provider", "region"])) ?? "us-east-1";

    private static string? NonEmptyText(Node? node) =>
        node is ScalarNode { IsNull: false } s && ScalarText(s) is { Length: > 0 } t ? t : null;

    /// <summary>The tree's size with shared subtrees counted at every use, and its depth; without recursion.</summary>
    private static (long Size, int Depth) Measure(Node root)
    {
        var known = new Dictionary<Node, (long Size, int Depth)>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Node Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (known.ContainsKey(node))
            {
                continue;
            }

            var children = node switch
            {
                MappingNode m => m.Entries.Select(e => e.Value),
                SequenceNode q => q.Items,
                _ => [],
            };
            if (!expanded)
            {
                stack.Push((node, true));
                foreach (var child in children)
                {
                    if (!known.ContainsKey(child))
                    {
                        stack.Push((child, false));
                    }
                }

                if (stack.Count > 10_000_000)
                {
                    return (long.MaxValue, int.MaxValue);
                }

                continue;
            }

            long size = 1;
            var depth = 1;
            foreach (var child in children)
            {
                var (s, d) = known[child];
                size = Math.Min(long.MaxValue / 2, size + s);
                depth = Math.Max(depth, d + 1);
            }

            known[node] = (size, depth);
        }

        return known[root];
    }

    // ---- properties -------------------------------------------------------------------------------------------

    private static string Key(IReadOnlyList<string> path) => string.Join('\0', path);

    private static string Humanize(IReadOnlyList<string> path) => path.Count == 0 ? "(root)" : string.Join('.', path);

    private static bool MayHoldVariables(Node node) =>
        node is MappingNode or SequenceNode ||
        node is ScalarNode { Kind: ScalarKind.String } s && s.Text.Contains('$', StringComparison.Ordinal);

    /// <summary>
    /// The resolved value of the config property at <paramref name="path"/> whose raw node is
    /// <paramref name="raw"/>. Failures of a property are reported where they happen; the raw value stays.
    /// </summary>
    private Node ResolveAt(IReadOnlyList<string> path, Node raw, out bool failed)
    {
        failed = false;
        if (!MayHoldVariables(raw))
        {
            return raw;
        }

        var key = Key(path);
        if (_memo.TryGetValue(key, out var entry))
        {
            if (entry.InProgress)
            {
                throw new ResolutionFailure("circular") { CyclePath = Humanize(path) };
            }

            failed = entry.Failed;
            return entry.Value!;
        }

        if (_active >= MaxActiveProperties)
        {
            throw new ResolutionFailure(
                $"Cannot resolve variable at \"{Humanize(path)}\": references and nesting go more than {MaxActiveProperties} levels deep",
                help: "shorten the chain of ${self:…} references");
        }

        entry = new Entry { InProgress = true };
        _memo[key] = entry;
        _active++;
        try
        {
            Node value;
            var anyFailed = false;
            switch (raw)
            {
                case ScalarNode s:
                    value = ResolveProperty(path, s, out anyFailed);
                    break;
                case MappingNode m:
                    {
                        List<MappingEntry>? entries = null;
                        for (var i = 0; i < m.Entries.Count; i++)
                        {
                            var e = m.Entries[i];
                            var child = ResolveAt([.. path, e.Key.Text], e.Value, out var childFailed);
                            anyFailed |= childFailed;
                            if (!ReferenceEquals(child, e.Value))
                            {
                                entries ??= [.. m.Entries.Take(i)];
                            }

                            entries?.Add(ReferenceEquals(child, e.Value) ? e : e with { Value = child });
                        }

                        value = entries is null ? m : m with { Entries = entries };
                        break;
                    }

                default:
                    {
                        var seq = (SequenceNode)raw;
                        List<Node>? items = null;
                        for (var i = 0; i < seq.Items.Count; i++)
                        {
                            var item = seq.Items[i];
                            var child = ResolveAt([.. path, i.ToString(CultureInfo.InvariantCulture)], item,
                                out var childFailed);
                            anyFailed |= childFailed;
                            if (!ReferenceEquals(child, item))
                            {
                                items ??= [.. seq.Items.Take(i)];
                            }

                            items?.Add(child);
                        }

                        value = items is null ? seq : seq with { Items = items };
                        break;
                    }
            }

            entry.Value = value;
            entry.Failed = anyFailed;
            entry.InProgress = false;
            failed = anyFailed;
            return value;
        }
        catch
        {
            _memo.Remove(key);
            throw;
        }
        finally
        {
            _active--;
        }
    }

    private Node ResolveProperty(IReadOnlyList<string> path, ScalarNode scalar, out bool failed)
    {
        failed = false;
        Template? template;
        try
        {
            template = VariableParser.Parse(scalar.Text);
        }
        catch (VariableSyntaxException e)
        {
            failed = true;
            _diagnostics.Error(DiagnosticIds.Variable,
                $"Variable syntax error at \"{Humanize(path)}\": {e.Message}", LocateIndex(scalar, e.Index));
            return scalar;
        }

        if (template is null)
        {
            return scalar;
        }

        var use = new Use(path, scalar, template);
        try
        {
            var value = EvaluateTemplate(template, use, scalar.Span, 0);
            return value;
        }
        catch (ResolutionFailure f)
        {
            failed = true;
            if (!f.IsSilent)
            {
                Report(f, use);
            }

            return scalar;
        }
    }

    private void Report(ResolutionFailure failure, Use use)
    {
        var span = use.Current is { } v ? Locate(use.Scalar, use.Template, v) : use.Scalar.Span;
        var message = failure.CyclePath is { } cycle
            ? cycle == Humanize(use.Path)
                ? $"Circular reference. \"{cycle}\" refers to itself"
                : $"Circular reference among \"{Humanize(use.Path)}\" and \"{cycle}\" properties"
            : failure.Message;
        if (failure.CyclePath is not null && use.Current is { } cv)
        {
            message += $" (through {use.Template.Text[cv.Start..cv.End]})";
        }

        _diagnostics.Add(new Diagnostic(failure.Id, Severity.Error, message, span)
        {
            Help = failure.Help ?? (failure.CyclePath is not null
                ? "break the cycle: one of these values must not depend on the other"
                : null),
        });
    }

    // ---- lookups (${self:…} and the stage/region/params it needs) --------------------------------------------

    /// <summary>
    /// The resolved value at a dot path of the config (<c>self</c> semantics): every variable on the way and in
    /// the value found is resolved first. Null when something on the path is missing.
    /// </summary>
    private Node? Lookup(IReadOnlyList<string> keys)
    {
        Node? node = _raw;
        var path = new List<string>(keys.Count);
        var resolved = false;
        foreach (var key in keys)
        {
            if (!resolved && node is ScalarNode && MayHoldVariables(node))
            {
                node = Resolved(path, node);
                resolved = true;
            }

            node = Child(node, key);
            if (node is null)
            {
                return null;
            }

            path.Add(key);
        }

        if (!resolved)
        {
            node = Resolved(path, node!);
        }

        return node is ScalarNode { IsNull: true } ? null : node;
    }

    private Node Resolved(IReadOnlyList<string> path, Node raw)
    {
        var value = ResolveAt(path, raw, out var failed);
        return failed ? throw ResolutionFailure.Silent() : value;
    }

    private static Node? Child(Node? node, string key) => node switch
    {
        MappingNode m => m[key],
        SequenceNode s => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < s.Items.Count
            ? s.Items[i]
            : null,
        DeployTimeNode d => throw new ResolutionFailure(
            $"cannot read \"{key}\" inside {d.Display}: its value is only known at deploy time"),
        _ => null,
    };

    // ---- templates and variables ------------------------------------------------------------------------------

    private Node EvaluateTemplate(Template template, Use use, SourceSpan span, int depth)
    {
        if (template.IsWholeValue)
        {
            var v = template.Variables[0];
            if (ReferenceEquals(template, use.Template))
            {
                use.Current = v;
            }

            if (v.IsEscape)
            {
                return new ScalarNode(span, v.EscapedText!, ScalarKind.String) { IsQuoted = true };
            }

            return EvaluateVariable(template, v, use, span, depth);
        }

        var text = new StringBuilder();
        List<DeployTimePart>? parts = null;
        var sensitive = false;
        SourceSpan? origin = null;
        var references = 0;
        var last = 0;
        foreach (var v in template.Variables)
        {
            if (ReferenceEquals(template, use.Template))
            {
                use.Current = v;
            }

            text.Append(template.Text, last, v.Start - last);
            last = v.End;
            if (v.IsEscape)
            {
                text.Append(v.EscapedText);
                continue;
            }

            var value = EvaluateVariable(template, v, use, span, depth);
            references++;
            sensitive |= value.IsSensitive;
            origin = value.Origin;
            switch (value)
            {
                case DeployTimeNode d:
                    parts ??= [];
                    if (text.Length > 0)
                    {
                        parts.Add(new DeployTimeLiteral(text.ToString()));
                        text.Clear();
                    }

                    parts.AddRange(d.Parts);
                    break;
                case ScalarNode s when s.Kind != ScalarKind.Null:
                    text.Append(ScalarText(s));
                    break;
                default:
                    throw new ResolutionFailure(
                        $"Cannot resolve variable at \"{Humanize(use.Path)}\": String value consist of variable which resolve with non-string value ({template.Text[v.Start..v.End]} is {Describe(value)})",
                        help: "a variable inside a longer string must give a string or a number; use the variable as the whole value to keep a list or a mapping");
            }

            if (text.Length > _limits.MaxScalarLength)
            {
                throw new ResolutionFailure(
                    $"Cannot resolve variable at \"{Humanize(use.Path)}\": the resolved string is longer than {_limits.MaxScalarLength:N0} characters");
            }
        }

        text.Append(template.Text, last, template.Text.Length - last);
        Node result;
        if (parts is not null)
        {
            if (text.Length > 0)
            {
                parts.Add(new DeployTimeLiteral(text.ToString()));
            }

            result = new DeployTimeNode(span, Merge(parts));
        }
        else
        {
            result = new ScalarNode(span, text.ToString(), ScalarKind.String) { IsQuoted = true };
        }

        return result with
        {
            Expression = template.Text,
            IsSensitive = sensitive,
            Origin = references == 1 ? origin : null,
        };
    }

    private static List<DeployTimePart> Merge(List<DeployTimePart> parts)
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

    private static string Describe(Node node) => node switch
    {
        MappingNode => "a mapping",
        SequenceNode => "a list",
        ScalarNode { IsNull: true } => "null",
        _ => node.Display,
    };

    /// <summary>The first source (or fallback) that gives a value wins; a literal fallback always does.</summary>
    private Node EvaluateVariable(Template template, VariableSyntax variable, Use use, SourceSpan span, int depth)
    {
        Spend(1, use);
        var expression = template.Text[variable.Start..variable.End];
        string? lastType = null;
        foreach (var source in variable.Sources)
        {
            if (source.IsLiteral)
            {
                return LiteralNode(source.Value!, span) with { Expression = expression };
            }

            lastType = source.Type;
            var value = EvaluateSource(source, use, expression, span, depth);
            if (value is not null && value is not ScalarNode { IsNull: true })
            {
                return value;
            }
        }

        throw new ResolutionFailure(
            $"Cannot resolve variable at \"{Humanize(use.Path)}\": Value not found at \"{lastType}\" source ({expression})",
            help: lastType switch
            {
                "opt" => "pass the option on the command line or add a fallback: ${opt:name, 'default'}",
                "env" => "set the environment variable or add a fallback: ${env:NAME, 'default'}",
                "self" => "check the path, or add a fallback; self reads the config before defaults are applied (use ${sls:stage} and ${aws:region} for the stage and region)",
                "file" => "check the file path and the address inside the file, or add a fallback",
                "param" => "pass --param name=value, or set params.<stage>.name or params.default.name",
                _ => "add a fallback: ${source:address, 'default'}",
            });
    }

    private static ScalarNode LiteralNode(Literal literal, SourceSpan span) => literal.Kind switch
    {
        LiteralKind.String => new ScalarNode(span, literal.Text, ScalarKind.String) { IsQuoted = true },
        LiteralKind.Number => new ScalarNode(span, literal.Text,
            literal.Text.Contains('.', StringComparison.Ordinal) || literal.Text.Contains('e', StringComparison.Ordinal)
                || literal.Text.Contains("Infinity", StringComparison.Ordinal)
                ? ScalarKind.Float
                : ScalarKind.Int),
        LiteralKind.Bool => new ScalarNode(span, literal.Text, ScalarKind.Bool),
        _ => new ScalarNode(span, "null", ScalarKind.Null),
    };

    private Node? EvaluateSource(SourceSyntax source, Use use, string expression, SourceSpan span, int depth)
    {
        var type = source.Type!;
        if (!KnownSources.Contains(type))
        {
            throw new ResolutionFailure($"Unrecognized configuration variable sources: \"{type}\" ({expression})",
                help: type == "construct" || type == "output"
                    ? $"\"{type}\" comes from a plugin or the Serverless Dashboard, which Spec does not run"
                    : "the sources are self, opt, env, file, sls, aws, param, strToBool, ssm, cf and s3");
        }

        var parameters = source.Params?.Select(p => ParameterValue(p, use, span, depth)).ToList();
        var addressNode = source.Address is null ? null : ParameterValue(source.Address, use, span, depth);
        var address = addressNode is null ? null : AddressText(addressNode, type);

        switch (type)
        {
            case "self":
                {
                    var target = Lookup(string.IsNullOrEmpty(address) ? [] : address.Split('.'));
                    if (target is null)
                    {
                        return null;
                    }

                    var value = target with { Span = span, Origin = target.EditSpan, Expression = expression };
                    return value is ScalarNode ? Reresolve(value, use, depth) : value;
                }

            case "opt":
                if (address is null)
                {
                    return new MappingNode(span, [.. _options.Options.Select(o => new MappingEntry(
                        ScalarNode.String(span, o.Key), ScalarNode.String(span, o.Value)))]) { Expression = expression };
                }

                return _options.Options.TryGetValue(address, out var option)
                    ? Reresolve(ScalarNode.String(span, option) with { Expression = expression }, use, depth)
                    : null;
            case "env":
                if (string.IsNullOrEmpty(address))
                {
                    throw new ResolutionFailure("Missing address argument in variable \"env\" source");
                }

                return _environment.TryGetValue(address, out var env)
                    ? Reresolve(ScalarNode.String(span, env) with { Expression = expression, IsSensitive = true }, use, depth)
                    : null;
            case "file":
                return FileValue(parameters, address, use, expression, span, depth);
            case "sls":
                return address switch
                {
                    "stage" => ScalarNode.String(span, SlsStage()) with { Expression = expression },
                    "instanceId" => ScalarNode.String(span, InstanceId()) with { Expression = expression },
                    null or "" => throw new ResolutionFailure("Missing address argument in variable \"sls\" source"),
                    _ => throw new ResolutionFailure($"Unsupported \"{address}\" address argument in variable \"sls\" source"),
                };
            case "aws":
                return address switch
                {
                    "region" => ScalarNode.String(span,
                        _options.Region ?? NonEmptyText(Lookup(["provider", "region"])) ?? "us-east-1") with
                    {
                        Expression = expression,
                    },
                    "accountId" => DeployTime("aws", null, address, expression, span),
                    null or "" => throw new ResolutionFailure("Missing address argument in variable \"aws\" source"),
                    _ => throw new ResolutionFailure($"Unsupported \"{address}\" address argument in variable \"aws\" source"),
                };
            case "param":
                return ParamValue(address, span, expression, use, depth);
            case "strToBool":
                {
                    if (parameters is not { Count: > 0 } || parameters[0] is null or ScalarNode { IsNull: true })
                    {
                        throw new ResolutionFailure("Missing \"strToBool\" input");
                    }

                    var input = parameters[0] is ScalarNode s ? ScalarText(s).Trim().ToLowerInvariant() : null;
                    return input switch
                    {
                        "true" or "1" => new ScalarNode(span, "true", ScalarKind.Bool) { Expression = expression },
                        "false" or "0" => new ScalarNode(span, "false", ScalarKind.Bool) { Expression = expression },
                        _ => throw new ResolutionFailure(
                            $"Invalid \"strToBool\" input: Expected either \"true\", \"false\", \"0\", or \"1\" ({expression})"),
                    };
                }

            default:
                if (string.IsNullOrEmpty(address))
                {
                    throw new ResolutionFailure($"Missing address argument in variable \"{type}\" source");
                }

                return DeployTime(type, parameters, address, expression, span);
        }
    }

    private static DeployTimeNode DeployTime(string type, IReadOnlyList<Node?>? parameters, string address,
        string expression, SourceSpan span)
    {
        var texts = parameters?.Select(p => p is ScalarNode { IsNull: false } s ? ScalarText(s) : string.Empty).ToList()
            ?? [];
        var canonical = "${" + type + (parameters is null ? string.Empty : "(" + string.Join(", ", texts) + ")") + ":" +
            address + "}";
        return new DeployTimeNode(span, [new DeployTimeReference(type, texts, address, canonical)])
        {
            Expression = expression,
        };
    }

    private Node? ParameterValue(Parameter parameter, Use use, SourceSpan span, int depth) =>
        parameter.Value is { } literal
            ? literal.Kind == LiteralKind.Null ? null : LiteralNode(literal, span)
            : EvaluateTemplate(parameter.Template!, use, span, depth);

    private static string? AddressText(Node node, string type) => node switch
    {
        ScalarNode { IsNull: true } => null,
        ScalarNode s => ScalarText(s),
        DeployTimeNode d => throw new ResolutionFailure(
            $"the address of a \"{type}\" variable cannot depend on a deploy-time value ({d.Display})"),
        _ => throw new ResolutionFailure($"Non-string address argument in variable \"{type}\" source"),
    };

    /// <summary>
    /// A value a source gave may itself hold variables (an env value <c>${self:service}</c>, strings in a file):
    /// the Framework resolves them too, up to <see cref="MaxNestDepth"/> levels.
    /// </summary>
    private Node Reresolve(Node value, Use use, int depth)
    {
        switch (value)
        {
            case ScalarNode { Kind: ScalarKind.String } s when s.Text.Contains('$', StringComparison.Ordinal):
                {
                    Template? template;
                    try
                    {
                        template = VariableParser.Parse(s.Text);
                    }
                    catch (VariableSyntaxException)
                    {
                        throw new ResolutionFailure(
                            $"Cannot resolve variable at \"{Humanize(use.Path)}\": the value of {s.Expression ?? "a variable"} holds invalid variable syntax");
                    }

                    if (template is null)
                    {
                        return s;
                    }

                    if (depth + 1 >= MaxNestDepth)
                    {
                        throw new ResolutionFailure(
                            $"Cannot resolve variable at \"{Humanize(use.Path)}\": Excessive variables nest depth (more than {MaxNestDepth} levels of variables resolving to variables)");
                    }

                    var resolved = EvaluateTemplate(template, use, s.Span, depth + 1);
                    return resolved with
                    {
                        Expression = s.Expression ?? resolved.Expression,
                        IsSensitive = s.IsSensitive || resolved.IsSensitive,
                        Origin = s.Origin ?? resolved.Origin,
                    };
                }

            case MappingNode m:
                {
                    Spend(m.Entries.Count, use);
                    var entries = new List<MappingEntry>(m.Entries.Count);
                    foreach (var e in m.Entries)
                    {
                        entries.Add(e with { Value = ReresolveChild(e.Value, use, depth) });
                    }

                    return m with { Entries = entries };
                }

            case SequenceNode q:
                {
                    Spend(q.Items.Count, use);
                    return q with { Items = [.. q.Items.Select(i => ReresolveChild(i, use, depth))] };
                }

            default:
                return value;
        }
    }

    private Node ReresolveChild(Node child, Use use, int depth)
    {
        if (depth + 1 >= MaxNestDepth && MayHoldVariables(child) && child is not ScalarNode)
        {
            throw new ResolutionFailure(
                $"Cannot resolve variable at \"{Humanize(use.Path)}\": Excessive property variables nest depth");
        }

        return Reresolve(child, use, depth + 1);
    }

    private void Spend(int amount, Use use)
    {
        _work += amount;
        if (_work <= MaxWork)
        {
            return;
        }

        if (_budgetReported)
        {
            throw ResolutionFailure.Silent();
        }

        _budgetReported = true;
        throw new ResolutionFailure(
            $"variable resolution stopped at \"{Humanize(use.Path)}\": more than {MaxWork:N0} steps (exponential or runaway references?)",
            help: "simplify the references; every later variable is left unresolved");
    }

    // ---- sources ----------------------------------------------------------------------------------------------

    private string SlsStage() => _options.Stage ?? NonEmptyText(Lookup(["provider", "stage"])) ?? "dev";

    /// <summary>
    /// <c>${sls:instanceId}</c>: the Framework uses the start time of the process (13 digits). Spec must be
    /// deterministic, so it derives 13 digits from a hash of the config text and the stage: the same spec and
    /// stage always give the same id, and any change to the spec gives a new one (as a new deployment would).
    /// </summary>
    private string InstanceId()
    {
        var hash = 14695981039346656037UL;
        foreach (var c in _loaded.Source.Text + "\0" + SlsStage())
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (1_000_000_000_000UL + hash % 9_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
    }

    private Node? ParamValue(string? name, SourceSpan span, string expression, Use use, int depth)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ResolutionFailure("Missing address argument in variable \"param\" source");
        }

        for (var i = _options.Params.Count - 1; i >= 0; i--)
        {
            if (_options.Params[i].Key == name)
            {
                return Reresolve(ScalarNode.String(span, _options.Params[i].Value) with { Expression = expression }, use,
                    depth);
            }
        }

        var stage = SlsStage();
        var value = Lookup(["params", stage, name]) ?? Lookup(["params", "default", name]);
        return value is null ? null : value with { Span = span, Origin = value.EditSpan, Expression = expression };
    }

    private Node? FileValue(List<Node?>? parameters, string? address, Use use, string expression, SourceSpan span,
        int depth)
    {
        if (parameters is not { Count: > 0 } || parameters[0] is not ScalarNode { IsNull: false } pathNode)
        {
            throw new ResolutionFailure("Missing path argument in variable \"file\" source");
        }

        var relative = ScalarText(pathNode);
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(_serviceDirectory, relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ResolutionFailure($"{expression} names an invalid path");
        }

        if (!_options.AllowOutsideFiles && !IsInside(full, _serviceDirectory))
        {
            throw new ResolutionFailure(
                $"{expression} reads a file outside the service directory",
                help: "move the file into the service directory, or pass --allow-outside-files if you trust it");
        }

        var extension = Path.GetExtension(full);
        if (extension is ".js" or ".cjs")
        {
            if (!File.Exists(full))
            {
                return null;
            }

            throw new ResolutionFailure(
                $"{expression} is a JavaScript file: Spec does not execute JavaScript, so its value is unknown",
                DiagnosticIds.Unsupported,
                "replace it with a .yml or .json file holding the values, or pass them as options");
        }

        var content = LoadFile(full, extension, relative);
        if (content is null)
        {
            return null;
        }

        Node? result = content;
        if (!string.IsNullOrEmpty(address))
        {
            foreach (var key in address.Split('.'))
            {
                if (result is ScalarNode { Kind: ScalarKind.String } text && text.Text.Contains('$', StringComparison.Ordinal))
                {
                    result = Reresolve(Sensitive(text, expression), use, depth);
                }

                result = Child(result, key);
                if (result is null or ScalarNode { IsNull: true })
                {
                    return null;
                }
            }
        }

        var marked = Sensitive(result!, expression);
        return Reresolve(marked with { Span = span, Origin = result!.EditSpan }, use, depth);
    }

    private static bool IsInside(string full, string directory)
    {
        var dir = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return full.StartsWith(dir, StringComparison.Ordinal);
    }

    private Node? LoadFile(string full, string extension, string relative)
    {
        if (_files.TryGetValue(full, out var cached))
        {
            return cached;
        }

        Node? content;
        if (Directory.Exists(full))
        {
            throw new ResolutionFailure($"Cannot parse \"{relative}\": it is a directory");
        }

        if (!File.Exists(full))
        {
            content = null;
        }
        else if (extension is ".yml" or ".yaml" or ".json" or ".tfstate")
        {
            var bag = new DiagnosticBag();
            var loaded = new YamlLoader().LoadFile(full, bag);
            var error = bag.Items.FirstOrDefault(d => d.Severity == Severity.Error);
            if (error is not null)
            {
                throw new ResolutionFailure(
                    $"Cannot parse \"{relative}\": {error.Message} (at {Path.GetFileName(full)}:{error.Span?.Line}:{error.Span?.Column})");
            }

            content = loaded.Root;
        }
        else
        {
            string text;
            try
            {
                if (new FileInfo(full).Length > _limits.MaxFileBytes)
                {
                    throw new ResolutionFailure(
                        $"Cannot read \"{relative}\": larger than {_limits.MaxFileBytes / (1024 * 1024)} MB");
                }

                text = File.ReadAllText(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ResolutionFailure($"Cannot read \"{relative}\": {e.Message}");
            }

            content = new ScalarNode(SourceSpan.At(full, 1, 1), text, ScalarKind.String) { IsQuoted = true };
        }

        _files[full] = content;
        return content;
    }

    /// <summary>Marks a value from a file or the environment, all the way down, so no message echoes it.</summary>
    private Node Sensitive(Node node, string expression)
    {
        _work += 1;
        return node switch
        {
            MappingNode m => m with
            {
                Entries = [.. m.Entries.Select(e => e with { Value = Sensitive(e.Value, expression) })],
                IsSensitive = true,
                Expression = expression,
            },
            SequenceNode s => s with
            {
                Items = [.. s.Items.Select(i => Sensitive(i, expression))],
                IsSensitive = true,
                Expression = expression,
            },
            _ => node with { IsSensitive = true, Expression = node.Expression ?? expression },
        };
    }

    /// <summary>JavaScript <c>String(value)</c> of a scalar: numbers in their JavaScript spelling.</summary>
    internal static string ScalarText(ScalarNode s) => s.Kind switch
    {
        ScalarKind.Int or ScalarKind.Float when YamlNumber.TryParse(s.Text, out var d) => JsNumber.Format(d),
        ScalarKind.Bool => s.AsBool == true ? "true" : "false",
        ScalarKind.Null => "null",
        _ => s.Text,
    };

    // ---- locations --------------------------------------------------------------------------------------------

    private SourceSpan LocateIndex(ScalarNode scalar, int index)
    {
        if (!InMainFile(scalar) || scalar.Span.Start.Line != scalar.Span.End.Line || scalar.IsQuoted)
        {
            return scalar.Span;
        }

        var start = scalar.Span.Start;
        var at = new SourcePosition(start.Line, start.Column + index, start.Offset + index);
        return new SourceSpan(scalar.Span.File, at, at);
    }

    private bool InMainFile(ScalarNode scalar) =>
        string.Equals(scalar.Span.File, _loaded.Source.Path, StringComparison.Ordinal);

    /// <summary>Where the variable is written: found in the scalar's source text, so quoting and folding do not matter.</summary>
    private SourceSpan Locate(ScalarNode scalar, Template template, VariableSyntax variable)
    {
        if (!InMainFile(scalar))
        {
            return scalar.Span;
        }

        var text = _loaded.Source.Text;
        var from = Math.Clamp(scalar.Span.Start.Offset, 0, text.Length);
        var to = Math.Clamp(scalar.Span.End.Offset, from, text.Length);
        var needle = template.Text[variable.Start..variable.End];
        var occurrence = 0;
        for (var i = template.Text.IndexOf(needle, StringComparison.Ordinal);
             i >= 0 && i < variable.Start;
             i = template.Text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            occurrence++;
        }

        var found = -1;
        var search = from;
        for (var k = 0; k <= occurrence; k++)
        {
            found = text.IndexOf(needle, search, to - search, StringComparison.Ordinal);
            if (found < 0)
            {
                return scalar.Span;
            }

            search = found + needle.Length;
        }

        return new SourceSpan(scalar.Span.File, PositionAt(scalar.Span.Start, text, found),
            PositionAt(scalar.Span.Start, text, found + needle.Length));
    }

    private static SourcePosition PositionAt(SourcePosition start, string text, int offset)
    {
        var line = start.Line;
        var lineStart = start.Offset - (start.Column - 1);
        for (var i = start.Offset; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, offset - lineStart + 1, offset);
    }

    private sealed class Entry
    {
        public bool InProgress { get; set; }

        public Node? Value { get; set; }

        public bool Failed { get; set; }
    }

    /// <summary>The property being resolved, and which of its variables is being evaluated (for locations).</summary>
    private sealed class Use(IReadOnlyList<string> path, ScalarNode scalar, Template template)
    {
        public IReadOnlyList<string> Path { get; } = path;

        public ScalarNode Scalar { get; } = scalar;

        public Template Template { get; } = template;

        public VariableSyntax? Current { get; set; }
    }
}
