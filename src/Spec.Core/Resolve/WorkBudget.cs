namespace Spec.Core.Resolve;

/// <summary>
/// Counts variables evaluated and nodes copied against <see cref="ResolutionLimits.MaxWork"/>. The first property
/// over budget reports it; every later one fails silently, so hostile input gives one diagnostic, not thousands.
/// </summary>
internal sealed class WorkBudget
{
    private int _spent;
    private bool _reported;

    /// <summary>Adds <paramref name="amount"/>; throws once the budget is spent.</summary>
    public void Spend(int amount, IReadOnlyList<string> path)
    {
        _spent += amount;
        if (_spent <= ResolutionLimits.MaxWork)
        {
            return;
        }

        if (_reported)
        {
            throw ResolutionFailure.Silent();
        }

        _reported = true;
        throw new ResolutionFailure(
            $"variable resolution stopped at \"{PropertyPath.Humanize(path)}\": more than {ResolutionLimits.MaxWork:N0} steps (exponential or runaway references?)",
            help: "simplify the references; every later variable is left unresolved");
    }

    /// <summary>Adds work that must finish (marking a value sensitive); the next <see cref="Spend"/> checks it.</summary>
    public void Count(int amount) => _spent += amount;
}
