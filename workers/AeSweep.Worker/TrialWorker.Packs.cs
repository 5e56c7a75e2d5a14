using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Worker.Runners;
using Microsoft.Extensions.Logging;

namespace AeSweep.Worker;

// A slot training a fused pack (execution.fuse): one training call for all members, one lease, reporter and report each.
public sealed partial class TrialWorker
{
    /// <summary>Whether this worker trains built-in models, and so may fuse them.</summary>
    private bool CanFuse => runners.Any(r => r is BuiltInTrialRunner);

    private void RunPack(List<(TrialAssignment Assignment, CancellationTokenSource Cancellation)> members, Slot slot, CancellationToken stoppingToken)
    {
        var training = members[0].Assignment.Training;
        var coordinators = members.Select(m => grains.GetGrain<ISweepCoordinatorGrain>(m.Assignment.SweepId)).ToList();
        var contexts = members.Select((m, i) => new TrialRunContext(
            m.Assignment,
            Program: null,
            Path.Combine(Options.ArtifactRoot, m.Assignment.SweepId, m.Assignment.Lease.TrialId),
            Options.Device,
            Options.EffectiveThreadsPerTrial,
            new CoordinatorReporter(coordinators[i], m.Assignment.Lease, Options.CoordinatorPatience, seconds => WorkerMetrics.EpochFinished(Options, seconds), m.Cancellation.Token))).ToList();
        logger.LogInformation("Pack of {Count} trials of sweep {SweepId} starting on one slot: {Members}", members.Count, members[0].Assignment.SweepId,
            string.Join(", ", members.Select(m => $"{m.Assignment.Lease.TrialId} (#{m.Assignment.Number}, attempt {m.Assignment.Lease.Attempt})")));

        // budget.max_trial_minutes holds for the pack as for a lone trial: the members train together, so the pack's
        // wall-clock time is each member's.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (training.MaxTrialMinutes is { } minutes)
        {
            limit.CancelAfter(TimeSpan.FromMinutes(minutes));
        }

        IReadOnlyList<TrialRunResult> results;
        try
        {
            results = FusedPackRunner.Run(contexts, limit.Token);
        }
        catch (Exception ex)
        {
            var failed = new TrialRunResult(TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), $"{ex.GetType().Name}: {ex.Message}", 0);
            results = [.. members.Select(_ => failed)];
        }

        var overLimit = limit.IsCancellationRequested && !stoppingToken.IsCancellationRequested;
        var ended = new List<int>();
        for (var i = 0; i < members.Count; i++)
        {
            var (assignment, cancellation) = members[i];
            var result = results[i];
            if (overLimit && ReferenceEquals(result, TrialRunResult.Abandoned) && !cancellation.IsCancellationRequested)
            {
                result = new TrialRunResult(TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), TrialTimeLimit.Reason(training.MaxTrialMinutes!.Value), 0);
                results = [.. results.Select((r, j) => j == i ? result : r)];
            }

            if (ReferenceEquals(result, TrialRunResult.Abandoned) || cancellation.IsCancellationRequested)
            {
                logger.LogInformation("Trial {TrialId} stopped on this worker (lease lost or shutting down)", assignment.Lease.TrialId);
                continue;
            }

            // Reported members leave the heartbeat list first, so a finished member is never mistaken for a lost lease.
            _running.TryRemove(assignment.Lease.TrialId, out _);
            ended.Add(i);
        }

        slot.Release();
        _signal.WorkAvailable();
        foreach (var i in ended)
        {
            ReportEnd(members[i].Assignment, coordinators[i], results[i]);
        }
    }
}
