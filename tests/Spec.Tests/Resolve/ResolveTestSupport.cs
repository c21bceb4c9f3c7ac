using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;

namespace Spec.Tests.Resolve;

/// <summary>Writes a spec (and the files it reads) to a fresh temporary service directory and resolves it.</summary>
internal sealed class ResolveFixture : IDisposable
{
    public ResolveFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "spec-resolve-" + Guid.NewGuid().ToString("N"));
        ServiceDirectory = Path.Combine(Root, "service");
        Directory.CreateDirectory(ServiceDirectory);
    }

    public string Root { get; }

    public string ServiceDirectory { get; }

    public string ConfigPath => Path.Combine(ServiceDirectory, "serverless.yml");

    public ResolveFixture File(string relativePath, string content)
    {
        var path = Path.GetFullPath(Path.Combine(ServiceDirectory, relativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return this;
    }

    public (ResolvedSpec Spec, DiagnosticBag Diagnostics) Resolve(string yaml, ResolveOptions? options = null)
    {
        System.IO.File.WriteAllText(ConfigPath, yaml);
        var diagnostics = new DiagnosticBag();
        var loaded = new YamlLoader().LoadFile(ConfigPath, diagnostics);
        Assert.Empty(diagnostics.Items);
        var spec = VariableResolver.Resolve(loaded, options ?? ResolveOptions.Empty, diagnostics);
        return (spec, diagnostics);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class NodePath
{
    /// <summary>The node at a dot path (<c>custom.list.0</c>) of a resolved tree.</summary>
    public static Node At(this ResolvedSpec spec, string path)
    {
        Node? node = spec.Root;
        foreach (var key in path.Split('.'))
        {
            node = node switch
            {
                MappingNode m => m[key],
                SequenceNode s => s.Items[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)],
                _ => null,
            };
            Assert.True(node is not null, $"nothing at {path}");
        }

        return node!;
    }

    public static string Text(this ResolvedSpec spec, string path) => Assert.IsType<ScalarNode>(spec.At(path)).Text;

    public static ResolveOptions Options(params string[] args) =>
        ResolveOptions.FromArguments(args, new Dictionary<string, string>());

    public static ResolveOptions WithEnvironment(this ResolveOptions options, params (string Key, string Value)[] env) =>
        options with { Environment = env.ToDictionary(e => e.Key, e => e.Value) };

    public static Diagnostic Single(this DiagnosticBag bag)
    {
        Assert.True(bag.Items.Count == 1, "expected one diagnostic, got: " + string.Join(" | ", bag.Items));
        return bag.Items[0];
    }

    /// <summary><c>line:col</c> of a diagnostic's span start.</summary>
    public static string At(this Diagnostic d) => $"{d.Span!.Line}:{d.Span.Column}";
}
