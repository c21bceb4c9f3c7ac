using Spec.Core.Syntax;

namespace Spec.Core.Resolve;

/// <summary>
/// Marks the values that are the deploy's stage or region (<see cref="OpenPart"/>): what a variable gives whose first
/// source is the stage (<c>${sls:stage}</c>, <c>${opt:stage}</c>) or the region (<c>${aws:region}</c>,
/// <c>${opt:region}</c>), whichever source or fallback gave it. A <c>${self:…}</c> of such a value keeps the mark, as
/// does a string it is part of; a sensitive value is never marked (it must not become a template's default).
/// </summary>
internal static class OpenValues
{
    public static OpenSetting? Of(VariableSyntax variable) => variable.Sources is [var first, ..]
        ? (first.Type, first.Address?.Value?.Text) switch
        {
            ("sls" or "opt", "stage") => OpenSetting.Stage,
            ("aws" or "opt", "region") => OpenSetting.Region,
            _ => null,
        }
        : null;

    public static Node Mark(Node value, OpenSetting? setting) =>
        setting is { } open && value is ScalarNode { Kind: ScalarKind.String, IsSensitive: false, Text.Length: > 0 } s
            ? s with { OpenParts = [new OpenPart(0, s.Text.Length, open)] }
            : value;
}
