namespace AeSweep.Application.Views;

/// <summary>
/// What the stored definition says that views need: the search method, the trial budget, the parameters in the
/// sweep file's order, which of them are constants, which are searched on a log scale, and the sampler in words.
/// <c>AnomalyClasses</c>: the classes the dataset holds out as anomalies, or null.
/// </summary>
public sealed record SweepDesign(
    string Method,
    int? MaxTrials,
    IReadOnlyList<string> Parameters,
    IReadOnlySet<string> Constants,
    IReadOnlySet<string> LogScale,
    string Sampler,
    IReadOnlyList<int>? AnomalyClasses = null)
{
    /// <summary>No trial limit and no time limit (W&amp;B's habit): the sweep runs until cancelled.</summary>
    public bool RunsUntilCancelled { get; init; }

    /// <summary>
    /// The listed values of each <c>values:</c> parameter, in the sweep file's order: charts give these parameters
    /// categorical axes with exactly these ticks.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AeSweep.Core.Search.ParameterValue>> Choices { get; init; } =
        new Dictionary<string, IReadOnlyList<AeSweep.Core.Search.ParameterValue>>(StringComparer.Ordinal);
}
