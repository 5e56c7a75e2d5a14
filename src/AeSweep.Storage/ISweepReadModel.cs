using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>
/// What the dashboard, the API and the CLI show: pages and summaries computed in the database (a fixed number of
/// statements per call, never one per row). Read-only; never on the dispatch path.
/// </summary>
public interface ISweepReadModel
{
    /// <summary>One sweep; null when not found.</summary>
    Task<SweepSnapshot?> GetSweepAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>Sweeps, newest first.</summary>
    Task<Page<SweepSnapshot>> ListSweepsAsync(int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Sweeps, newest first, each with its trial counts per state and its best completed trial, in one store call
    /// (a fixed number of statements whatever the page size; the same values <see cref="CountTrialsByStateAsync"/> and <see cref="GetBestTrialAsync"/> give per sweep).
    /// </summary>
    Task<Page<SweepOverview>> ListSweepOverviewsAsync(int offset, int limit, CancellationToken cancellationToken);

    /// <summary>One sweep with its trial counts per state and its best completed trial; null when not found.</summary>
    Task<SweepOverview?> GetSweepOverviewAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>
    /// Every running trial of a pending or running sweep, with its sweep's name and its latest reported epoch, in one
    /// statement (no epoch rows are loaded); oldest sweep first, then by trial number.
    /// </summary>
    Task<IReadOnlyList<RunningTrial>> ListRunningTrialsAsync(CancellationToken cancellationToken);

    /// <summary>How many of a sweep's trials are in each state (every state present, zeros included).</summary>
    Task<IReadOnlyDictionary<TrialState, int>> CountTrialsByStateAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>The completed trial with the best value of the sweep's ranking metric; null when there is none.</summary>
    Task<TrialSnapshot?> GetBestTrialAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>One page of a sweep's trials, filtered by state and sorted in the database.</summary>
    Task<Page<TrialSnapshot>> ListTrialsAsync(string sweepId, TrialQuery query, CancellationToken cancellationToken);

    /// <summary>One trial; null when not found.</summary>
    Task<TrialSnapshot?> GetTrialAsync(string trialId, CancellationToken cancellationToken);

    /// <summary>A trial with its epoch metrics and artifacts; null when not found.</summary>
    Task<TrialDetail?> GetTrialDetailAsync(string trialId, CancellationToken cancellationToken);

    /// <summary>Every registered worker.</summary>
    Task<IReadOnlyList<WorkerSnapshot>> ListWorkersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The finalist runs of a sweep (<c>finalize:</c>) and the search trials they retrain, in number order; empty when
    /// the sweep has none.
    /// </summary>
    Task<IReadOnlyList<TrialSnapshot>> ListFinalistTrialsAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>
    /// A sweep and every one of its trials in number order, without epochs (the dashboard's analysis of a large sweep
    /// reads epochs only for the trials it draws); null when not found.
    /// </summary>
    Task<SweepTrials?> ListAllTrialsAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>The epoch metrics of the given trials in epoch order, keyed by trial id (trials without epochs are absent).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>>> GetEpochMetricsAsync(IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken);

    /// <summary>For each of the given trials that reported epochs: how many, and the latest one's metrics (no epoch rows leave the database).</summary>
    Task<IReadOnlyDictionary<string, EpochSummary>> GetEpochSummariesAsync(IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken);
}
