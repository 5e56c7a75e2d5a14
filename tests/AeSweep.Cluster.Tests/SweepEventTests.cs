using System.Collections.Concurrent;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Tests;

/// <summary>Sweep and trial changes are pushed from the grains to a subscribed observer, on an in-process cluster.</summary>
public sealed class SweepEventTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_subscriber_hears_trials_added_started_finished_and_the_sweep_finish()
    {
        var observer = new RecordingObserver();
        var reference = _cluster.Grains.CreateObjectReference<ISweepEventObserver>(observer);
        var hub = _cluster.Grains.GetGrain<ISweepEventHubGrain>(0);
        await hub.SubscribeAsync(reference);

        var sweep = await _cluster.SubmitAsync("""
            name: pushed
            program: [python3, train.py]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 2, max_parallel: 1}
            seed: 4
            """);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var trialIds = new List<string>();
        // A no-op worker: lease each trial, report one epoch, complete it.
        for (var i = 0; i < 2; i++)
        {
            var assignment = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1));
            trialIds.Add(assignment.Lease.TrialId);
            await coordinator.ReportEpochAsync(assignment.Lease, 1, new() { ["loss"] = 0.5 });
            await coordinator.CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = 0.5 }, [], null, 1));
        }

        // Coordinator and dispatcher send their own batches: wait for the last of each.
        await observer.WaitForAsync(e => e.Kind == SweepEventKind.SweepFinished && e.SweepId == sweep.Id);
        await observer.WaitForAsync(e => e.Kind == SweepEventKind.TrialStarted && e.TrialId == trialIds[1]);

        var events = observer.Events.Where(e => e.SweepId == sweep.Id).ToList();
        Assert.Contains(events, e => e is { Kind: SweepEventKind.SweepStarted, State: "running", TrialId: null });
        foreach (var trialId in trialIds)
        {
            // Coordinator and dispatcher publish their own batches, so a trial's events arrive in kind order per grain only.
            var ofTrial = events.Where(e => e.TrialId == trialId).Select(e => (e.Kind, e.State)).OrderBy(e => e.Kind).ToList();
            Assert.Equal(
                [(SweepEventKind.TrialAdded, "pending"), (SweepEventKind.TrialStarted, "running"), (SweepEventKind.TrialEpoch, "running"), (SweepEventKind.TrialFinished, "completed")],
                ofTrial);
        }

        Assert.Equal("completed", events.Single(e => e.Kind == SweepEventKind.SweepFinished).State);
        Assert.Equal(1, events.Single(e => e.Kind == SweepEventKind.TrialEpoch && e.TrialId == trialIds[0]).Epoch);
    }

    [Fact]
    public async Task A_cancel_is_pushed_and_an_unsubscribed_observer_hears_nothing_more()
    {
        var observer = new RecordingObserver();
        var reference = _cluster.Grains.CreateObjectReference<ISweepEventObserver>(observer);
        var hub = _cluster.Grains.GetGrain<ISweepEventHubGrain>(0);
        await hub.SubscribeAsync(reference);
        var sweep = await _cluster.SubmitAsync("""
            name: cancelled
            program: [python3, train.py]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 5, max_parallel: 1}
            seed: 4
            """);

        await _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id).CancelAsync("enough");
        await observer.WaitForAsync(e => e.Kind == SweepEventKind.SweepCancelled && e.SweepId == sweep.Id);
        await hub.UnsubscribeAsync(reference);
        var heard = observer.Events.Count;

        // A second sweep's changes, flushed after the hub forgot the observer, must not arrive: wait for them to be
        // published by watching a second, still subscribed observer.
        var witness = new RecordingObserver();
        await hub.SubscribeAsync(_cluster.Grains.CreateObjectReference<ISweepEventObserver>(witness));
        var other = await _cluster.SubmitAsync("""
            name: other
            program: [python3, train.py]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 1}
            seed: 4
            """);
        await witness.WaitForAsync(e => e.SweepId == other.Id && e.Kind == SweepEventKind.TrialAdded);

        Assert.Equal("cancelled", observer.Events.Single(e => e.Kind == SweepEventKind.SweepCancelled).State);
        Assert.Equal(heard, observer.Events.Count);
    }

    private sealed class RecordingObserver : ISweepEventObserver
    {
        private readonly ConcurrentQueue<SweepEvent> _events = new();

        public IReadOnlyList<SweepEvent> Events => [.. _events];

        public Task OnSweepEventsAsync(List<SweepEvent> events)
        {
            foreach (var change in events)
            {
                _events.Enqueue(change);
            }

            return Task.CompletedTask;
        }

        public async Task WaitForAsync(Func<SweepEvent, bool> condition)
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (!_events.Any(condition))
            {
                Assert.True(DateTime.UtcNow < deadline, $"no such event within {Deadline}; heard: {string.Join(", ", _events.Select(e => e.Kind))}");
                await Task.Delay(20);
            }
        }
    }
}
