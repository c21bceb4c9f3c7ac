using System.Security.Cryptography;
using Spec.Backends.CloudFormation;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Files;
using Spec.Core.Resolve;
using Spec.Core.Model;

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
        return PlanBuilder.Bind(spec, diagnostics) is { } service
            ? Package(spec, service, diagnostics, format, outputDirectory)
            : new PackageResult(new CompileResult(PlanBuilder.Empty(spec), null), []);
    }

    /// <summary>Packages the bound <paramref name="service"/>; <paramref name="spec"/> says where its files are.</summary>
    public static PackageResult Package(ResolvedSpec spec, Service service, DiagnosticBag diagnostics,
        TemplateFormat format = TemplateFormat.Json, string? outputDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(service);

        // First pass: which artifacts the plan needs.
        var probe = PlanBuilder.Build(service, new DiagnosticBag());
        var artifacts = new List<(string Name, byte[] Bytes)>();
        foreach (var artifact in probe.Artifacts.Where(a => !CustomResources.IsCustomResourcesArtifact(a)))
        {
            if (PathNames.ProblemWithFileName(artifact.ArtifactName) is { } problem)
            {
                diagnostics.Error(CloudFormationDiagnosticIds.Output,
                    $"the artifact name '{artifact.ArtifactName}' cannot be a file name: {problem}", NameSpan(service, artifact),
                    "use only letters, digits, '-' and '_' in service, function and layer names");
                continue;
            }

            try
            {
                if (Artifact(spec, service, artifact, diagnostics, outputDirectory) is { } bytes)
                {
                    artifacts.Add((artifact.ArtifactName, bytes));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(CloudFormationDiagnosticIds.Output, $"cannot package '{artifact.ArtifactName}': {e.Message}",
                    service.Package?.Node.Span ?? service.Root.Span);
            }
        }

        if (probe.Artifacts.Exists(CustomResources.IsCustomResourcesArtifact))
        {
            artifacts.Add((CustomResources.ArtifactName, CustomResourcesPackage.Zip()));
        }

        var hashes = artifacts.ToDictionary(a => a.Name, a => Convert.ToBase64String(SHA256.HashData(a.Bytes)), StringComparer.Ordinal);
        var layerNames = probe.Artifacts.Where(a => a.LayerKey is not null).Select(a => a.ArtifactName).ToHashSet(StringComparer.Ordinal);
        var contents = artifacts.Where(a => layerNames.Contains(a.Name)).ToDictionary(a => a.Name, a => a.Bytes, StringComparer.Ordinal);
        var compile = CloudFormationCompiler.Compile(service, diagnostics,
            new PlanOptions { ArtifactHashes = hashes, ArtifactContents = contents }, format);
        var packaged = artifacts.Select(a => new PackagedArtifact(a.Name, a.Bytes,
            compile.Plan.Artifacts.Named(a.Name)?.S3Key ?? a.Name, hashes[a.Name])).ToList();
        return new PackageResult(compile, packaged);
    }

    /// <summary>Where the name of an artifact comes from: its layer or function key, else the service name.</summary>
    private static SourceSpan NameSpan(Service service, PlanArtifact artifact) =>
        (artifact.LayerKey is { } layer ? service.Layers.FirstOrDefault(l => l.Key == layer)?.KeyNode.Span
            : artifact.FunctionKey is { } function ? service.FindFunction(function)?.KeyNode.Span
            : null) ?? service.Name.Node.Span;

    /// <summary>The bytes of one artifact: a prebuilt file, a layer's zip or a service/function zip; null when reported.</summary>
    private static byte[]? Artifact(ResolvedSpec spec, Service service, PlanArtifact artifact, DiagnosticBag diagnostics,
        string? outputDirectory)
    {
        var layer = artifact.LayerKey is null ? null : service.Layers.FirstOrDefault(l => l.Key == artifact.LayerKey);
        if (artifact.ExistingArtifactPath is { } existing)
        {
            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(spec.ServiceDirectory, existing));
            if (UntrustedFile.KindOf(full) != FileKind.Regular)
            {
                var package = layer is null ? service.Package : layer.Package;
                diagnostics.Error(CloudFormationDiagnosticIds.Output,
                    $"the package artifact '{existing}' does not exist or is not a regular file",
                    package?.Artifact?.Node.Span ?? layer?.Node.Span ?? service.Root.Span);
                return null;
            }

            return UntrustedFile.ReadAllBytes(full, DeterministicZip.MaxFileBytes);
        }

        if (layer is not null)
        {
            return LayerZip(spec, service, layer, diagnostics, outputDirectory);
        }

        var function = artifact.FunctionKey is null ? null : service.FindFunction(artifact.FunctionKey);
        return DeterministicZip.Create(spec.ServiceDirectory, SelectFiles(spec, service, function?.Package, diagnostics, outputDirectory));
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
    private static byte[]? LayerZip(ResolvedSpec spec, Service service, Layer layer, DiagnosticBag diagnostics,
        string? outputDirectory)
    {
        var path = layer.Path?.Value ?? string.Empty;
        var directory = System.IO.Path.GetFullPath(System.IO.Path.Combine(spec.ServiceDirectory, path));
        if (!Directory.Exists(directory))
        {
            diagnostics.Error(CloudFormationDiagnosticIds.Output, $"the folder '{path}' of layer '{layer.Key}' does not exist",
                layer.Path?.Node.Span ?? layer.Node.Span, "create the folder or fix the layer's 'path'");
            return null;
        }

        var files = SelectFiles(spec, service, layer.Package, diagnostics, outputDirectory, directory);
        return DeterministicZip.Create(directory, files);
    }

    /// <summary>
    /// The files a zip contains, after default excludes and the package settings of the service and of the unit
    /// (<paramref name="unitPackage"/>: a function's, or a layer's). Files are taken from the service directory, or from
    /// <paramref name="baseDirectory"/> for a layer; a service or function zip never holds a layer's folder.
    /// </summary>
    public static List<string> SelectFiles(ResolvedSpec spec, Service service, PackageConfig? unitPackage, DiagnosticBag diagnostics,
        string? outputDirectory = null, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(service);
        var serviceDirectory = baseDirectory ?? spec.ServiceDirectory;
        var rules = new List<(GlobPattern Pattern, bool Include)>();
        foreach (var d in DefaultExcludes)
        {
            rules.Add((new GlobPattern(d), false));
        }

        if (baseDirectory is null)
        {
            foreach (var layerPath in service.Layers.Select(l => l.Path?.Value).OfType<string>())
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
        if (service.UseDotenv?.Value == true)
        {
            rules.Add((new GlobPattern(".env*"), false));
        }

        foreach (var package in new[] { service.Package, unitPackage })
        {
            foreach (var exclude in Texts(package?.Exclude))
            {
                rules.Add((new GlobPattern(exclude), false));
            }

            foreach (var include in Texts(package?.Include))
            {
                rules.Add((new GlobPattern(include), true));
            }

            foreach (var pattern in Texts(package?.Patterns))
            {
                rules.Add(pattern.StartsWith('!') ? (new GlobPattern(pattern[1..]), false) : (new GlobPattern(pattern), true));
            }
        }

        var (files, skipped) = PackageWalk.Files(serviceDirectory);
        var selected = new List<string>();
        selected.AddRange(files.Where(f => IsIncluded(rules, f)));

        foreach (var skip in skipped.Where(s => IsIncluded(rules, s.RelativePath)))
        {
            diagnostics.Warning(CloudFormationDiagnosticIds.Output, $"'{skip.RelativePath}' is not packaged: {skip.Reason}",
                service.Package?.Node.Span ?? service.Root.Span);
        }

        if (selected.Count == 0)
        {
            diagnostics.Warning(CloudFormationDiagnosticIds.Output, "no file of the service matches the package patterns: the zip is empty",
                service.Package?.Node.Span ?? service.Root.Span);
        }

        return selected;
    }

    private static IEnumerable<string> Texts(IReadOnlyList<Spanned<string?>>? values) =>
        values?.Select(v => v.Value).OfType<string>() ?? [];

    private static bool IsIncluded(List<(GlobPattern Pattern, bool Include)> rules, string relative)
    {
        var included = true;
        foreach (var (pattern, include) in rules)
        {
            if (pattern.IsMatch(relative))
            {
                included = include;
            }
        }

        return included;
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
