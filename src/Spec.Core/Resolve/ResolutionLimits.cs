namespace Spec.Core.Resolve;

/// <summary>The bounds that keep hostile or runaway variables from running for minutes or overflowing the stack.</summary>
internal static class ResolutionLimits
{
    /// <summary>The Framework's limit on variables resolving to variables (<c>EXCESSIVE_…_NEST_DEPTH</c>).</summary>
    public const int MaxNestDepth = 10;

    /// <summary>Variables evaluated plus nodes copied; hostile input stops here instead of running for minutes.</summary>
    public const int MaxWork = 500_000;

    /// <summary>
    /// Properties being resolved at once (a chain of references plus the nesting of each value). Bounds the
    /// recursion so that a long chain of <c>${self:…}</c> cannot overflow the stack.
    /// </summary>
    public const int MaxActiveProperties = 500;

    /// <summary>Depth of the resolved tree; bounds every later recursive pass (print, bind).</summary>
    public const int MaxResolvedDepth = 512;
}
