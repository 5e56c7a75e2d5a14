using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace AeSweep.Cluster;

/// <summary>
/// Hands pending trials to free slots, oldest first across all sweeps (each coordinator keeps at most its
/// max_parallel trials pending or running, so one sweep cannot starve another); renews leases on heartbeats;
/// requeues trials whose leases ran out — a killed or hung worker's trial resumes elsewhere from its checkpoint.
/// </summary>
public sealed class TrialDispatcherGrain(
    ITrialQueue queue,
    IWorkerRegistry workers,
    ISweepRepository sweeps,
    ISweepControlStore control,
    IOptions<SchedulingOptions> scheduling,
    TimeProvider time,
    ILogger<TrialDispatcherGrain> logger) : Grain, ITrialDispatcherGrain
{
    // Each sweep's training spec, built once from its stored definition: assignments carry it, not the file text.
    private readonly Dictionary<string, TrainingSpec> _trainingBySweep = new(StringComparer.Ordinal);
    private ObserverManager<IWorkerObserver> _observers = null!;
    private SweepEventBuffer _events = null!;

    private SchedulingOptions Options => scheduling.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _observers = new ObserverManager<IWorkerObserver>(Options.HeartbeatInterval * 4, logger);
        _events = new SweepEventBuffer(this, GrainFactory, time);
        this.RegisterGrainTimer(CheckLeasesAsync, new GrainTimerCreationOptions(Options.LeaseCheckInterval, Options.LeaseCheckInterval) { Interleave = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _events.Flush();
        return Task.CompletedTask;
    }

    public async Task RegisterWorkerAsync(WorkerInfo worker, IWorkerObserver observer)
    {
        var devices = worker.Devices.Select((d, i) => new WorkerDevice(d.StartsWith("cuda", StringComparison.Ordinal) ? "cuda" : "cpu", i, d, null)).ToList();
        await workers.RegisterWorkerAsync(new WorkerRegistration(worker.WorkerId, worker.Host, devices, worker.Slots), CancellationToken.None);
        _observers.Subscribe(observer, observer);
        logger.LogInformation("Worker {WorkerId} on {Host} registered with {Slots} slot(s) on {Devices}", worker.WorkerId, worker.Host, worker.Slots, string.Join(", ", worker.Devices));
    }

    public async Task UnregisterWorkerAsync(string workerId)
    {
        var requeued = await queue.RequeueWorkerTrialsAsync(workerId, "worker shut down", CancellationToken.None);
        await workers.MarkWorkerOfflineAsync(workerId, CancellationToken.None);
        await ReportAttemptsSpentAsync(requeued);
        if (requeued.Count > 0)
        {
            _observers.Notify(o => o.WorkAvailable());
        }
    }

    public async Task<List<TrialAssignment>> LeaseTrialsAsync(string workerId, int freeSlots)
    {
        if (freeSlots < 1)
        {
            return [];
        }

        // One store call (one statement) for all the worker's free slots, oldest pending trials first.
        var claimed = await queue.ClaimPendingTrialsAsync(workerId, freeSlots, Options.LeaseDuration, CancellationToken.None);
        return await AssignAsync(workerId, claimed);
    }

    public async Task<List<PendingTrial>> PendingTrialsAsync(string sweepId, int maxCount)
    {
        if (maxCount < 1)
        {
            return [];
        }

        var pending = await queue.PendingTrialsOfSweepAsync(sweepId, maxCount, CancellationToken.None);
        return [.. pending.Select(t => new PendingTrial(t.Id, t.Number, t.Parameters.ToDictionary(StringComparer.Ordinal), t.CheckpointPath))];
    }

    public async Task<List<TrialAssignment>> LeaseTrialsByIdAsync(string workerId, List<string> trialIds)
    {
        // A draining worker leases nothing new (the batched claim checks the flag in its own statement).
        if (await control.IsWorkerDrainingAsync(workerId, CancellationToken.None))
        {
            return [];
        }

        // A pack has at most execution.fuse members, so one guarded start per trial is cheap; a refused start (another
        // worker was quicker) just leaves that trial out of the pack.
        var claimed = new List<TrialSnapshot>(trialIds.Count);
        foreach (var trialId in trialIds.Distinct(StringComparer.Ordinal))
        {
            var change = await queue.StartTrialAsync(trialId, workerId, Options.LeaseDuration, CancellationToken.None);
            if (change.Applied && change.Trial is { } trial)
            {
                claimed.Add(trial);
            }
        }

        return await AssignAsync(workerId, claimed);
    }

    /// <summary>Assignments for trials just claimed by <paramref name="workerId"/>, and their "started" events.</summary>
    private async Task<List<TrialAssignment>> AssignAsync(string workerId, IReadOnlyList<TrialSnapshot> claimed)
    {
        var assignments = new List<TrialAssignment>(claimed.Count);
        var now = DateTimeOffset.UtcNow;
        foreach (var trial in claimed)
        {
            DispatchMetrics.RecordLease(workerId, trial.Attempt, trial.CreatedAt, now);
            assignments.Add(new TrialAssignment(
                new TrialLeaseToken(trial.Id, workerId, trial.Attempt),
                trial.SweepId,
                trial.Number,
                trial.Parameters.ToDictionary(StringComparer.Ordinal),
                await TrainingFor(trial.SweepId),
                trial.CheckpointPath,
                trial.CheckpointEpoch));
        }

        foreach (var assignment in assignments)
        {
            _events.TrialChanged(assignment.SweepId, assignment.Lease.TrialId, SweepEventKind.TrialStarted, TrialState.Running);
        }

        return assignments;
    }

    public async Task<List<string>> HeartbeatAsync(string workerId, List<TrialLeaseToken> running, IWorkerObserver observer)
    {
        _observers.Subscribe(observer, observer);
        await workers.RecordWorkerHeartbeatAsync(workerId, CancellationToken.None);
        if (running.Count == 0)
        {
            return [];
        }

        // Every lease of the heartbeat in one unit of work.
        var changes = await queue.RenewLeasesAsync([.. running.Select(l => new TrialLease(l.TrialId, l.WorkerId, l.Attempt))], Options.LeaseDuration, CancellationToken.None);
        return [.. changes.Where(c => !c.Applied).Select(c => c.TrialId)];
    }

    public async Task<bool> HandBackTrialAsync(TrialLeaseToken lease, string reason)
    {
        var requeued = await queue.HandBackTrialAsync(new TrialLease(lease.TrialId, lease.WorkerId, lease.Attempt), reason, CancellationToken.None);
        await ReportAttemptsSpentAsync(requeued);
        if (requeued.Count == 0)
        {
            return false;
        }

        logger.LogInformation("Worker {WorkerId} handed back trial {TrialId} ({Reason})", lease.WorkerId, lease.TrialId, reason);
        _observers.Notify(o => o.WorkAvailable());
        return true;
    }

    public async Task ReportDeviceMemoryAsync(string workerId, List<DeviceMemoryReport> devices)
    {
        var inventory = devices.Select((d, i) => new WorkerDevice(
            d.Device.StartsWith("cuda", StringComparison.Ordinal) ? "cuda" : "cpu", i, d.Device, d.TotalBytes, d.UsedBytes)).ToList();
        await workers.RecordWorkerDevicesAsync(workerId, inventory, CancellationToken.None);
    }

    public async Task<bool> SetDrainingAsync(string workerId, bool draining)
    {
        if (await control.SetWorkerDrainingAsync(workerId, draining, CancellationToken.None) is null)
        {
            return false;
        }

        if (!draining)
        {
            _observers.Notify(o => o.WorkAvailable());
        }

        return true;
    }

    public Task NotifyWorkAvailableAsync()
    {
        _observers.Notify(o => o.WorkAvailable());
        return Task.CompletedTask;
    }

    private async Task CheckLeasesAsync(CancellationToken cancellationToken)
    {
        var requeued = await queue.RequeueExpiredLeasesAsync(cancellationToken);
        foreach (var trial in requeued.Where(t => t.State == TrialState.Pending))
        {
            logger.LogWarning("Trial {TrialId} (sweep {SweepId}) lost its worker {WorkerId}; requeued as attempt {Attempt}, resuming from epoch {CheckpointEpoch}",
                trial.TrialId, trial.SweepId, trial.PreviousWorkerId, trial.Attempt, trial.CheckpointEpoch);
        }

        await ReportAttemptsSpentAsync(requeued);

        await workers.MarkSilentWorkersOfflineAsync(Options.LeaseDuration, cancellationToken);
        if (requeued.Count > 0)
        {
            _observers.Notify(o => o.WorkAvailable());
        }
    }

    /// <summary>Publishes the requeues; trials failed on their last attempt go to their coordinators, which suggest what comes next.</summary>
    private async Task ReportAttemptsSpentAsync(IReadOnlyList<RequeuedTrial> requeued)
    {
        foreach (var trial in requeued)
        {
            _events.TrialChanged(trial.SweepId, trial.TrialId, trial.State == TrialState.Pending ? SweepEventKind.TrialRequeued : SweepEventKind.TrialFinished, trial.State);
        }

        foreach (var trial in requeued.Where(t => t.State == TrialState.Failed))
        {
            logger.LogWarning("Trial {TrialId} (sweep {SweepId}) failed: {Reason}", trial.TrialId, trial.SweepId, trial.Reason);
            await GrainFactory.GetGrain<ISweepCoordinatorGrain>(trial.SweepId).TrialFailedOnLostWorkerAsync(trial.TrialId);
        }
    }

    /// <summary>The sweep's training spec, read from the store and converted once per sweep.</summary>
    private async Task<TrainingSpec> TrainingFor(string sweepId)
    {
        if (!_trainingBySweep.TryGetValue(sweepId, out var training))
        {
            var sweep = await sweeps.GetSweepAsync(sweepId, CancellationToken.None) ?? throw new InvalidOperationException($"No sweep {sweepId}");
            training = TrainingSpec.From(SweepStudyFactory.ParseStoredDefinition(sweep), sweep.Seed ?? 0);
            _trainingBySweep[sweepId] = training;
        }

        return training;
    }
}
