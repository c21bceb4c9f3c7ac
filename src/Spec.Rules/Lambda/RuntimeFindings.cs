using System.Globalization;
using Spec.Core.Diagnostics;
using Spec.Core.Model;
using Spec.Rules.Engine;
using Spec.Rules.General;

namespace Spec.Rules.Lambda;

/// <summary>Messages and fixes shared by the runtime lifecycle rules (SLS-LAMBDA-006/007).</summary>
internal static class RuntimeFindings
{
    public static string Describe(RuntimeLifecycle runtimes, RuntimeInfo info, DateOnly asOf, Setting<string?> runtime)
    {
        var name = runtime.Node switch
        {
            null => $"no runtime is set, so the Framework default '{info.Identifier}' applies: it",
            { IsSensitive: true } node => $"runtime {node.Display}{runtime.SourceNoteText()}",
            _ => $"runtime '{info.Identifier}'{runtime.SourceNoteText()}",
        };
        var successor = runtimes.NearestSuccessor(info, asOf) is { } next
            ? $"; move to '{next.Identifier}'{Until(next)}{Newest(runtimes, info, next)} (code changes may be needed)"
            : string.Empty;
        var status = info.StatusOn(asOf) switch
        {
            RuntimeStatus.UpdateBlocked => $"can no longer be deployed: updates are blocked since {Date(info.UpdateBlocked)}",
            RuntimeStatus.CreateBlocked => $"can no longer be used for new functions since {Date(info.CreateBlocked)}"
                                           + (info.UpdateBlocked is null ? string.Empty : $", and updates are blocked from {Date(info.UpdateBlocked)}"),
            RuntimeStatus.Deprecated => $"is deprecated since {Date(info.Deprecated)}"
                                        + (info.CreateBlocked is null ? string.Empty : $"; creating functions is blocked from {Date(info.CreateBlocked)}"),
            _ => "is supported",
        };
        return $"{name} {status} (as of {Date(asOf)}){successor}";
    }

    public static Fix? FixToSuccessor(RuleContext context, RuntimeInfo info, Setting<string?> runtime)
    {
        if (context.Runtimes.NearestSuccessor(info, context.AsOf)?.Identifier is not { } successor)
        {
            return null;
        }

        var title = $"use runtime {successor}";
        if (runtime.Node is { } node)
        {
            return node.IsEditable() ? context.ReplaceValue(title, node, successor) : null;
        }

        return context.Service.Provider.Node is Spec.Core.Syntax.MappingNode provider
            ? context.AddEntry(title, provider, "runtime", successor)
            : null;
    }

    private static string Until(RuntimeInfo next) =>
        next.Deprecated is { } date ? $" (supported until {Date(date)})" : string.Empty;

    private static string Newest(RuntimeLifecycle runtimes, RuntimeInfo info, RuntimeInfo next) =>
        info.Successor is { } newest && newest != next.Identifier && runtimes.Find(newest)?.Family == next.Family
            ? $" or the newest, '{newest}'"
            : string.Empty;

    private static string SourceNoteText(this Setting<string?> runtime) =>
        runtime.Source == SettingSource.Provider ? " (set on provider)" : string.Empty;

    private static string Date(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "an unknown date";
}
