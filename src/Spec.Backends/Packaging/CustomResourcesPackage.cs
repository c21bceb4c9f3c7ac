using System.Reflection;
using Spec.Backends.Plan;

namespace Spec.Backends.Packaging;

/// <summary>
/// <c>custom-resources.zip</c>: Spec's own Node.js handlers for the Framework's custom resources (embedded from
/// <c>CustomResources/handlers/</c>), at the paths the template's <c>Handler</c> names, zipped deterministically.
/// </summary>
public static class CustomResourcesPackage
{
    private const string ResourcePrefix = "CustomResources/handlers/";

    /// <summary>The handler files by zip path (<c>s3/handler.js</c>, <c>lib/custom-resource.js</c>, …), sorted.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> Files()
    {
        var assembly = typeof(CustomResourcesPackage).Assembly;
        var files = new List<KeyValuePair<string, byte[]>>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add(new(path[ResourcePrefix.Length..], buffer.ToArray()));
        }

        return files;
    }

    public static byte[] Zip() => DeterministicZip.Create(Files());

    /// <summary>The handler files of every custom-resource function the plan contains, which the zip must hold.</summary>
    public static IEnumerable<string> RequiredFiles(ServicePlan plan) => CustomResources.UsedBy(plan).Select(f => f.HandlerFile);
}
