namespace Spec.Backends.Beanstalk;

/// <summary>The language an adapter is written in, chosen from the functions' Lambda runtime.</summary>
public enum AdapterRuntime
{
    Node,
    Python,
}

/// <summary>Which process the adapter runs as: the web tier's request router or the worker tier's sqsd receiver.</summary>
public enum AdapterKind
{
    Web,
    Worker,
}

/// <summary>One file of an adapter, relative to the bundle root.</summary>
public sealed record AdapterFile(string Path, string Content);

/// <summary>
/// The adapters a Beanstalk bundle runs as its <c>web</c> process (embedded in Spec.Backends from
/// <c>Beanstalk/adapters/</c>): they live in <see cref="Folder"/> beside the route table <see cref="RouteTableFile"/>
/// and use only their language's standard library, since nothing is installed on the instance.
/// </summary>
public static class BeanstalkAdapters
{
    /// <summary>The bundle folder that holds the adapter and its route table.</summary>
    public const string Folder = ".spec-eb";

    public const string RouteTableFile = Folder + "/routes.json";

    /// <summary>The adapter for a Lambda runtime identifier (<c>nodejs22.x</c>, <c>python3.12</c>), or null when there is none.</summary>
    public static AdapterRuntime? ForLambdaRuntime(string runtime) =>
        runtime.StartsWith("nodejs", StringComparison.Ordinal) ? AdapterRuntime.Node
        : runtime.StartsWith("python3", StringComparison.Ordinal) ? AdapterRuntime.Python
        : null;

    /// <summary>The files to copy into a bundle (paths relative to its root, sorted).</summary>
    public static IReadOnlyList<AdapterFile> Files(AdapterRuntime runtime, AdapterKind kind)
    {
        var (shared, entry) = Names(runtime, kind);
        return [.. new[] { shared, entry }.Order(StringComparer.Ordinal).Select(name =>
            new AdapterFile($"{Folder}/{name}", Read($"Beanstalk/adapters/{Language(runtime)}/{name}")))];
    }

    /// <summary>The <c>Procfile</c> line that starts the adapter as the environment's web process.</summary>
    public static string ProcfileLine(AdapterRuntime runtime, AdapterKind kind)
    {
        var (_, entry) = Names(runtime, kind);
        return runtime == AdapterRuntime.Node ? $"web: node {Folder}/{entry}" : $"web: python3 {Folder}/{entry}";
    }

    private static (string Shared, string Entry) Names(AdapterRuntime runtime, AdapterKind kind) => runtime switch
    {
        AdapterRuntime.Node => ("lambda-runtime.js", kind == AdapterKind.Web ? "web.js" : "worker.js"),
        _ => ("lambda_runtime.py", kind == AdapterKind.Web ? "web.py" : "worker.py"),
    };

    private static string Language(AdapterRuntime runtime) => runtime == AdapterRuntime.Node ? "node" : "python";

    private static string Read(string name)
    {
        using var stream = typeof(BeanstalkAdapters).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from Spec.Backends");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
