namespace Spec.Backends.Pulumi;

/// <summary>
/// A value in a generated Pulumi program, independent of the language it is written in: the three writers
/// (TypeScript, Pulumi YAML, C#) render the same tree.
/// </summary>
public abstract record PulumiValue;

/// <summary>A string, number or boolean literal. <see cref="Raw"/> is the JSON text for numbers and booleans.</summary>
public sealed record PulumiLiteral(string Raw, PulumiLiteralKind Kind) : PulumiValue
{
    public static PulumiLiteral String(string s) => new(s, PulumiLiteralKind.String);

    public static PulumiLiteral Number(string raw) => new(raw, PulumiLiteralKind.Number);

    public static PulumiLiteral Bool(bool b) => new(b ? "true" : "false", PulumiLiteralKind.Bool);
}

public enum PulumiLiteralKind
{
    String,
    Number,
    Bool,
    Null,
}

public sealed record PulumiList(IReadOnlyList<PulumiValue> Items) : PulumiValue;

/// <summary>
/// An object. With <see cref="ArgsType"/> (<c>module.TypeName</c> as in <c>aws.types.input.lambda.FunctionEnvironment</c>)
/// it is a typed nested input whose keys are Pulumi property names; without, a free-form map (tags, environment
/// variables, JSON documents) whose keys are written verbatim.
/// </summary>
public sealed record PulumiObject(IReadOnlyList<KeyValuePair<string, PulumiValue>> Entries, string? ArgsType) : PulumiValue;

/// <summary>An output property of another resource of the program (<c>queue.arn</c>).</summary>
public sealed record PulumiAttribute(string Resource, string Attribute) : PulumiValue;

/// <summary>A string built from parts (literals and outputs): <c>pulumi.interpolate</c>, <c>${…}</c>, <c>Output.Format</c>.</summary>
public sealed record PulumiInterpolation(IReadOnlyList<PulumiValue> Parts) : PulumiValue;

/// <summary>A JSON document serialised to a string (policies, redrive policies, event patterns).</summary>
public sealed record PulumiJson(PulumiValue Document) : PulumiValue;

/// <summary>Function code: a <c>FileArchive</c> of a zip or directory.</summary>
public sealed record PulumiArchive(string Path) : PulumiValue;

/// <summary>
/// A deploy-time value read through a provider function: <c>Token</c> is the invoke token
/// (<c>aws:ssm/getParameter:getParameter</c>), <c>Field</c> the result property.
/// </summary>
public sealed record PulumiInvoke(string Token, PulumiObject Arguments, string Field) : PulumiValue;

/// <summary>One output of the stack that holds the CloudFormation resources without a Pulumi mapping.</summary>
public sealed record PulumiStackOutput(string Stack, string Key) : PulumiValue;
