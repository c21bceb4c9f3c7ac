namespace Spec.Core.Syntax;

/// <summary>What a deploy chooses and a spec may leave open: the stage (<c>--stage</c>) or the region (<c>--region</c>).</summary>
public enum OpenSetting
{
    Stage,
    Region,
}

/// <summary>
/// A part of a resolved string (<see cref="Start"/>, <see cref="Length"/> in its text) that is the deploy's stage or
/// region as a variable gave it (<c>${sls:stage}</c>, <c>${opt:stage, 'dev'}</c>, <c>${aws:region}</c>, or a
/// <c>${self:…}</c> of a value that is one): the spec leaves it to the command line. A converter to a format with
/// parameters writes such a part as one (a SAM template's <c>Stage</c> parameter, <c>AWS::Region</c>).
/// </summary>
public sealed record OpenPart(int Start, int Length, OpenSetting Setting);
