using AeSweep.Application.Contracts;
using AeSweep.Application.Queries;
using AeSweep.Core.Definitions;
using AeSweep.Application.Views;

namespace AeSweep.Application;

/// <summary>The queries, each answered by the reader for its purpose (sweeps, trials, workers, artifacts, the dashboard's analysis and cluster views).</summary>
public sealed class SweepQueries(
    SweepReader sweeps,
    TrialReader trials,
    WorkerReader workers,
    ArtifactReader artifacts,
    SweepAnalysisReader analyses,
    TrialRecordReader trialRecords,
    RunningTrialReader runningTrials,
    FinalistReader finalists,
    LeaderboardReader leaderboards) : ISweepQueries
{
    public Task<PageView<SweepView>> ListSweepsAsync(PageRequest page, CancellationToken cancellationToken) => sweeps.ListAsync(page, cancellationToken);

    public Task<PageView<SweepProgressView>> ListSweepProgressAsync(PageRequest page, CancellationToken cancellationToken) => sweeps.ListProgressAsync(page, cancellationToken);

    public Task<IReadOnlyList<SweepView>> ListUnfinishedSweepsAsync(CancellationToken cancellationToken) => sweeps.ListUnfinishedAsync(cancellationToken);

    public Task<SweepDetailView?> GetSweepAsync(string sweepId, CancellationToken cancellationToken) => sweeps.GetAsync(sweepId, cancellationToken);

    public Task<SweepProgressView?> GetSweepProgressAsync(string sweepId, CancellationToken cancellationToken) => sweeps.GetProgressAsync(sweepId, cancellationToken);

    public Task<SweepDefinition?> GetDefinitionAsync(string sweepId, CancellationToken cancellationToken) => sweeps.GetDefinitionAsync(sweepId, cancellationToken);

    public Task<SweepOverview?> GetSweepOverviewAsync(string sweepId, CancellationToken cancellationToken) => sweeps.GetOverviewAsync(sweepId, cancellationToken);

    public Task<PageView<TrialView>?> ListTrialsAsync(string sweepId, TrialPageRequest request, CancellationToken cancellationToken) => trials.ListAsync(sweepId, request, cancellationToken);

    public Task<TrialDetailView?> GetTrialAsync(string trialId, CancellationToken cancellationToken) => trials.GetAsync(trialId, cancellationToken);

    public Task<TrialDetailView?> GetBestTrialAsync(string sweepId, CancellationToken cancellationToken) => trials.GetBestAsync(sweepId, cancellationToken);

    public Task<WorkerListView> ListWorkersAsync(CancellationToken cancellationToken) => workers.ListAsync(cancellationToken);

    public Task<ArtifactLookup> FindArtifactAsync(string trialId, string name, CancellationToken cancellationToken) => artifacts.FindAsync(trialId, name, cancellationToken);

    public Task<SweepExportFile?> ExportAsync(string sweepId, ExportFormat format, CancellationToken cancellationToken) => trials.ExportAsync(sweepId, format, cancellationToken);

    public Task<SweepAnalysis?> GetSweepAnalysisAsync(string sweepId, CancellationToken cancellationToken) => analyses.GetAsync(sweepId, cancellationToken);

    public Task<TrialRecordDetail?> GetTrialRecordAsync(string trialId, CancellationToken cancellationToken) => trialRecords.GetAsync(trialId, cancellationToken);

    public Task<IReadOnlyList<RunningTrialRecord>> ListRunningTrialsAsync(CancellationToken cancellationToken) => runningTrials.ListAsync(cancellationToken);

    public Task<FinalistListView?> GetFinalistsAsync(string sweepId, CancellationToken cancellationToken) => finalists.GetAsync(sweepId, cancellationToken);

    public Task<LeaderboardPage?> ListLeaderboardAsync(string sweepId, LeaderboardRequest request, CancellationToken cancellationToken) => leaderboards.ListAsync(sweepId, request, cancellationToken);
}
