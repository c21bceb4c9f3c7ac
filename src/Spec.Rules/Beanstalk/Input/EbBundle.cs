using Spec.Core.Diagnostics;
using Spec.Core.Files;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Options;

namespace Spec.Rules.Beanstalk.Input;

/// <summary>
/// The Elastic Beanstalk files of one source bundle (one environment): its <c>.ebextensions/*.config</c> in the order
/// Elastic Beanstalk applies them (alphabetical), and its <c>Procfile</c>, <c>cron.yaml</c> and <c>env.yaml</c>.
/// </summary>
public sealed class EbBundle
{
    private EbBundle(IReadOnlyList<EbFile> files, IReadOnlyList<Diagnostic> notices)
    {
        Files = [.. files.OrderBy(f => f.Kind).ThenBy(f => f.Path, StringComparer.Ordinal)];
        Notices = notices;
        DeclaredTier = TierOf(Manifest);
    }

    public IReadOnlyList<EbFile> Files { get; }

    /// <summary>What loading said about the bundle itself (files it did not read, and why).</summary>
    public IReadOnlyList<Diagnostic> Notices { get; }

    public IEnumerable<EbFile> Configs => Files.Where(f => f.Kind == EbFileKind.Config);

    public EbFile? Manifest => Files.FirstOrDefault(f => f.Kind == EbFileKind.Manifest);

    public EbFile? Cron => Files.FirstOrDefault(f => f.Kind == EbFileKind.Cron);

    public EbFile? Procfile => Files.FirstOrDefault(f => f.Kind == EbFileKind.Procfile);

    /// <summary>
    /// The tier <c>env.yaml</c> declares: its <c>EnvironmentTier.Name</c>, or web when the manifest leaves the tier out
    /// (the default); null without a manifest, when only the content can tell.
    /// </summary>
    public EbTier? DeclaredTier { get; }

    /// <summary>The node that declares the tier (<c>EnvironmentTier.Name</c>), for related locations.</summary>
    public Node? TierNode => (Manifest?.Root as MappingNode)?["EnvironmentTier"] is MappingNode tier ? tier["Name"] : null;

    /// <summary>A bundle from files in memory (paths as they should appear in diagnostics).</summary>
    public static EbBundle FromTexts(IEnumerable<(string Path, string Text)> files) =>
        new([.. files.Select(f => EbFile.FromText(f.Path, EbFile.KindOf(f.Path)
            ?? throw new ArgumentException($"{f.Path} is not an Elastic Beanstalk file", nameof(files)), f.Text))], []);

    /// <summary>
    /// The bundle whose root is <paramref name="root"/>. Symbolic links are not followed (a bundle is untrusted input);
    /// each one skipped is a notice.
    /// </summary>
    public static EbBundle Load(string root)
    {
        var paths = new List<string>();
        foreach (var name in new[] { "env.yaml", "cron.yaml", "Procfile" })
        {
            paths.Add(Path.Combine(root, name));
        }

        var extensions = Path.Combine(root, ".ebextensions");
        if (Directory.Exists(extensions) && new DirectoryInfo(extensions).LinkTarget is null)
        {
            paths.AddRange(Directory.EnumerateFiles(extensions, "*.config").Order(StringComparer.Ordinal));
        }

        return FromFiles(paths.Where(File.Exists));
    }

    /// <summary>A bundle of the given files (each must be an Elastic Beanstalk file by name).</summary>
    public static EbBundle FromFiles(IEnumerable<string> paths)
    {
        var files = new List<EbFile>();
        var notices = new List<Diagnostic>();
        foreach (var path in paths)
        {
            var kind = EbFile.KindOf(path) ?? throw new ArgumentException($"{path} is not an Elastic Beanstalk file", nameof(paths));
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                notices.Add(new Diagnostic(EbLoadIds.NotRead, Severity.Warning,
                    $"{path} is a symbolic link; Spec does not follow links in a bundle, so it was not checked",
                    SourceSpan.At(path, 1, 1)));
                continue;
            }

            string text;
            try
            {
                // a FIFO or a device named like a config would block the read; a huge file is refused while reading
                text = UntrustedFile.ReadAllText(path, LoadLimits.Default.MaxFileBytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notices.Add(new Diagnostic(EbLoadIds.NotRead, Severity.Error, $"{path} was not checked: {e.Message}", SourceSpan.At(path, 1, 1)));
                continue;
            }

            files.Add(EbFile.FromText(path, kind, text));
        }

        return new EbBundle(files, notices);
    }

    private static EbTier? TierOf(EbFile? manifest)
    {
        if (manifest?.Root is not MappingNode root)
        {
            return null;
        }

        return root["EnvironmentTier"] is MappingNode { } tier && tier["Name"] is ScalarNode { Text: "Worker" }
            ? EbTier.Worker
            : EbTier.Web;
    }
}

/// <summary>The id of what bundle loading reports (it is the unreadable-file rule's id).</summary>
internal static class EbLoadIds
{
    public const string NotRead = "SLS-EB-001";
}
