using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Input;

namespace Spec.Rules.Beanstalk.Checking;

/// <summary>
/// Elastic Beanstalk input as <c>spec check</c> meets it among its arguments: a file of a bundle
/// (<c>.ebextensions/*.config</c>, <c>Procfile</c>, <c>cron.yaml</c>, <c>env.yaml</c>), a bundle folder, or a folder of
/// bundles (what <c>spec compile --target beanstalk</c> writes). Each file is checked with the rest of its bundle, so
/// facts of one file (the tier <c>env.yaml</c> declares) inform the others, and reports what lies in that file.
/// </summary>
public static class EbInput
{
    private static readonly string[] SpecNames = ["serverless.yml", "serverless.yaml", "serverless.json"];

    /// <summary>True when <paramref name="path"/> is a file <c>spec check</c> lints as Elastic Beanstalk input.</summary>
    public static bool IsEbFile(string path) => EbFile.KindOf(path) is not null && File.Exists(path);

    /// <summary>
    /// The files to check for one argument: a bundle folder without a spec becomes its Elastic Beanstalk files, a
    /// folder of such bundles the files of each; anything else stays as it is.
    /// </summary>
    public static IEnumerable<string> Expand(string path)
    {
        if (!Directory.Exists(path) || SpecNames.Any(n => File.Exists(Path.Combine(path, n))))
        {
            return [path];
        }

        if (IsBundle(path))
        {
            return BundleFiles(path);
        }

        var bundles = Directory.EnumerateDirectories(path).Where(d => new DirectoryInfo(d).LinkTarget is null && IsBundle(d))
            .Order(StringComparer.Ordinal).ToList();
        return bundles.Count == 0 ? [path] : bundles.SelectMany(BundleFiles);
    }

    /// <summary>Lints the bundle <paramref name="file"/> belongs to and returns the file as loaded and its findings.</summary>
    public static (LoadResult Loaded, IReadOnlyList<Diagnostic> Diagnostics) Check(string file)
    {
        var bundle = EbBundle.Load(RootOf(file));
        var full = Path.GetFullPath(file);
        var own = bundle.Files.FirstOrDefault(f => Path.GetFullPath(f.Path) == full);
        var findings = EbChecker.Check(bundle)
            .Where(d => d.Span is null || Path.GetFullPath(d.Span.File) == full)
            .Select(d => Relocate(d, full, file))
            .ToList();
        if (own is null)
        {
            // not loaded (a link, too large): the bundle's notice about it is the finding
            return (new LoadResult(new SourceText(file, string.Empty), null, []), findings);
        }

        return (new LoadResult(new SourceText(file, own.Source.Text), own.Root, []), findings);
    }

    private static bool IsBundle(string directory) =>
        new[] { "Procfile", "env.yaml", "cron.yaml" }.Any(n => File.Exists(Path.Combine(directory, n)))
        || Directory.Exists(Path.Combine(directory, ".ebextensions"));

    private static IEnumerable<string> BundleFiles(string root)
    {
        var files = new[] { "Procfile", "cron.yaml", "env.yaml" }.Select(n => Path.Combine(root, n)).Where(File.Exists).ToList();
        var extensions = Path.Combine(root, ".ebextensions");
        if (Directory.Exists(extensions))
        {
            files.AddRange(Directory.EnumerateFiles(extensions, "*.config").Order(StringComparer.Ordinal));
        }

        return files.Count == 0 ? [root] : files;
    }

    /// <summary>The bundle root of a file: the folder above <c>.ebextensions</c>, else the file's folder.</summary>
    private static string RootOf(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return Path.GetFileName(folder) == ".ebextensions" ? Path.GetDirectoryName(folder)! : folder;
    }

    /// <summary>Findings name the file as the user gave it, as spec findings do.</summary>
    private static Diagnostic Relocate(Diagnostic d, string full, string shown) =>
        d.Span is { } span && span.File != shown && Path.GetFullPath(span.File) == full ? d with { Span = span with { File = shown } } : d;
}
