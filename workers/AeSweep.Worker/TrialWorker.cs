using System.Collections.Concurrent;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;
using AeSweep.Worker.Devices;
using AeSweep.Worker.Runners;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AeSweep.Worker;

/// <summary>
/// A worker's main loop: registers its slots, leases trials when slots are free (woken by the dispatcher's notice
/// or a short poll), trains each on a dedicated thread (never on Orleans' scheduler), renews leases with
/// heartbeats, and stops trials it no longer holds (a stopped trial first writes its last epoch end's checkpoint). On
/// shutdown its running trials write that checkpoint and go back to pending. A slot trains one trial, or a fused pack
/// of trials of one sweep with one architecture (execution.fuse; see <see cref="TrialPacks"/>) whose members keep
/// their own leases, reports and results.
/// On a CUDA device, trials are packed by
/// memory (<see cref="DeviceMemoryBudget"/>): leased one at a time, each admitted by its estimate within
/// <see cref="WorkerOptions.GpuMemoryFraction"/> of the free memory, and one that runs out of memory beside others goes
/// back to pending with fewer neighbours instead of failing.
/// </summary>
public sealed partial class TrialWorker(
    IGrainFactory grains,
    IEnumerable<ITrialRunner> runners,
    ProgramPolicy programs,
    IOptions<WorkerOptions> options,
    IDeviceMemoryProbe memoryProbe,
    ILogger<TrialWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, RunningTrial> _running = new(StringComparer.Ordinal);
    private readonly WorkAvailableSignal _signal = new();
    private int _busySlots;

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }
    private IWorkerObserver? _observer;
    private DeviceMemoryBudget? _memory;

    private WorkerOptions Options => options.Value;

    private ITrialDispatcherGrain Dispatcher => grains.GetGrain<ITrialDispatcherGrain>(0);

    /// <summary>Trials this worker is training now.</summary>
    public int RunningCount => _running.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _observer = grains.CreateObjectReference<IWorkerObserver>(_signal);
        _memory = Options.IsCuda ? new DeviceMemoryBudget(memoryProbe, Options.Device.Trim().ToLowerInvariant(), Options.GpuMemoryFraction) : null;
        var info = new WorkerInfo(Options.WorkerId, Environment.MachineName, Options.Slots, [Options.Device]);
        await RetryAsync(() => Dispatcher.RegisterWorkerAsync(info, _observer), stoppingToken);
        WorkerMetrics.Registered(Options);
        logger.LogInformation("Worker {WorkerId}: {Slots} slot(s) on {Device}, {Threads} thread(s) per trial", Options.WorkerId, Options.Slots, Options.Device, Options.EffectiveThreadsPerTrial);
        await ReportDeviceMemoryAsync(announce: true);

        using var heartbeat = new PeriodicTimer(Options.HeartbeatInterval);
        var heartbeats = HeartbeatLoopAsync(heartbeat, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var free = Options.Slots - Volatile.Read(ref _busySlots);
                if (_memory is not null)
                {
                    free = _memory.LeasableNow(free);
                }

                if (free > 0)
                {
                    List<TrialAssignment> assignments;
                    try
                    {
                        assignments = Options.SweepId is { } sweepId
                            ? await LeaseFromSweepAsync(sweepId, free)
                            : await Dispatcher.LeaseTrialsAsync(Options.WorkerId, free);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning(ex, "Worker {WorkerId}: leasing failed; retrying", Options.WorkerId);
                        assignments = [];
                    }

                    // Without fusion every trial is a pack of one and nothing else is asked of the dispatcher.
                    var packs = assignments.Count == 0 ? [] : await TrialPacks.FormAsync(assignments, Dispatcher, Options, CanFuse, logger);
                    foreach (var pack in packs)
                    {
                        if (_memory is not null)
                        {
                            // Each member is admitted by its estimate; one that does not fit beside the trials running now
                            // goes back to pending (for this worker once one ends, or for another).
                            var admitted = new List<TrialAssignment>(pack.Count);
                            foreach (var assignment in pack)
                            {
                                if (_memory.TryAdmit(assignment.Lease.TrialId, EstimateDeviceMemory(assignment)))
                                {
                                    admitted.Add(assignment);
                                }
                                else
                                {
                                    await HandBackAsync(assignment.Lease, "waiting for GPU memory");
                                }
                            }

                            if (admitted.Count == 0)
                            {
                                continue;
                            }

                            Start(admitted, stoppingToken);
                            // Trials are leased one at a time on a GPU: ask again at once while more may fit.
                            _signal.WorkAvailable();
                            continue;
                        }

                        Start(pack, stoppingToken);
                    }
                }

                await _signal.WaitAsync(Options.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await heartbeats;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var trial in _running.Values)
        {
            await trial.Cancellation.CancelAsync();
        }

        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_running.Values.Select(t => t.Completion)).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        try
        {
            await Dispatcher.UnregisterWorkerAsync(Options.WorkerId).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("Worker {WorkerId}: could not unregister ({Message}); its leases will expire", Options.WorkerId, ex.Message);
        }
    }

    private void Start(List<TrialAssignment> pack, CancellationToken stoppingToken)
    {
        // Each member has its own cancellation: a lost lease stops that member alone.
        var members = pack.Select(a => (Assignment: a, Cancellation: CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))).ToList();
        var slot = new Slot(this);
        Interlocked.Increment(ref _busySlots);
        WorkerMetrics.TrialStarted(Options);
        // Registered before it starts: a trial that ends at once must not find itself missing from the running set,
        // or its slot would stay taken forever.
        var completion = new Task(
            () =>
            {
                if (members.Count == 1)
                {
                    RunTrial(members[0].Assignment, slot, members[0].Cancellation.Token);
                }
                else
                {
                    RunPack(members, slot, stoppingToken);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning);
        var entries = members.Select(m => new RunningTrial(m.Assignment, m.Cancellation, completion)).ToList();
        foreach (var entry in entries)
        {
            _running[entry.Assignment.Lease.TrialId] = entry;
        }

        completion.Start(TaskScheduler.Default);
        completion.ContinueWith(
            _ =>
            {
                foreach (var entry in entries)
                {
                    // Only this entry: the trial may have been requeued and leased to this worker again meanwhile.
                    _running.TryRemove(KeyValuePair.Create(entry.Assignment.Lease.TrialId, entry));
                    _memory?.Release(entry.Assignment.Lease.TrialId);
                    entry.Cancellation.Dispose();
                }

                slot.Release();
                _signal.WorkAvailable();
            },
            TaskScheduler.Default);
    }

    /// <summary>An agent's lease: pending trials of its one sweep, claimed by id (another worker may claim some first).</summary>
    private async Task<List<TrialAssignment>> LeaseFromSweepAsync(string sweepId, int free)
    {
        var pending = await Dispatcher.PendingTrialsAsync(sweepId, free);
        return pending.Count == 0 ? [] : await Dispatcher.LeaseTrialsByIdAsync(Options.WorkerId, [.. pending.Select(p => p.TrialId)]);
    }

    private void RunTrial(TrialAssignment assignment, Slot slot, CancellationToken cancellationToken)
    {
        var lease = assignment.Lease;
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(assignment.SweepId);
        TrialRunResult result;
        try
        {
            var training = assignment.Training;
            var directory = Path.Combine(Options.ArtifactRoot, assignment.SweepId, lease.TrialId);
            var context = new TrialRunContext(assignment, training.Program, directory, Options.Device, Options.EffectiveThreadsPerTrial, new CoordinatorReporter(coordinator, lease, Options.CoordinatorPatience, seconds => WorkerMetrics.EpochFinished(Options, seconds), cancellationToken));
            var runner = runners.FirstOrDefault(r => r.CanRun(context))
                ?? throw new InvalidOperationException(training.Program is null ? "this worker has no trainer for built-in models" : "this worker cannot run programs");
            logger.LogInformation("Trial {TrialId} (#{Number}, attempt {Attempt}) starting{Resume}", lease.TrialId, assignment.Number, lease.Attempt,
                assignment.CheckpointEpoch is { } epoch ? $" from checkpoint epoch {epoch}" : string.Empty);
            // This worker's own policy decides, whatever the submitting server allowed: a refused program never starts,
            // and an allowed one starts from the very path that was checked.
            result = programs.Refusal(training.Program) is { } refusal
                ? new TrialRunResult(TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), refusal, 0)
                : TrialTimeLimit.Run(runner, training.Program is { } program ? context with { Program = programs.Pinned(program) } : context, training.MaxTrialMinutes, cancellationToken);
        }
        catch (Exception ex)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            result = CudaOutOfMemory.IsCause(ex)
                ? TrialRunResult.DeviceOutOfMemory(reason, 0)
                : new TrialRunResult(TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), reason, 0);
        }

        if (ReferenceEquals(result, TrialRunResult.Abandoned) || cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Trial {TrialId} stopped on this worker (lease lost or shutting down)", lease.TrialId);
            return;
        }

        if (result.OutOfDeviceMemory && _memory is not null && _memory.RecordOutOfMemory(lease.TrialId))
        {
            // It may fit with fewer neighbours: back to pending (resuming from its checkpoint), not a failure.
            _running.TryRemove(lease.TrialId, out _);
            logger.LogWarning("Trial {TrialId} ran out of GPU memory on {Device}; requeued, at most {Limit} trial(s) side by side from now on", lease.TrialId, Options.Device, _memory.PackLimit);
            HandBackAsync(lease, "CUDA out of memory beside other trials; requeued with fewer neighbours").GetAwaiter().GetResult();
            _signal.WorkAvailable();
            return;
        }

        // Reported trials leave the heartbeat list first, so a finished trial is never mistaken for a lost lease.
        _running.TryRemove(lease.TrialId, out _);
        // The slot is free once training ends: leasing the next trial overlaps this report instead of waiting for it
        // (the report is bookkeeping, retried on its own; dispatch would otherwise pay both round trips per trial).
        slot.Release();
        _signal.WorkAvailable();
        ReportEnd(assignment, coordinator, result);
    }

    /// <summary>Reports a trial's end to its coordinator (retried; if it never gets through, the lease expires and the trial resumes elsewhere).</summary>
    private void ReportEnd(TrialAssignment assignment, ISweepCoordinatorGrain coordinator, TrialRunResult result)
    {
        var lease = assignment.Lease;
        // Sizes are read here, on the disk the trial wrote to: the coordinator stores what the worker reports.
        var artifacts = result.Artifacts.Select(a => ReportedArtifact.Describe(a.Key, a.Value, Options.ArtifactRoot)).ToList();
        var completion = new TrialCompletion(lease, result.State, result.Metrics.ToDictionary(StringComparer.Ordinal), artifacts, ReasonLimit.ApplyOrNull(result.Reason), result.EpochsRun);
        try
        {
            ClusterCall.WithRetries(async () => { await coordinator.CompleteTrialAsync(completion); return true; }, Options.CoordinatorPatience, CancellationToken.None).GetAwaiter().GetResult();
            logger.LogInformation("Trial {TrialId} {TrialState} after {Epochs} epoch(s){Reason}", lease.TrialId, result.State.ToString().ToLowerInvariant(), result.EpochsRun,
                result.Reason is null ? string.Empty : $": {result.Reason}");
        }
        catch (Exception ex)
        {
            // The lease will expire and the trial will be retried from its checkpoint: nothing is lost.
            logger.LogWarning(ex, "Trial {TrialId}: could not report its end", lease.TrialId);
        }
    }

    private async Task HeartbeatLoopAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var leases = _running.Values.Select(t => t.Assignment.Lease).ToList();
                    var lost = await Dispatcher.HeartbeatAsync(Options.WorkerId, leases, _observer!);
                    foreach (var trialId in lost)
                    {
                        if (_running.TryGetValue(trialId, out var trial))
                        {
                            logger.LogWarning("Trial {TrialId}: this worker no longer holds it; stopping", trialId);
                            await trial.Cancellation.CancelAsync();
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Worker {WorkerId}: heartbeat failed ({Message})", Options.WorkerId, ex.Message);
                }

                await ReportDeviceMemoryAsync(announce: false);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task<bool> HandBackAsync(TrialLeaseToken lease, string reason)
    {
        try
        {
            return await ClusterCall.WithRetries(() => Dispatcher.HandBackTrialAsync(lease, reason), Options.CoordinatorPatience, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease expires and the trial is requeued then (counted as a lost worker): slower, never lost.
            logger.LogWarning(ex, "Trial {TrialId}: could not hand it back", lease.TrialId);
            return false;
        }
    }

    private long EstimateDeviceMemory(TrialAssignment assignment)
    {
        try
        {
            return TrialDeviceMemory.Estimate(assignment);
        }
        catch (ArgumentException)
        {
            // Parameters the trainer will refuse: the trial fails at once, holding nothing.
            return 0;
        }
    }

    /// <summary>On a CUDA device: the memory in use and total, for /api/workers and the cluster page.</summary>
    private async Task ReportDeviceMemoryAsync(bool announce)
    {
        if (_memory is null)
        {
            return;
        }

        try
        {
            var memory = await Task.Run(_memory.Read);
            if (announce)
            {
                logger.LogInformation("Worker {WorkerId}: {Device} has {Free:0.0} of {Total:0.0} GiB free; trials may reserve {Fraction:P0} of the free memory",
                    Options.WorkerId, Options.Device, memory?.FreeBytes / (double)(1 << 30), memory?.TotalBytes / (double)(1 << 30), Options.GpuMemoryFraction);
                if (memory is null)
                {
                    logger.LogWarning("Worker {WorkerId}: the memory of {Device} cannot be read (nvidia-smi missing?); packing by --slots alone", Options.WorkerId, Options.Device);
                }
            }

            if (memory is not null)
            {
                await Dispatcher.ReportDeviceMemoryAsync(Options.WorkerId, [new DeviceMemoryReport(Options.Device, memory.UsedBytes, memory.TotalBytes)]);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Worker {WorkerId}: device memory not reported", Options.WorkerId);
        }
    }

    private async Task RetryAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < 30)
            {
                logger.LogInformation("Worker {WorkerId}: cluster not reachable yet ({Message}); retrying", Options.WorkerId, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private sealed record RunningTrial(TrialAssignment Assignment, CancellationTokenSource Cancellation, Task Completion);

    /// <summary>One busy slot: freed once, when training ends (before the reports) or when its task ends, whichever is first.</summary>
    private sealed class Slot(TrialWorker worker)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref worker._busySlots);
                WorkerMetrics.TrialEnded(worker.Options);
            }
        }
    }
}
