using Spec.Core.Diagnostics;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary>
/// One source of one variable, asked for its value: its parameters and address already resolved, the variable's
/// text and where it is used, and the run it belongs to.
/// </summary>
internal sealed class VariableRequest(IResolutionContext run, PropertyUse use, int depth)
{
    /// <summary>The parameters in parentheses (<c>file(x.yml)</c>), resolved; null when there are none.</summary>
    public IReadOnlyList<Node?>? Parameters { get; init; }

    /// <summary>The text after the colon, resolved; null when there is no colon.</summary>
    public string? Address { get; init; }

    /// <summary>The whole variable as written (<c>${env:TOKEN, 'x'}</c>): what messages show instead of a secret.</summary>
    public required string Expression { get; init; }

    /// <summary>Where the value is used; the value found gets this span.</summary>
    public required SourceSpan Span { get; init; }

    public IResolutionContext Run { get; } = run;

    /// <summary>Resolves the variables inside a value the source found (an env value <c>${self:service}</c>).</summary>
    public Node Reresolve(Node value) => Run.Reresolve(value, use, depth);

    /// <summary>Marks a value from a file or the environment, all the way down, so no message echoes it.</summary>
    public Node MarkSensitive(Node value) => SensitiveValues.Mark(value, Expression, Run.Budget);

    /// <summary>The source's failure for a variable written without the address it needs.</summary>
    public static ResolutionFailure MissingAddress(string source) =>
        new($"Missing address argument in variable \"{source}\" source");
}
