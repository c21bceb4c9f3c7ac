using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary>
/// One kind of variable source: the <c>env</c> of <c>${env:NAME}</c>, the <c>file</c> of <c>${file(x.yml):key}</c>.
/// Sources are registered in <see cref="VariableSources"/>; the resolution run finds them by name.
/// </summary>
internal interface IVariableSource
{
    /// <summary>The name written before the colon (or the parameters): <c>self</c>, <c>strToBool</c>, <c>ssm</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The help of the error when this source finds no value and no fallback follows it; null for the general
    /// "add a fallback" advice.
    /// </summary>
    string? NotFoundHelp { get; }

    /// <summary>
    /// True when only AWS can answer <paramref name="address"/> (<c>${ssm:…}</c>, <c>${aws:accountId}</c>): Spec keeps
    /// such a variable as a deploy-time reference instead of a value.
    /// </summary>
    bool NeedsAws(string? address);

    /// <summary>The value, or null when the source has none (the next fallback is tried); throws a failure on bad input.</summary>
    Node? Resolve(VariableRequest request);
}
