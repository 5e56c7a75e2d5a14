using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;

namespace AeSweep.Cluster;

/// <summary>
/// A grain's outbox of sweep events: changes are collected while the grain works and sent to the
/// <see cref="ISweepEventHubGrain"/> as one one-way batch shortly after the first of them (or at once when the batch is
/// full, or when the grain deactivates). Recording an event is a list append, so publishing never slows dispatch;
/// epoch events of one trial within a batch are coalesced to the latest.
/// </summary>
internal sealed class SweepEventBuffer(Grain grain, IGrainFactory grains, TimeProvider time)
{
    /// <summary>How long the first change of a batch waits for others.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    private const int MaxBatch = 1000;

    private List<SweepEvent> _pending = [];
    private IGrainTimer? _flush;

    public void SweepChanged(string sweepId, SweepEventKind kind, string state) => Add(new SweepEvent(sweepId, null, kind, state, time.GetUtcNow()));

    public void TrialChanged(string sweepId, string trialId, SweepEventKind kind, TrialState state, int? epoch = null)
    {
        if (kind == SweepEventKind.TrialEpoch && _pending.FindLastIndex(e => e.TrialId == trialId && e.Kind == SweepEventKind.TrialEpoch) is var last and >= 0)
        {
            _pending.RemoveAt(last);
        }

        Add(new SweepEvent(sweepId, trialId, kind, StateName(state), time.GetUtcNow(), epoch));
    }

    /// <summary>Sends what is pending now (a deactivating grain).</summary>
    public void Flush()
    {
        _flush?.Dispose();
        _flush = null;
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending;
        _pending = [];
        // One-way: the task is complete as soon as the message is queued.
        _ = grains.GetGrain<ISweepEventHubGrain>(0).PublishAsync(batch);
    }

    /// <summary>A state in the API's spelling.</summary>
    public static string StateName<TState>(TState state) where TState : struct, Enum => state.ToString().ToLowerInvariant();

    private void Add(SweepEvent change)
    {
        _pending.Add(change);
        if (_pending.Count >= MaxBatch)
        {
            Flush();
        }
        else
        {
            _flush ??= grain.RegisterGrainTimer(_ => { Flush(); return Task.CompletedTask; }, new GrainTimerCreationOptions(Delay, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
    }
}
