using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;
using AeSweep.Application.Views;

namespace AeSweep.Application;

/// <summary>
/// Everything a host may read: the sweep list (plain, or with progress and best), a sweep's detail and overview,
/// trial pages sorted, filtered and paged by the store, a trial with its epochs and artifacts, workers, artifact
/// look-ups and exports. Answers are the API's contract records; null means "no such sweep/trial".
/// </summary>
public interface ISweepQueries
{
    /// <summary>Sweeps, newest first (<c>GET /api/sweeps</c>).</summary>
    Task<PageView<SweepView>> ListSweepsAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>Sweeps, newest first, each with its budget, trial counts per state and best trial (the dashboard's list).</summary>
    Task<PageView<SweepProgressView>> ListSweepProgressAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>Pending and running sweeps, oldest first: what a restarted process resumes.</summary>
    Task<IReadOnlyList<SweepView>> ListUnfinishedSweepsAsync(CancellationToken cancellationToken);

    /// <summary>One sweep with its budget and trial counts per state (<c>GET /api/sweeps/{id}</c>).</summary>
    Task<SweepDetailView?> GetSweepAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>One sweep with its budget, trial counts per state and best trial (what a progress display polls).</summary>
    Task<SweepProgressView?> GetSweepProgressAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>
    /// The sweep's stored definition, read back (null when the sweep does not exist or its definition cannot be
    /// read): what a resumed sweep runs.
    /// </summary>
    Task<SweepDefinition?> GetDefinitionAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>One sweep with a summary of its definition, budget, counts and best trial (the dashboard's sweep page).</summary>
    Task<SweepOverview?> GetSweepOverviewAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>A page of a sweep's trials, sorted, filtered and paged in the store; null when the sweep does not exist.</summary>
    Task<PageView<TrialView>?> ListTrialsAsync(string sweepId, TrialPageRequest request, CancellationToken cancellationToken);

    /// <summary>One trial with its per-epoch metrics and artifacts.</summary>
    Task<TrialDetailView?> GetTrialAsync(string trialId, CancellationToken cancellationToken);

    /// <summary>The completed trial with the best objective, with its epochs and artifacts; null when there is none yet.</summary>
    Task<TrialDetailView?> GetBestTrialAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>Every worker that registered.</summary>
    Task<WorkerListView> ListWorkersAsync(CancellationToken cancellationToken);

    /// <summary>A trial's artifact by name: the stored row that says where its file is, or which part was not found.</summary>
    Task<ArtifactLookup> FindArtifactAsync(string trialId, string name, CancellationToken cancellationToken);

    /// <summary>Every trial of a sweep as one CSV (RFC 4180) or JSON file; null when the sweep does not exist.</summary>
    Task<SweepExportFile?> ExportAsync(string sweepId, ExportFormat format, CancellationToken cancellationToken);

    /// <summary>
    /// Everything a sweep's analysis draws (every trial with parameters and final metrics, every trial's epochs, the
    /// definition's design) in one store read; null when the sweep does not exist.
    /// </summary>
    Task<SweepAnalysis?> GetSweepAnalysisAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>One trial with typed parameters, its epochs, its artifacts and its sweep's name (the dashboard's trial and compare pages).</summary>
    Task<TrialRecordDetail?> GetTrialRecordAsync(string trialId, CancellationToken cancellationToken);

    /// <summary>Every running trial of every unfinished sweep with the latest epoch it reported (the cluster page).</summary>
    Task<IReadOnlyList<RunningTrialRecord>> ListRunningTrialsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The sweep's seed-robust finalists (<c>finalize:</c>) with their runs, mean and sample std, ranked by the mean of
    /// the sweep's metric (<c>GET /api/sweeps/{id}/finalists</c>); null when the sweep does not exist.
    /// </summary>
    Task<FinalistListView?> GetFinalistsAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the dashboard's leaderboard: trials sorted by any column (metric and parameter values included),
    /// filtered by states, value ranges and search text, and paged, all in the database; null when the sweep does not exist.
    /// </summary>
    Task<LeaderboardPage?> ListLeaderboardAsync(string sweepId, LeaderboardRequest request, CancellationToken cancellationToken);
}
