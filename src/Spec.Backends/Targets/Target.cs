using Spec.Backends.Packaging;
using Spec.Backends.Plan;
using Spec.Core.Diagnostics;
using Spec.Core.Model;

namespace Spec.Backends.Targets;

/// <summary>
/// One thing <c>spec compile --target NAME</c> writes: its name, how the help and the README describe it, its options,
/// its default output folder, and <see cref="Emit"/>, which turns the plan into files (and diagnostics) without
/// touching the disk. Targets are registered in <see cref="TargetRegistry"/>; a target that can also be deployed names
/// its <see cref="DeployEngine"/>. A new target is one class deriving from this plus one line in the registry.
/// </summary>
public abstract class Target
{
    /// <summary>The <c>--target</c> value, lower-case with dashes: <c>cloudformation</c>, <c>pulumi-ts</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What it produces, for the help: "a CloudFormation template", "a Pulumi project".</summary>
    public abstract string Produces { get; }

    /// <summary>
    /// The language when several targets produce the same kind of project ("TypeScript", "YAML", "C#"); the help then
    /// says "a Pulumi project in TypeScript, YAML or C#". Null for a target of its own kind.
    /// </summary>
    public virtual string? Language => null;

    /// <summary>The family the help groups targets by ("Pulumi targets" share <c>.spec/&lt;target&gt;</c>).</summary>
    public abstract string Family { get; }

    /// <summary>What it writes, as the README's target table shows it (markdown).</summary>
    public abstract string Writes { get; }

    /// <summary>Where it writes without <c>--output</c>, relative to the working directory: <c>.spec/&lt;name&gt;</c>.</summary>
    public virtual string DefaultOutput => Path.Combine(Packager.DefaultOutputDirectory, Name);

    /// <summary>The options only this target takes (others' options are usage errors with it).</summary>
    public virtual IReadOnlyList<TargetOption> Options => [];

    /// <summary>The engine <c>spec deploy --engine</c> deploys this target's output with, if any.</summary>
    public virtual DeployEngine? Engine => null;

    /// <summary>
    /// The files (relative to the output folder) for the planned service. Reports problems to
    /// <paramref name="diagnostics"/>; the files are written even when it reports warnings.
    /// </summary>
    public abstract IReadOnlyList<OutputFile> Emit(TargetContext context, DiagnosticBag diagnostics);

    /// <summary>The lines <c>spec compile</c> prints once the files are written: each file's path by default.</summary>
    public virtual IEnumerable<string> Announce(string outputDirectory, IReadOnlyList<OutputFile> files) =>
        files.Select(f => Path.Combine(outputDirectory, f.Path));

    public override string ToString() => Name;
}

/// <summary>
/// What a target emits from: the bound service (<see cref="Model"/>: its logical shape, for targets such as SAM and
/// Elastic Beanstalk that emit from the model) and its <see cref="Plan"/> (the CloudFormation-shaped lowering that
/// CloudFormation and Pulumi read), both from one bind; where the spec and the output are.
/// </summary>
public sealed record TargetContext(Service Model, ServicePlan Plan, string ServiceDirectory, string SpecPath, string OutputDirectory,
    TargetSettings Settings);

/// <summary>
/// One file of a target's output: its path relative to the output folder and its bytes, given whole or as the
/// segments a large file was written in (a template of tens of megabytes goes to disk from its segments without
/// being joined; <see cref="Content"/> joins them when asked).
/// </summary>
public sealed class OutputFile
{
    private byte[]? _content;

    public OutputFile(string path, byte[] content)
    {
        Path = path;
        _content = content;
        Segments = [content];
    }

    public OutputFile(string path, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        Path = path;
        Segments = segments;
    }

    public string Path { get; }

    public IReadOnlyList<ReadOnlyMemory<byte>> Segments { get; }

    public byte[] Content => _content ??= Join(Segments);

    /// <summary>The same bytes under another path.</summary>
    public OutputFile WithPath(string path) => _content is { } content ? new(path, content) : new(path, Segments);

    public static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        var bytes = new byte[segments.Sum(s => (long)s.Length)];
        var at = 0;
        foreach (var segment in segments)
        {
            segment.Span.CopyTo(bytes.AsSpan(at));
            at += segment.Length;
        }

        return bytes;
    }
}

/// <summary>
/// An option of a target or a deploy engine, as data: the CLI builds its command-line option from it (adding
/// "(NAME only)" to the description) and refuses it with any other target or engine.
/// </summary>
public sealed record TargetOption(string Name, string Description)
{
    public string? Alias { get; init; }

    /// <summary>The value's name in the help: <c>--endpoint-url &lt;URL&gt;</c>.</summary>
    public string? HelpName { get; init; }

    /// <summary>The only values accepted (the help shows them); empty = any value.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    public string? Default { get; init; }

    /// <summary>A switch without a value (<c>--yes</c>).</summary>
    public bool IsFlag { get; init; }

    public bool Equals(TargetOption? other) =>
        other is not null && Name == other.Name && Description == other.Description && Alias == other.Alias
        && HelpName == other.HelpName && AllowedValues.SequenceEqual(other.AllowedValues) && Default == other.Default
        && IsFlag == other.IsFlag;

    public override int GetHashCode() => HashCode.Combine(Name, Description, Alias, HelpName, Default, IsFlag);
}

/// <summary>The values the command line gave a target's or engine's options (defaults where it gave none).</summary>
public sealed class TargetSettings(IReadOnlyDictionary<string, string?> values)
{
    public static TargetSettings None { get; } = new(new Dictionary<string, string?>());

    /// <summary>The option's value, its default when it was not given; a flag is <c>"true"</c> when given.</summary>
    public string? this[TargetOption option] => values.TryGetValue(option.Name, out var value) && value is not null ? value : option.Default;

    public bool IsSet(TargetOption flag) => this[flag] == "true";
}
