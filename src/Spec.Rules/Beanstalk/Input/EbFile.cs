using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Rules.Beanstalk.Input;

/// <summary>The kinds of file in an Elastic Beanstalk source bundle that Spec checks.</summary>
public enum EbFileKind
{
    /// <summary><c>.ebextensions/*.config</c>: YAML or JSON.</summary>
    Config,

    /// <summary><c>Procfile</c> at the bundle root: <c>name: command</c> lines.</summary>
    Procfile,

    /// <summary><c>cron.yaml</c> at a worker bundle's root: periodic tasks.</summary>
    Cron,

    /// <summary><c>env.yaml</c> at the bundle root: the environment manifest.</summary>
    Manifest,
}

/// <summary>One loaded file of a bundle: its text, and for YAML files the node tree with spans.</summary>
public sealed class EbFile
{
    internal EbFile(string path, EbFileKind kind, SourceText source, Node? root, IReadOnlyList<Diagnostic> loadDiagnostics)
    {
        Path = path;
        Kind = kind;
        Source = source;
        Root = root;
        LoadDiagnostics = loadDiagnostics;
    }

    /// <summary>The path as given (diagnostics use it).</summary>
    public string Path { get; }

    public EbFileKind Kind { get; }

    public SourceText Source { get; }

    /// <summary>The YAML root; null for a Procfile, an empty file, or a file that could not be parsed.</summary>
    public Node? Root { get; }

    /// <summary>What the loader reported (syntax errors, duplicate keys), before any rule ran.</summary>
    public IReadOnlyList<Diagnostic> LoadDiagnostics { get; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Source.Text);

    /// <summary>
    /// The kind of a path by its name (<c>.ebextensions/*.config</c>, <c>Procfile</c>, <c>cron.yaml</c>,
    /// <c>env.yaml</c>), or null when it is not a file Spec checks as Elastic Beanstalk input.
    /// </summary>
    public static EbFileKind? KindOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var parent = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path) ?? string.Empty);
        return name switch
        {
            "Procfile" => EbFileKind.Procfile,
            "cron.yaml" => EbFileKind.Cron,
            "env.yaml" => EbFileKind.Manifest,
            _ when parent == ".ebextensions" && name.EndsWith(".config", StringComparison.Ordinal) => EbFileKind.Config,
            _ => null,
        };
    }

    /// <summary>Loads <paramref name="text"/> as a file of <paramref name="kind"/>.</summary>
    public static EbFile FromText(string path, EbFileKind kind, string text)
    {
        if (kind == EbFileKind.Procfile || string.IsNullOrWhiteSpace(text))
        {
            return new EbFile(path, kind, new SourceText(path, text), null, []);
        }

        var bag = new DiagnosticBag();
        var loaded = new YamlLoader().LoadText(path, text, bag);
        return new EbFile(path, kind, loaded.Source, loaded.Root, bag.Items);
    }
}
