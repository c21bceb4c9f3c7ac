using System.Security.Cryptography;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Syntax;
using static Spec.Backends.Plan.SpecValues;

namespace Spec.Backends.Packaging;

/// <summary>One packaged artifact: its file name, bytes and the S3 key the template expects it at.</summary>
public sealed record PackagedArtifact(string Name, byte[] Bytes, string S3Key, string Sha256Base64);

public sealed record PackageResult(CompileResult Compile, IReadOnlyList<PackagedArtifact> Artifacts)
{
    public bool Succeeded => Compile.Succeeded;
}

/// <summary>
/// <c>spec package</c>: zips the code as the Framework does (one service zip, or one per function with
/// <c>package.individually</c>; <c>package.patterns</c>, <c>include</c>/<c>exclude</c>, a prebuilt <c>artifact</c>),
/// then compiles the template with the artifacts' real hashes so <c>CodeSha256</c>, version ids and S3 keys match the
/// code. Two runs over the same files give identical bytes.
/// </summary>
public static class Packager
{
    /// <summary>Where <c>spec package</c> writes the template and the zips, relative to where it runs.</summary>
    public const string DefaultOutputDirectory = ".spec";

    private static readonly string[] DefaultExcludes =
    [
        ".git/**", ".gitignore", ".DS_Store", "npm-debug.log", "yarn-*.log", ".serverless/**", ".serverless_plugins/**",
        ".spec/**",
    ];

    /// <param name="outputDirectory">Where the caller will write the result: when it lies inside the service directory
    /// it is never zipped, so a second run gives the same bytes.</param>
    public static PackageResult Package(ResolvedSpec spec, DiagnosticBag diagnostics, TemplateFormat format = TemplateFormat.Json,
        string? outputDirectory = null)
    {
        // First pass: which artifacts the plan needs.
        var probe = PlanBuilder.Build(spec, new DiagnosticBag());
        var root = spec.Root as MappingNode;
        var serviceDirectory = spec.ServiceDirectory;
        var artifacts = new List<(string Name, byte[] Bytes)>();
        foreach (var artifact in probe.Artifacts.Where(a => !CustomResources.IsCustomResourcesArtifact(a)))
        {
            var layer = artifact.LayerKey is null ? null : Get(Get(root, "layers"), artifact.LayerKey) as MappingNode;
            if (artifact.ExistingArtifactPath is { } existing)
            {
                var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(serviceDirectory, existing));
                if (!File.Exists(full))
                {
                    var owner = layer ?? root;
                    diagnostics.Error(CloudFormationDiagnosticIds.Output, $"the package artifact '{existing}' does not exist",
                        (owner?["package"] as MappingNode)?["artifact"]?.Span ?? owner?.Span);
                    continue;
                }

                artifacts.Add((artifact.Name(), File.ReadAllBytes(full)));
                continue;
            }

            if (layer is not null)
            {
                if (LayerZip(spec, root, layer, artifact.LayerKey!, diagnostics, outputDirectory) is { } zip)
                {
                    artifacts.Add((artifact.ArtifactName, zip));
                }

                continue;
            }

            var function = artifact.FunctionKey is null ? null : Get(Get(root, "functions"), artifact.FunctionKey) as MappingNode;
            var files = SelectFiles(spec, root, function, diagnostics, outputDirectory);
            artifacts.Add((artifact.ArtifactName, DeterministicZip.Create(serviceDirectory, files)));
        }

        if (probe.Artifacts.Exists(CustomResources.IsCustomResourcesArtifact))
        {
            artifacts.Add((CustomResources.ArtifactName, CustomResourcesPackage.Zip()));
        }

