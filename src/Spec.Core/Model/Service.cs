using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>
/// The typed model of one <c>serverless.yml</c> (Serverless Framework v3, AWS provider), with the Framework's
/// defaults applied. Built once by the Bind stage; every later stage (rules, plan, backends) reads it.
/// Every typed value keeps the node it came from.
/// </summary>
public sealed record Service
{
    /// <summary>The resolved root mapping the model was bound from.</summary>
    public required MappingNode Root { get; init; }

    /// <summary><c>service</c>: the service name (used in the stack name, function names, log groups).</summary>
    public required Spanned<string> Name { get; init; }

    /// <summary>True when <c>service</c> is written as a plain name (the Framework refuses the object notation).</summary>
    public bool HasPlainName => Name.Node is ScalarNode && Name.Value.Length > 0;

    /// <summary><c>frameworkVersion</c>: a semver range, when written.</summary>
    public Spanned<string?>? FrameworkVersion { get; init; }

    /// <summary>The effective stage (<c>--stage</c> &gt; <c>provider.stage</c> &gt; <c>dev</c>).</summary>
    public required string Stage { get; init; }

    /// <summary>The effective region (<c>--region</c> &gt; <c>provider.region</c> &gt; <c>us-east-1</c>).</summary>
    public required string Region { get; init; }

    /// <summary><c>provider</c> (AWS).</summary>
    public required Provider Provider { get; init; }

    /// <summary><c>functions</c>, in source order (a legacy array of objects is merged; null functions dropped).</summary>
    public IReadOnlyList<Function> Functions { get; init; } = [];

    /// <summary>Entries of <c>functions</c> that are not mappings (reported by the binder; the Framework refuses them).</summary>
    public IReadOnlyList<UnboundEntry> UnboundFunctions { get; init; } = [];

    /// <summary><c>layers</c>, in source order.</summary>
    public IReadOnlyList<Layer> Layers { get; init; } = [];

    /// <summary>Entries of <c>layers</c> that are not mappings (reported by the binder; the Framework refuses them).</summary>
    public IReadOnlyList<UnboundEntry> UnboundLayers { get; init; } = [];

    /// <summary><c>resources</c>: raw CloudFormation plus typed views of common resource types.</summary>
    public ResourcesSection Resources { get; init; } = ResourcesSection.Empty;

    /// <summary><c>package</c> at the service level.</summary>
    public PackageConfig? Package { get; init; }

    /// <summary><c>plugins</c>.</summary>
    public PluginsConfig? Plugins { get; init; }

    /// <summary><c>custom</c>: free-form (plugin configuration and user variables).</summary>
    public Node? Custom { get; init; }

    /// <summary>
    /// <c>custom.samLogicalIds</c>, which the SAM reader writes: for each resource whose id the Framework's naming
    /// changes, the Framework's id and the id the SAM template gave it (written as a string, else null).
    /// </summary>
    public IReadOnlyList<(Spanned<string?> FrameworkId, Spanned<string?> TemplateId)> SamLogicalIds =>
        [.. RawValues.Entries(RawValues.Get(Custom, "samLogicalIds"))
            .Select(e => (new Spanned<string?>(e.Key.Text, e.Key), new Spanned<string?>(RawValues.Text(e.Value), e.Value)))];

    /// <summary><c>params</c>: per-stage parameters (<c>params.&lt;stage&gt;.&lt;name&gt;</c>, <c>params.default</c>).</summary>
    public IReadOnlyList<StageParams> Params { get; init; } = [];

    /// <summary><c>stages</c> (v4 only; kept raw).</summary>
    public Node? Stages { get; init; }

    /// <summary><c>useDotenv</c>.</summary>
    public Spanned<bool?>? UseDotenv { get; init; }

    /// <summary><c>configValidationMode</c>: <c>error</c>, <c>warn</c> or <c>off</c>.</summary>
    public Setting<string?> ConfigValidationMode { get; init; } = Setting<string?>.CatalogDefault("configValidationMode");

    /// <summary><c>deprecationNotificationMode</c>.</summary>
    public Spanned<string?>? DeprecationNotificationMode { get; init; }

