using System.Globalization;
using Spec.Backends.Packaging;
using Spec.Backends.Targets;
using Spec.Core.Diagnostics;
using Spec.Core.Files;
using Spec.Core.Model;
using Spec.Core.Resolve;

namespace Spec.Backends.Beanstalk;

/// <summary>What <c>spec package --target beanstalk</c> made: the compiled output and the files to write.</summary>
public sealed record BeanstalkPackage(BeanstalkOutput Output, IReadOnlyList<OutputFile> Files)
{
    /// <summary>The zip of an environment's source bundle.</summary>
    public static string ZipName(BeanstalkEnvironment environment) => environment.Key + ".zip";

    public byte[] Zip(BeanstalkEnvironment environment) => Files.Single(f => f.Path == ZipName(environment)).Content;
}

/// <summary>
/// <c>spec package --target beanstalk</c>: one deterministic zip per environment whose root is the bundle's root (no
/// top-level folder): the service's code as its zip would hold it (<c>package.patterns</c> of the service) plus the
/// generated bundle files, which win over a service file of the same path. Platform hooks
/// (<c>.platform/hooks/</c>, <c>.platform/confighooks/</c>) are 0755, as Elastic Beanstalk runs them; a zip over
/// 512 MB, Elastic Beanstalk's limit for a source bundle, is an error. Beside the zips: the companion template and
/// the options files.
/// </summary>
public static class BeanstalkPackager
{
    /// <summary>The largest source bundle Elastic Beanstalk accepts.</summary>
    public const long MaxBundleBytes = 512L * 1024 * 1024;

    public static BeanstalkPackage? Package(ResolvedSpec spec, DiagnosticBag diagnostics, string? outputDirectory,
        long maxBundleBytes = MaxBundleBytes)
    {
        if (TargetCompiler.Plan(spec, diagnostics) is not { } planned)
        {
            return null;
        }

        var output = BeanstalkEmitter.Emit(planned.Model, planned.Plan, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var code = ReadCode(spec, planned.Model, diagnostics, outputDirectory);
        if (code is null)
        {
            return null;
        }

        var files = new List<OutputFile>();
        var bundles = output.BundleFiles();
        foreach (var environment in output.Environments)
        {
            var entries = new Dictionary<string, byte[]>(code.Files, StringComparer.Ordinal);
            var generated = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in bundles[environment.Key])
            {
                entries[file.Path] = file.Content;
                generated.Add(file.Path);
            }

            var zip = DeterministicZip.Create(entries, path => IsHook(path) || (code.Executable.Contains(path) && !generated.Contains(path)));
            if (zip.LongLength > maxBundleBytes)
            {
                diagnostics.Error(BeanstalkDiagnosticIds.Package, string.Create(CultureInfo.InvariantCulture,
                    $"the source bundle of the {environment.Name} environment is {zip.LongLength / (1024.0 * 1024):0.#} MB; Elastic Beanstalk " +
                    $"accepts at most {maxBundleBytes / (1024.0 * 1024):0.#} MB"), null);
                continue;
            }

            files.Add(new OutputFile(BeanstalkPackage.ZipName(environment), zip));
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        files.AddRange(output.Files.Where(f => !f.Path.Contains('/', StringComparison.Ordinal)));
        return new BeanstalkPackage(output, [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)]);
    }

    /// <summary>Elastic Beanstalk runs the files under these folders, so they must be executable.</summary>
    public static bool IsHook(string path) =>
        path.StartsWith(".platform/hooks/", StringComparison.Ordinal) || path.StartsWith(".platform/confighooks/", StringComparison.Ordinal);

    private sealed record Code(Dictionary<string, byte[]> Files, HashSet<string> Executable);

    private static Code? ReadCode(ResolvedSpec spec, Service service, DiagnosticBag diagnostics, string? outputDirectory)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var executable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in Packager.SelectFiles(spec, service, null, diagnostics, outputDirectory))
        {
            var full = Path.Combine(spec.ServiceDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            try
            {
                files[relative] = UntrustedFile.ReadAllBytes(full, DeterministicZip.MaxFileBytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(BeanstalkDiagnosticIds.Package, $"cannot read '{relative}' of the service: {e.Message}", null);
                return null;
            }

            if (DeterministicZip.IsExecutable(full))
            {
                executable.Add(relative);
            }
        }

        return new Code(files, executable);
    }
}