        var hashes = artifacts.ToDictionary(a => a.Name, a => Convert.ToBase64String(SHA256.HashData(a.Bytes)), StringComparer.Ordinal);
        var layerNames = probe.Artifacts.Where(a => a.LayerKey is not null).Select(a => a.ArtifactName).ToHashSet(StringComparer.Ordinal);
        var contents = artifacts.Where(a => layerNames.Contains(a.Name)).ToDictionary(a => a.Name, a => a.Bytes, StringComparer.Ordinal);
        var compile = CloudFormationCompiler.Compile(spec, diagnostics,
            new PlanOptions { ArtifactHashes = hashes, ArtifactContents = contents }, format);
        var packaged = artifacts.Select(a => new PackagedArtifact(a.Name, a.Bytes,
            compile.Plan.Artifacts.Find(p => p.ArtifactName == a.Name)?.S3Key ?? a.Name, hashes[a.Name])).ToList();
        return new PackageResult(compile, packaged);
    }

    /// <summary>Writes the template and the artifacts into <paramref name="outputDirectory"/> atomically.</summary>
    public static bool Write(PackageResult result, string outputDirectory, TemplateFormat format, DiagnosticBag diagnostics)
    {
        if (!result.Succeeded)
        {
            return false;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [CloudFormationCompiler.FileName(format)] = System.Text.Encoding.UTF8.GetBytes(result.Compile.Text!),
        };
        foreach (var a in result.Artifacts)
        {
            files[a.Name] = a.Bytes;
        }

        return CloudFormationCompiler.WriteOutput(outputDirectory, files, diagnostics);
    }

    /// <summary>
    /// A layer's zip: the files of its <c>path</c> folder, named relative to it, after the default excludes, the service's
    /// <c>package</c> settings and the layer's own (<c>resolveFilePathsLayer</c>); null when the folder is missing.
    /// </summary>
    private static byte[]? LayerZip(ResolvedSpec spec, MappingNode? root, MappingNode layer, string key, DiagnosticBag diagnostics,
        string? outputDirectory)
    {
        var path = Text(layer["path"]) ?? string.Empty;
        var directory = System.IO.Path.GetFullPath(System.IO.Path.Combine(spec.ServiceDirectory, path));
        if (!Directory.Exists(directory))
        {
            diagnostics.Error(CloudFormationDiagnosticIds.Output, $"the folder '{path}' of layer '{key}' does not exist",
                layer["path"]?.Span ?? layer.Span, "create the folder or fix the layer's 'path'");
            return null;
        }

        var files = SelectFiles(spec, root, layer, diagnostics, outputDirectory, directory);
        return DeterministicZip.Create(directory, files);
    }

    /// <summary>The service's files as its one zip would hold them (the service-level <c>package</c> settings only).</summary>
    public static List<string> SelectServiceFiles(ResolvedSpec spec, DiagnosticBag diagnostics, string? outputDirectory) =>
        SelectFiles(spec, spec.Root as MappingNode, null, diagnostics, outputDirectory);

    /// <summary>
    /// The files a zip contains, after default excludes and the package settings of the service and of
    /// <paramref name="unit"/> (a function, or a layer). Files are taken from the service directory, or from
    /// <paramref name="baseDirectory"/> for a layer; a service or function zip never holds a layer's folder.
    /// </summary>
    public static List<string> SelectFiles(ResolvedSpec spec, MappingNode? root, MappingNode? unit, DiagnosticBag diagnostics,
        string? outputDirectory = null, string? baseDirectory = null)
    {
        var serviceDirectory = baseDirectory ?? spec.ServiceDirectory;
        var rules = new List<(GlobPattern Pattern, bool Include)>();
        foreach (var d in DefaultExcludes)
        {
            rules.Add((new GlobPattern(d), false));
        }

        if (baseDirectory is null)
        {
            foreach (var layerPath in Entries(Get(root, "layers")).Select(l => Text(Get(l.Value, "path"))).OfType<string>())
            {
                rules.Add((new GlobPattern(NormalizeFolder(layerPath) + "/**"), false));
            }
        }

        if (outputDirectory is not null)
        {
            var relativeOutput = System.IO.Path.GetRelativePath(serviceDirectory, System.IO.Path.GetFullPath(outputDirectory))
                .Replace(System.IO.Path.DirectorySeparatorChar, '/');
            if (relativeOutput != "." && !relativeOutput.StartsWith("..", StringComparison.Ordinal) && !System.IO.Path.IsPathRooted(relativeOutput))
            {
                rules.Add((new GlobPattern(relativeOutput + "/**"), false));
            }
        }

        rules.Add((new GlobPattern(System.IO.Path.GetFileName(spec.Loaded.Source.Path)), false));
        if (Bool(Get(root, "useDotenv")) == true)
        {
            rules.Add((new GlobPattern(".env*"), false));
        }

        foreach (var package in new[] { Get(root, "package"), Get(unit, "package") })
        {
            foreach (var exclude in Items(Get(package, "exclude")).Select(Text).OfType<string>())
            {
                rules.Add((new GlobPattern(exclude), false));
            }

            foreach (var include in Items(Get(package, "include")).Select(Text).OfType<string>())
            {
                rules.Add((new GlobPattern(include), true));
            }

            foreach (var pattern in Items(Get(package, "patterns")).Select(Text).OfType<string>())
            {
                rules.Add(pattern.StartsWith('!') ? (new GlobPattern(pattern[1..]), false) : (new GlobPattern(pattern), true));
            }
        }

        var selected = new List<string>();
        foreach (var file in Directory.EnumerateFiles(serviceDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(serviceDirectory, file).Replace(System.IO.Path.DirectorySeparatorChar, '/');
            var included = true;
            foreach (var (pattern, include) in rules)
            {
                if (pattern.IsMatch(relative))
                {
                    included = include;
                }
            }

            if (included)
            {
                selected.Add(relative);
            }
        }

        if (selected.Count == 0)
        {
            diagnostics.Warning(CloudFormationDiagnosticIds.Output, "no file of the service matches the package patterns: the zip is empty",
                Get(root, "package")?.Span ?? root?.Span);
        }

        return selected;
    }

    /// <summary>A folder setting as a glob prefix: forward slashes, no leading <c>./</c>, no trailing slash.</summary>
    private static string NormalizeFolder(string folder)
    {
        var normalized = folder.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized.TrimEnd('/');
    }
}

internal static class PlanArtifactExtensions
{
    public static string Name(this PlanArtifact artifact) => artifact.ArtifactName;
}
