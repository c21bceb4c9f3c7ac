using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve.Sources;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// One resolution of one spec. Properties are resolved on demand and memoised by their path (<see cref="PropertyMemo"/>),
/// so a <c>${self:…}</c> reference resolves its target first, a cycle is seen as re-entering a path that is in
/// progress, and every property is resolved at most once however often it is referenced. Each variable's value comes
/// from the first of its sources (<see cref="VariableSources"/>) or fallbacks that gives one.
/// </summary>
internal sealed class ResolutionRun : IResolutionContext
{
    private readonly LoadResult _loaded;
    private readonly Node _raw;
    private readonly DiagnosticBag _diagnostics;
    private readonly VariableSources _sources = VariableSources.Default;
    private readonly PropertyMemo _memo = new();

    /// <summary>Properties whose whole value is a mapping or list a source gave (<c>custom: ${file(x.yml):custom}</c>),
    /// by path: their raw content, which lookups below them walk while the property is still being resolved.</summary>
    private readonly Dictionary<string, Node> _expanded = new(StringComparer.Ordinal);
    private readonly VariableLocator _locator;
    private readonly LoadLimits _limits = LoadLimits.Default;

    public ResolutionRun(LoadResult loaded, ResolveOptions options, IReadOnlyDictionary<string, string> environment,
        DiagnosticBag diagnostics)
    {
        _loaded = loaded;
        _raw = loaded.Root ?? throw new ArgumentException("nothing to resolve", nameof(loaded));
        Options = options;
        Environment = environment;
        _diagnostics = diagnostics;
        _locator = new VariableLocator(loaded.Source);
        Files = new ServiceFiles(VariableResolver.ServiceDirectory(loaded), options.AllowOutsideFiles, _limits);
    }

