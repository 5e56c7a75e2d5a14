using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// A warm-started sweep's import (<c>warm_start:</c>): the earlier sweeps it names, how many of their finished trials
/// inform its sampler, how many finished trials did not fit (outside the space, breaking a constraint, another metric)
/// and notes on whole sweeps left out. The imported trials are not the sweep's trials and appear in no count.
/// </summary>
public sealed record WarmStartView(
    [property: JsonPropertyName("from_sweeps")] IReadOnlyList<string> FromSweeps,
    [property: JsonPropertyName("imported_trials")] int ImportedTrials,
    [property: JsonPropertyName("skipped")] int Skipped,
    [property: JsonPropertyName("notes")] IReadOnlyList<string> Notes)
{
    /// <summary>"12 trials imported from k3x9q2m4tp, 7ab… (3 skipped)", for the page and the command line.</summary>
    public string Describe() =>
        $"{ImportedTrials} trial{(ImportedTrials == 1 ? "" : "s")} imported from {string.Join(", ", FromSweeps)}" +
        (Skipped > 0 ? $" ({Skipped} skipped: outside this space, breaking a constraint or ranked by another metric)" : "");
}
