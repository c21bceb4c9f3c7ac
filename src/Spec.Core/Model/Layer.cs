using Spec.Core.Syntax;

namespace Spec.Core.Model;

/// <summary>One entry of <c>layers</c> (reference §1.4): an <c>AWS::Lambda::LayerVersion</c>.</summary>
public sealed record Layer
{
    public required string Key { get; init; }

    public required ScalarNode KeyNode { get; init; }

    public required MappingNode Node { get; init; }

    public Spanned<string?>? Path { get; init; }

    /// <summary>Layer name; default the layer key (not prefixed with service/stage).</summary>
    public required Setting<string?> Name { get; init; }

    public Spanned<string?>? Description { get; init; }

    public Spanned<string?>? LicenseInfo { get; init; }

    public IReadOnlyList<Spanned<string?>> CompatibleRuntimes { get; init; } = [];

    public IReadOnlyList<Spanned<string?>> CompatibleArchitectures { get; init; } = [];

    /// <summary>Account ids, <c>*</c> or root ARNs allowed to use the layer.</summary>
    public IReadOnlyList<Spanned<string?>> AllowedAccounts { get; init; } = [];

    public Spanned<bool?>? Retain { get; init; }

    public PackageConfig? Package { get; init; }
}
