using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Core.Syntax;

namespace Spec.Rules.General;

/// <summary>Where findings about effective values point, and how messages name them.</summary>
public static class SettingExtensions
{
    /// <summary>The node to report on: the value where it was written, or the function's key for a default.</summary>
    public static Node Anchor<T>(this Setting<T> setting, Function function) => setting.Node ?? function.KeyNode;

    /// <summary>" (inherited from provider)" / " (Framework default)" / "" for messages.</summary>
    public static string SourceNote<T>(this Setting<T> setting) => setting.Source switch
    {
        SettingSource.Provider => " (inherited from provider)",
        SettingSource.Default => " (Framework default)",
        _ => string.Empty,
    };

    /// <summary>The value as a message shows it: the variable expression for sensitive values.</summary>
    public static string Shown<T>(this Setting<T> setting) =>
        setting.Node is { } node ? node.Display : Convert.ToString(setting.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static RelatedLocation Related(this Node node, string message) => new(node.EditSpan, message);
}
