using AeSweep.Application.Views;
using AeSweep.Core.Catalog;

namespace AeSweep.Web.Dashboard;

/// <summary>Leaderboard rows from a database page (<see cref="LeaderboardPage"/>), with the same metrics and PCA baseline <see cref="SweepBoard"/> gives.</summary>
public static class LeaderboardRows
{
    /// <summary>
    /// One row: final metrics, or the latest epoch's for a trial that did not complete; the PCA baseline from the trial
    /// itself or, by code size, from <paramref name="pcaByCodeSize"/>.
    /// </summary>
    public static LeaderboardRow From(LeaderboardTrial trial, IReadOnlyDictionary<string, double> pcaByCodeSize)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(pcaByCodeSize);
        var record = trial.Trial;
        var metrics = record.FinalMetrics is { Count: > 0 } final ? final : trial.LatestEpochMetrics ?? new Dictionary<string, double>();
        var pca = metrics.TryGetValue(MetricNames.PcaValidationMse, out var own) ? own
            : record.Parameters.TryGetValue(ParameterNames.CodeSize, out var code) && pcaByCodeSize.TryGetValue(code.ToString(), out var shared) ? shared
            : (double?)null;
        var planned = record.Parameters.TryGetValue(ParameterNames.Epochs, out var e) && e.IsNumeric ? (int)e.AsDouble() : (int?)null;
        return new LeaderboardRow(record, metrics, trial.EpochsRun, planned, pca);
    }
}
