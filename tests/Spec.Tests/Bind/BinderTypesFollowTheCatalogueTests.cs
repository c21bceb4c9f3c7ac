using System.Text.RegularExpressions;
using Spec.Core.Bind;
using Spec.Core.Diagnostics;
using Spec.Core.Resolve;
using Spec.Core.Schema;
using Spec.Core.Syntax;
using Spec.Tests.Schema;

namespace Spec.Tests.Bind;

/// <summary>
/// The binder reads each key as the type its model property has (an int, a string, …); the catalogue says which values
/// the key accepts. Every key the binder reads while binding the repository's specs and fixtures must be read as a type
/// the catalogue's shape accepts, so changing a key's type in one place and not the other fails here.
/// </summary>
public sealed partial class BinderTypesFollowTheCatalogueTests
{
    [Fact]
    public void EveryKeyTheBinderReads_IsReadAsATypeTheCatalogueAccepts()
    {
        var reads = new Dictionary<string, HashSet<Type>>(StringComparer.Ordinal);
        foreach (var file in Specs())
        {
            var bag = new DiagnosticBag();
            var loaded = new YamlLoader().LoadFile(file, bag);
            if (loaded.Root is not MappingNode root)
            {
                continue;
            }

            var ctx = new BindContext(bag, KeyCatalog.Serverless)
            {
                KeyRead = (path, type) => Remember(reads, CataloguePath(path), type),
            };
            new ServiceBinder(ctx, "dev", "us-east-1").Bind(root);
        }

        var mismatches = reads
            .Where(r => r.Key.Length > 0)
            .SelectMany(r => r.Value.Where(t => !Accepts(KeyCatalog.Serverless.Find(r.Key)!.Shape, t)).Select(t => $"{r.Key} read as {t.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Empty(mismatches);
        var keys = reads.Count(r => r.Key.Length > 0);
        Assert.True(keys >= 200, $"only {keys} catalogue keys read; do the fixtures still reach the binder?");
    }

    /// <summary>The check itself: a concrete path finds its catalogue key, and a type the shape does not take fails.</summary>
    [Fact]
    public void TheCheck_MapsPathsAndRejectsATypeTheShapeDoesNotTake()
    {
        Assert.Equal("functions.*.events.sqs.batchSize", CataloguePath("functions.f.events[0].sqs.batchSize"));
        Assert.Equal("provider.iam.role.statements.Effect", CataloguePath("provider.iam.role.statements[2].Effect"));
        Assert.Null(CataloguePath("resources.Resources.Q.Properties.VisibilityTimeout"));
        var timeout = KeyCatalog.Serverless.Find("provider.timeout")!.Shape;
        Assert.True(Accepts(timeout, typeof(int)));
        Assert.False(Accepts(timeout, typeof(string)));
        Assert.False(Accepts(timeout, typeof(bool)));
        Assert.True(Accepts(KeyCatalog.Serverless.Find("provider.logRetentionInDays")!.Shape, typeof(int)));
        Assert.False(Accepts(KeyCatalog.Serverless.Find("provider.runtime")!.Shape, typeof(int)));
    }

    private static void Remember(Dictionary<string, HashSet<Type>> reads, string? path, Type type)
    {
        if (path is null)
        {
            return;
        }

        if (!reads.TryGetValue(path, out var types))
        {
            reads[path] = types = [];
        }

        types.Add(type);
    }

    /// <summary>The catalogue path of a concrete one (<c>functions.f.events[0].sqs.batchSize</c> →
    /// <c>functions.*.events.sqs.batchSize</c>), or null when the catalogue does not describe it (CloudFormation
    /// properties, plugin sections' insides, a key with a dot in its name).</summary>
    private static string? CataloguePath(string concrete)
    {
        var shape = KeyCatalog.Serverless.Root.Shape;
        var path = new List<string>();
        foreach (var raw in concrete.Split('.'))
        {
            var segment = Index().Replace(raw, "");
            string? step = null;
            for (var s = shape; s is not null && step is null; s = s.Items)
            {
                if (s.Object?.Find(segment) is { } p)
                {
                    (step, shape) = (segment, p.Shape);
                }
                else if (s.Object?.Values is { } values)
                {
                    (step, shape) = ("*", values);
                }
            }

            if (step is null)
            {
                return null;
            }

            path.Add(step);
        }

        return string.Join('.', path);
    }

    private static bool Accepts(Shape shape, Type read)
    {
        if (shape.Anything)
        {
            return true;
        }

        if (read == typeof(string))
        {
            return shape.String is not null || shape.Enum?.Any(v => v is string) == true;
        }

        if (read == typeof(int) || read == typeof(long))
        {
            return shape.Number is not null || shape.Enum?.Any(v => v is int or long) == true;
        }

        if (read == typeof(bool))
        {
            return shape.Boolean;
        }

        return read == typeof(MappingNode) ? shape.Object is not null : shape.Items is not null;
    }

    private static IEnumerable<string> Specs()
    {
        var root = RepoPaths.Root;
        return Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.yml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.yml", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "serverless.yml.example"))
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\[\d+\]$")]
    private static partial Regex Index();
}
