using NJsonSchema;
using NJsonSchema.Validation;
using Spec.Core.Schema;

namespace Spec.Tests.Schema;

/// <summary>Validates JSON documents against the generated schema with NJsonSchema; errors are flattened to "path: kind".</summary>
internal static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(SchemaGenerator.Generate()).GetAwaiter().GetResult());

    /// <summary>
    /// The leaf errors as <c>path: kind</c>. A value failing a type union yields one "XExpected" per type it is not;
    /// those are dropped when a more specific error explains the same path.
    /// </summary>
    public static IReadOnlyList<string> Validate(string json)
    {
        var leaves = Flatten(Schema.Value.Validate(json)).Distinct().ToList();
        var specific = leaves.Where(l => !l.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal)).ToList();
        return [.. leaves
            .Where(l => !l.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal)
                || !specific.Any(s => s.Path.StartsWith(l.Path, StringComparison.Ordinal)))
            .Select(l => $"{l.Path}: {l.Kind}")
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    public static string Dump(string json) => string.Join("\n", Schema.Value.Validate(json).Select(e => e.ToString()));

    public static IReadOnlyList<string> ValidateYaml(string yaml) => Validate(SpecJson.FromYaml(yaml));

    private static IEnumerable<(string Path, ValidationErrorKind Kind)> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var e in errors)
        {
            // An anyOf failure is only interesting through the branch that came closest; report the leaf errors.
            if (e is MultiTypeValidationError or ChildSchemaValidationError && Children(e).Any())
            {
                foreach (var leaf in Flatten(Children(e)))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (e.Path?.TrimStart('#', '/') ?? string.Empty, e.Kind);
            }
        }
    }

    private static IEnumerable<ValidationError> Children(ValidationError e) => e switch
    {
        ChildSchemaValidationError c => c.Errors.SelectMany(kv => kv.Value),
        MultiTypeValidationError m => m.Errors.SelectMany(kv => kv.Value),
        _ => [],
    };
}
