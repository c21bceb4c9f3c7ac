namespace Spec.Core.Resolve.Sources;

/// <summary>
/// The registry of variable sources: every source Spec knows, found by the name a variable is written with. The
/// order is the order the help lists them in.
/// </summary>
internal sealed class VariableSources
{
    private readonly Dictionary<string, IVariableSource> _byName;

    public VariableSources(IReadOnlyList<IVariableSource> sources)
    {
        All = sources;
        _byName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var names = sources.Select(s => s.Name).ToList();
        NameList = names.Count < 2 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    /// <summary>The sources of Serverless Framework v3 that Spec resolves or keeps for deploy time.</summary>
    public static VariableSources Default { get; } = new(
    [
        new SelfSource(),
        new OptSource(),
        new EnvSource(),
        new FileSource(),
        new SlsSource(),
        new AwsSource(),
        new ParamSource(),
        new StrToBoolSource(),
        new DeployTimeSource("ssm"),
        new DeployTimeSource("cf"),
        new DeployTimeSource("s3"),
    ]);

    public IReadOnlyList<IVariableSource> All { get; }

    /// <summary>The names for a message: <c>self, opt, … and s3</c>.</summary>
    public string NameList { get; }

    public IVariableSource? Find(string name) => _byName.GetValueOrDefault(name);
}