    /// <summary><c>disabledDeprecations</c>: <c>'*'</c> or a list of codes (raw).</summary>
    public Node? DisabledDeprecations { get; init; }

    /// <summary><c>variablesResolutionMode</c> (legacy, no effect in v3).</summary>
    public Spanned<string?>? VariablesResolutionMode { get; init; }

    /// <summary><c>projectDir</c>.</summary>
    public Spanned<string?>? ProjectDir { get; init; }

    /// <summary>Dashboard <c>org</c>.</summary>
    public Spanned<string?>? Org { get; init; }

    /// <summary>Dashboard <c>app</c>.</summary>
    public Spanned<string?>? App { get; init; }

    /// <summary>Dashboard <c>outputs</c> (not CloudFormation Outputs; raw).</summary>
    public Node? DashboardOutputs { get; init; }

    /// <summary>Dashboard <c>dashboard</c> section (raw).</summary>
    public Node? Dashboard { get; init; }

    /// <summary>Serverless Console <c>console</c> section (raw).</summary>
    public Node? Console { get; init; }

    /// <summary>The <c>stepFunctions</c> section of the serverless-step-functions plugin.</summary>
    public StepFunctionsSection? StepFunctions { get; init; }

    private static readonly FirstIndexByKey<Function> s_functionIndex = new(f => f.Key);

    /// <summary>The function with this key, or null (rules look one up per authorizer, destination or reference).</summary>
    public Function? FindFunction(string key)
    {
        var functions = Functions;
        if (functions.Count >= FirstIndexByKey<Function>.From)
        {
            var at = s_functionIndex.IndexOf(functions, key);
            return at < 0 ? null : functions[at];
        }

        for (var i = 0; i < functions.Count; i++)
        {
            if (functions[i].Key == key)
            {
                return functions[i];
            }
        }

        return null;
    }

    /// <summary>Every event of every function, in source order.</summary>
    public IEnumerable<FunctionEvent> AllEvents => Functions.SelectMany(f => f.Events);

    /// <summary>True when the named plugin is listed in <c>plugins</c>.</summary>
    public bool HasPlugin(string name) => Plugins is not null && Plugins.Modules.Any(m => m.Value == name);
}

/// <summary>An entry of a named collection (<c>functions</c>, <c>layers</c>) whose value could not be bound: the binder
/// reported it, and the backends refuse it as the Framework does.</summary>
public sealed record UnboundEntry(string Key, ScalarNode KeyNode, Node Value);

/// <summary>One stage entry of <c>params</c> (<c>default</c> or a stage name) with its raw values.</summary>
public sealed record StageParams(string Stage, ScalarNode Key, MappingNode? Values, Node Node);

/// <summary><c>plugins</c>: a list of module names, or <c>{localPath, modules}</c>.</summary>
public sealed record PluginsConfig(IReadOnlyList<Spanned<string?>> Modules, Spanned<string?>? LocalPath, Node Node);

/// <summary>
/// <c>package</c> (service, function or layer level): <c>patterns</c> (with <c>!</c> excludes), the deprecated
/// <c>include</c>/<c>exclude</c>, <c>artifact</c>, <c>individually</c>, <c>excludeDevDependencies</c>, <c>path</c>.
/// </summary>
public sealed record PackageConfig
{
    public IReadOnlyList<Spanned<string?>> Patterns { get; init; } = [];

    /// <summary>Deprecated in favour of <see cref="Patterns"/>.</summary>
    public IReadOnlyList<Spanned<string?>> Include { get; init; } = [];

    /// <summary>Deprecated in favour of <see cref="Patterns"/> with a <c>!</c> prefix.</summary>
    public IReadOnlyList<Spanned<string?>> Exclude { get; init; } = [];

    /// <summary>A prebuilt artifact (zip) path or S3 URL.</summary>
    public Spanned<string?>? Artifact { get; init; }

    public Spanned<bool?>? Individually { get; init; }

    /// <summary><c>excludeDevDependencies</c>.</summary>
    public Setting<bool?> ExcludeDevDependencies { get; init; } = Setting<bool?>.CatalogDefault("package.excludeDevDependencies");

    public Spanned<string?>? Path { get; init; }

    public required Node Node { get; init; }
}
