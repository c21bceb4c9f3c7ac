using Spec.Core.Diagnostics;
using Spec.Core.Syntax;
using Spec.Rules.Beanstalk.Input;

namespace Spec.Rules.Beanstalk.Checking;

/// <summary>Where an option setting was written.</summary>
public enum EbSettingOrigin
{
    /// <summary><c>option_settings</c> of an <c>.ebextensions</c> file.</summary>
    Extension,

    /// <summary><c>OptionSettings</c> of <c>env.yaml</c> (applied like a saved configuration).</summary>
    Manifest,
}

/// <summary>
/// One option setting, from either <c>option_settings</c> form: the list of <c>{namespace, option_name, value}</c>
/// items (namespace defaulting to <c>aws:elasticbeanstalk:application:environment</c>) or the shorthand map
/// <c>namespace: {option: value}</c> (with <c>resource.namespace</c> keys for scheduled actions).
/// </summary>
public sealed record EbSetting(
    EbFile File,
    EbSettingOrigin Origin,
    string Namespace,
    Node? NamespaceNode,
    string Option,
    ScalarNode OptionNode,
    Node? Value,
    string? ResourceName)
{
    public const string EnvironmentNamespace = "aws:elasticbeanstalk:application:environment";

    /// <summary>The value as text (YAML scalars of any type reach Elastic Beanstalk as strings); null when not a scalar.</summary>
    public string? ValueText => Value is ScalarNode { IsNull: false } s ? s.Text : null;

    /// <summary>
    /// A value Elastic Beanstalk resolves at deploy time: a backtick-quoted CloudFormation function
    /// (<c>'`{"Ref": "X"}`'</c>) or an intrinsic mapping (<c>Ref</c>, <c>Fn::*</c>). Its constraint cannot be checked here.
    /// </summary>
    public bool IsDynamic =>
        ValueText is { } text ? text.TrimStart().StartsWith('`')
        : Value is MappingNode { Entries.Count: 1 } m && (m.Entries[0].Key.Text == "Ref" || m.Entries[0].Key.Text.StartsWith("Fn::", StringComparison.Ordinal));

    /// <summary>Where to point at the namespace: its node, or the option when the namespace was left to its default.</summary>
    public SourceSpan NamespaceSpan => (NamespaceNode ?? OptionNode).Span;
}
