using System.Globalization;
using Spec.Core.Syntax;

namespace Spec.Core.Resolve.Sources;

/// <summary><c>${sls:stage}</c> and <c>${sls:instanceId}</c>.</summary>
internal sealed class SlsSource : IVariableSource
{
    public string Name => "sls";

    public string? NotFoundHelp => null;

    public bool NeedsAws(string? address) => false;

    public Node? Resolve(VariableRequest request) => request.Address switch
    {
        "stage" => ScalarNode.String(request.Span, request.Run.Stage()) with
        {
            Expression = request.Expression,
            IsSensitive = request.Run.Options.Stage is null && request.Run.Lookup(["provider", "stage"])?.IsSensitive == true,
        },
        "instanceId" => ScalarNode.String(request.Span, InstanceId(request.Run)) with { Expression = request.Expression },
        null or "" => throw VariableRequest.MissingAddress(Name),
        _ => throw new ResolutionFailure($"Unsupported \"{request.Address}\" address argument in variable \"sls\" source"),
    };

    /// <summary>
    /// The Framework uses the start time of the process (13 digits). Spec must be deterministic, so it derives 13
    /// digits from a hash of the config text and the stage: the same spec and stage always give the same id, and any
    /// change to the spec gives a new one (as a new deployment would).
    /// </summary>
    private static string InstanceId(IResolutionContext run)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in run.ConfigText + "\0" + run.Stage())
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (1_000_000_000_000UL + hash % 9_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
    }
}
