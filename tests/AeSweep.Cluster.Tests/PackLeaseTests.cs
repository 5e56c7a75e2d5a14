using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Tests;

/// <summary>
/// The dispatcher's side of fused packs (execution.fuse): a worker sees a sweep's pending trials without claiming them,
/// then claims the ones it can fuse by id, each under its own lease; a trial another worker took meanwhile is left out.
/// </summary>
public sealed class PackLeaseTests : IAsyncLifetime
{
    private const string Sweep = """
        name: packs
        dataset: {name: synthetic, limit: 300}
        model: dense
        method: random
        parameters:
          code_size: {values: [4, 8]}
          epochs: {value: 2}
        budget: {max_trials: 8, max_parallel: 4}
        execution: {fuse: 4}
        seed: 9
        """;

    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_built_in_sweeps_trial_carries_its_pack_size()
    {
        await _cluster.SubmitAsync(Sweep);

        var training = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1)).Training;

        Assert.Equal(4, training.Fuse);
    }

    [Fact]
    public async Task Pending_trials_are_shown_without_being_claimed_and_claimed_by_id_each_with_its_own_lease()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var first = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1));

        var pending = await _cluster.Dispatcher.PendingTrialsAsync(sweep.Id, 10);

        Assert.Equal(3, pending.Count);
        Assert.DoesNotContain(pending, p => p.TrialId == first.Lease.TrialId);
        Assert.Equal(pending.Select(p => p.Number).Order(), pending.Select(p => p.Number));
        Assert.All(pending, p => Assert.Null(p.ResumeFromCheckpoint));
        foreach (var p in pending)
        {
            Assert.Equal(TrialState.Pending, (await _cluster.Store.GetTrialAsync(p.TrialId, CancellationToken.None))!.State);
        }

        // Another worker is quicker to one of them: it is left out of this worker's answer, not taken twice.
        var taken = Assert.Single(await _cluster.Dispatcher.LeaseTrialsByIdAsync("w2", [pending[0].TrialId]));
        var members = await _cluster.Dispatcher.LeaseTrialsByIdAsync("w1", [.. pending.Select(p => p.TrialId)]);

        Assert.Equal(pending.Skip(1).Select(p => p.TrialId), members.Select(m => m.Lease.TrialId));
        Assert.Equal("w2", taken.Lease.WorkerId);
        foreach (var member in members)
        {
            Assert.Equal(("w1", 1, sweep.Id), (member.Lease.WorkerId, member.Lease.Attempt, member.SweepId));
            var stored = (await _cluster.Store.GetTrialAsync(member.Lease.TrialId, CancellationToken.None))!;
            Assert.Equal((TrialState.Running, "w1"), (stored.State, stored.WorkerId));
        }

        // Every member's lease is renewed by the heartbeat on its own.
        var lost = await _cluster.Dispatcher.HeartbeatAsync("w1", [first.Lease, .. members.Select(m => m.Lease)], _cluster.Grains.CreateObjectReference<IWorkerObserver>(new NoWork()));
        Assert.Empty(lost);
    }

    private sealed class NoWork : IWorkerObserver
    {
        public void WorkAvailable()
        {
        }
    }
}
