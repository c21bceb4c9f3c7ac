
namespace Spec.Rules.Engine;

/// <summary>The data tables rules consult: the Lambda runtime lifecycle and the numeric limits.</summary>
public sealed record RuleData(RuntimeLifecycle Runtimes, LimitTable Limits)
{
    private static readonly Lazy<RuleData> Embedded = new(() => new RuleData(
        RuntimeLifecycle.Parse(ReadResource("lambda-runtimes.json")),
        LimitTable.Parse(ReadResource("limits.json"))));

    /// <summary>The tables shipped inside Spec.Rules (<c>src/Spec.Rules/Data/*.json</c>).</summary>
    public static RuleData Default => Embedded.Value;

    internal static string ReadResource(string fileName)
    {
        using var reader = new StreamReader(OpenResource(fileName));
        return reader.ReadToEnd();
    }

    /// <summary>An embedded table's bytes as stored (UTF-8 without a byte order mark).</summary>
    internal static byte[] ReadResourceBytes(string fileName)
    {
        using var stream = OpenResource(fileName);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static Stream OpenResource(string fileName)
    {
        var name = "Spec.Rules.Data." + fileName;
        return typeof(RuleData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {typeof(RuleData).Assembly.GetName().Name}");
    }
}