    public ResolveOptions Options { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public string ConfigText => _loaded.Source.Text;

    public ServiceFiles Files { get; }

    public WorkBudget Budget { get; } = new();

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

        var (size, depth) = ResolvedTreeSize.Measure(root);
        if (size > _limits.MaxExpandedNodes || depth > ResolutionLimits.MaxResolvedDepth)
        {
            _diagnostics.Error(DiagnosticIds.Variable,
                size > _limits.MaxExpandedNodes
                    ? $"the resolved configuration expands to more than {_limits.MaxExpandedNodes:N0} nodes through self references"
                    : $"the resolved configuration nests more than {ResolutionLimits.MaxResolvedDepth} levels deep through self references",
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
        Options.Stage ?? ConfigTree.NonEmptyText(TryLookup(["provider", "stage"])) ?? Model.Defaults.Stage;

    /// <summary><c>--region</c>, else <c>provider.region</c>, else <c>us-east-1</c> (as <c>${aws:region}</c>).</summary>
    public string EffectiveRegion() =>
        Options.Region ?? ConfigTree.NonEmptyText(TryLookup(["provider", "region"])) ?? Model.Defaults.Region;

    /// <inheritdoc/>
    /// <remarks>Unlike <see cref="EffectiveStage"/>, a <c>provider.stage</c> that fails to resolve fails the variable.</remarks>
    public string Stage() => Options.Stage ?? ConfigTree.NonEmptyText(Lookup(["provider", "stage"])) ?? Model.Defaults.Stage;

    // ---- properties -------------------------------------------------------------------------------------------

    /// <summary>
    /// The resolved value of the config property at <paramref name="path"/> whose raw node is
    /// <paramref name="raw"/>. Failures of a property are reported where they happen; the raw value stays.
    /// </summary>
    private Node ResolveAt(IReadOnlyList<string> path, Node raw, out bool failed)
    {
        failed = false;
        if (!ConfigTree.MayHoldVariables(raw))
        {
            return raw;
        }

        var key = PropertyPath.Key(path);
        if (_memo.TryGet(key, path, out var known, out failed))
        {
            return known;
        }

        var entry = _memo.Enter(key, path);
        try
        {
            var anyFailed = false;
            var value = raw switch
            {
                ScalarNode s => ResolveProperty(path, s, out anyFailed),
                MappingNode m => ResolveEntries(path, m, ref anyFailed),
                _ => ResolveItems(path, (SequenceNode)raw, ref anyFailed),
            };

            entry.Complete(value, anyFailed);
            failed = anyFailed;
            return value;
        }
        catch
        {
            _memo.Abandon(key);
            throw;
        }
        finally
        {
            _memo.Leave();
        }
    }

    /// <summary>The mapping with each value resolved; the same mapping when nothing in it changed.</summary>
    private MappingNode ResolveEntries(IReadOnlyList<string> path, MappingNode m, ref bool anyFailed)
    {
        List<MappingEntry>? entries = null;
        for (var i = 0; i < m.Entries.Count; i++)
        {
            var e = m.Entries[i];
            // A value without variables resolves to itself: no path, no memo entry.
            var childFailed = false;
            var child = ConfigTree.HoldsVariables(e.Value)
                ? ResolveAt(PropertyPath.Child(path, e.Key.Text), e.Value, out childFailed)
                : e.Value;
            anyFailed |= childFailed;
            if (!ReferenceEquals(child, e.Value))
            {
                entries ??= [.. m.Entries.Take(i)];
            }

            entries?.Add(ReferenceEquals(child, e.Value) ? e : e with { Value = child });
        }

        return entries is null ? m : m with { Entries = entries };
    }

    /// <summary>The list with each item resolved; the same list when nothing in it changed.</summary>
    private SequenceNode ResolveItems(IReadOnlyList<string> path, SequenceNode seq, ref bool anyFailed)
    {
        List<Node>? items = null;
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            var childFailed = false;
            var child = ConfigTree.HoldsVariables(item)
                ? ResolveAt(PropertyPath.Child(path, i.ToString(CultureInfo.InvariantCulture)), item, out childFailed)
                : item;
            anyFailed |= childFailed;
            if (!ReferenceEquals(child, item))
            {
                items ??= [.. seq.Items.Take(i)];
            }

            items?.Add(child);
        }

        return items is null ? seq : seq with { Items = items };
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
                $"Variable syntax error at \"{PropertyPath.Humanize(path)}\": {e.Message}", _locator.AtIndex(scalar, e.Index));
            return scalar;
        }

        if (template is null)
        {
            return scalar;
        }

        var use = new PropertyUse(path, scalar, template);
        try
        {
            var value = EvaluateTemplate(template, use, scalar.Span, 0);
            if (use.Deferred is { } deferred && ReferenceEquals(value, deferred))
            {
                return Expand(path, deferred, out failed);
            }

            // A value from another file keeps what marks it (sensitive, the expression that gave it) once resolved.
            return scalar.IsSensitive || scalar.Expression is not null
                ? value with
                {
                    Expression = scalar.Expression ?? value.Expression,
                    IsSensitive = scalar.IsSensitive || value.IsSensitive,
                    Origin = scalar.Origin ?? value.Origin,
                }
                : value;
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

    /// <summary>
    /// The Framework places a mapping or list a variable gave into the configuration first and then resolves the
    /// variables inside it as properties of their own: <c>${self:custom.stage}</c> in a file included as <c>custom</c>
    /// reads the included <c>stage</c>, it is not a cycle through <c>custom</c>.
    /// </summary>
    private Node Expand(IReadOnlyList<string> path, Node content, out bool failed)
    {
        _expanded[PropertyPath.Key(path)] = content;
        var anyFailed = false;
        var value = content switch
        {
            MappingNode m => ResolveEntries(path, m, ref anyFailed),
            SequenceNode q => ResolveItems(path, q, ref anyFailed),
            _ => content,
        };
        failed = anyFailed;
        return value;
    }

    private void Report(ResolutionFailure failure, PropertyUse use)
    {
        var span = use.Current is { } v ? _locator.Of(use.Scalar, use.Template, v) : use.Scalar.Span;
        var message = failure.CyclePath is { } cycle
            ? cycle == PropertyPath.Humanize(use.Path)
                ? $"Circular reference. \"{cycle}\" refers to itself"
                : $"Circular reference among \"{PropertyPath.Humanize(use.Path)}\" and \"{cycle}\" properties"
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

    public Node? Lookup(IReadOnlyList<string> keys)
    {
        Node? node = _raw;
        var path = new List<string>(keys.Count);
        var resolved = false;
        foreach (var key in keys)
        {
            if (!resolved && node is ScalarNode && ConfigTree.MayHoldVariables(node))
            {
                if (_expanded.TryGetValue(PropertyPath.Key(path), out var content))
                {
                    node = content;
                }
                else
                {
                    node = Resolved(path, node);
                    resolved = true;
                }
            }

            node = ConfigTree.Child(node, key);
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

    // ---- templates and variables ------------------------------------------------------------------------------

    private Node EvaluateTemplate(Template template, PropertyUse use, SourceSpan span, int depth)
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

        var text = new Interpolation();
        var last = 0;
        foreach (var v in template.Variables)
        {
            if (ReferenceEquals(template, use.Template))
            {
                use.Current = v;
            }

            text.AppendText(template.Text, last, v.Start - last);
            last = v.End;
            if (v.IsEscape)
            {
                text.AppendText(v.EscapedText);
                continue;
            }

            var value = EvaluateVariable(template, v, use, span, depth);
            var at = ReferenceEquals(template, use.Template) ? _locator.Of(use.Scalar, template, v) : span;
            if (!text.TryAppend(value, template.Text[v.Start..v.End], at))
            {
                throw new ResolutionFailure(
                    $"Cannot resolve variable at \"{PropertyPath.Humanize(use.Path)}\": String value consist of variable which resolve with non-string value ({template.Text[v.Start..v.End]} is {Describe(value)})",
                    help: "a variable inside a longer string must give a string or a number; use the variable as the whole value to keep a list or a mapping");
            }

            if (text.PendingLength > _limits.MaxScalarLength)
            {
                throw new ResolutionFailure(
                    $"Cannot resolve variable at \"{PropertyPath.Humanize(use.Path)}\": the resolved string is longer than {_limits.MaxScalarLength:N0} characters");
            }
        }

        text.AppendText(template.Text, last, template.Text.Length - last);
        return text.ToNode(span, template.Text);
    }

    private static string Describe(Node node) => node switch
    {
        MappingNode => "a mapping",
        SequenceNode => "a list",
        ScalarNode { IsNull: true } => "null",
        _ => node.Display,
    };

    /// <summary>The first source (or fallback) that gives a value wins; a literal fallback always does.</summary>
    private Node EvaluateVariable(Template template, VariableSyntax variable, PropertyUse use, SourceSpan span, int depth)
    {
        Budget.Spend(1, use.Path);
        var expression = template.Text[variable.Start..variable.End];
        IVariableSource? last = null;
        var open = OpenValues.Of(variable);
        foreach (var syntax in variable.Sources)
        {
            if (syntax.IsLiteral)
            {
                return OpenValues.Mark(LiteralNodes.Of(syntax.Value!, span) with { Expression = expression }, open);
            }

            last = Source(syntax.Type!, expression);
            var value = last.Resolve(Request(syntax, use, expression, span, depth));
            if (value is not null && value is not ScalarNode { IsNull: true })
            {
                return OpenValues.Mark(value, open);
            }
        }

        throw new ResolutionFailure(
            $"Cannot resolve variable at \"{PropertyPath.Humanize(use.Path)}\": Value not found at \"{last?.Name}\" source ({expression})",
            help: last?.NotFoundHelp ?? "add a fallback: ${source:address, 'default'}");
    }

    private IVariableSource Source(string type, string expression) =>
        _sources.Find(type) ?? throw new ResolutionFailure(
            $"Unrecognized configuration variable sources: \"{type}\" ({expression})",
            help: type == "construct" || type == "output"
                ? $"\"{type}\" comes from a plugin or the Serverless Dashboard, which Spec does not run"
                : $"the sources are {_sources.NameList}");

    /// <summary>The source's parameters and address resolved (they may hold variables themselves).</summary>
    private VariableRequest Request(SourceSyntax syntax, PropertyUse use, string expression, SourceSpan span, int depth)
    {
        var parameters = syntax.Params?.Select(p => ParameterValue(p, use, span, depth)).ToList();
        var addressNode = syntax.Address is null ? null : ParameterValue(syntax.Address, use, span, depth);
        return new VariableRequest(this, use, depth)
        {
            Parameters = parameters,
            Address = addressNode is null ? null : AddressText(addressNode, syntax.Type!),
            Expression = expression,
            Span = span,
        };
    }

    private Node? ParameterValue(Parameter parameter, PropertyUse use, SourceSpan span, int depth)
    {
        if (parameter.Value is { } literal)
        {
            return literal.Kind == LiteralKind.Null ? null : LiteralNodes.Of(literal, span);
        }

        use.ParameterDepth++;
        try
        {
            return EvaluateTemplate(parameter.Template!, use, span, depth);
        }
        finally
        {
            use.ParameterDepth--;
        }
    }

    private static string? AddressText(Node node, string type) => node switch
    {
        ScalarNode { IsNull: true } => null,
        ScalarNode s => JsString.Of(s),
        DeployTimeNode d => throw new ResolutionFailure(
            $"the address of a \"{type}\" variable cannot depend on a deploy-time value ({d.Display})"),
        _ => throw new ResolutionFailure($"Non-string address argument in variable \"{type}\" source"),
    };

    // ---- values that hold variables themselves ----------------------------------------------------------------

    /// <summary>
    /// A value a source gave may itself hold variables (an env value <c>${self:service}</c>, strings in a file):
    /// the Framework resolves them too, up to <see cref="ResolutionLimits.MaxNestDepth"/> levels.
    /// </summary>
    public Node Reresolve(Node value, PropertyUse use, int depth)
    {
        // The property's own whole value: placed first, its variables resolved as the property's children (Expand).
        if (value is MappingNode or SequenceNode && depth == 0 && use.ParameterDepth == 0 && use.Template.IsWholeValue &&
            use.Deferred is null)
        {
            use.Deferred = value;
            return value;
        }

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
                            $"Cannot resolve variable at \"{PropertyPath.Humanize(use.Path)}\": the value of {s.Expression ?? "a variable"} holds invalid variable syntax");
                    }

                    if (template is null)
                    {
                        return s;
                    }

                    if (depth + 1 >= ResolutionLimits.MaxNestDepth)
                    {
                        throw new ResolutionFailure(
                            $"Cannot resolve variable at \"{PropertyPath.Humanize(use.Path)}\": Excessive variables nest depth (more than {ResolutionLimits.MaxNestDepth} levels of variables resolving to variables)");
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
                    Budget.Spend(m.Entries.Count, use.Path);
                    var entries = new List<MappingEntry>(m.Entries.Count);
                    foreach (var e in m.Entries)
                    {
                        entries.Add(e with { Value = ReresolveChild(e.Value, use, depth) });
                    }

                    return m with { Entries = entries };
                }

            case SequenceNode q:
                {
                    Budget.Spend(q.Items.Count, use.Path);
                    return q with { Items = [.. q.Items.Select(i => ReresolveChild(i, use, depth))] };
                }

            default:
                return value;
        }
    }

    private Node ReresolveChild(Node child, PropertyUse use, int depth)
    {
        if (depth + 1 >= ResolutionLimits.MaxNestDepth && ConfigTree.MayHoldVariables(child) && child is not ScalarNode)
        {
            throw new ResolutionFailure(
                $"Cannot resolve variable at \"{PropertyPath.Humanize(use.Path)}\": Excessive property variables nest depth");
        }

        return Reresolve(child, use, depth + 1);
    }
}
