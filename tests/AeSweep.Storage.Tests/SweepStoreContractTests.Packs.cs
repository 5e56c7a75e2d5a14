using AeSweep.Core.Trials;
using AeSweep.Storage.Tests.Infrastructure;

namespace AeSweep.Storage.Tests;

// ITrialQueue.PendingTrialsOfSweepAsync: what a worker filling a fused pack (execution.fuse) looks at before claiming.
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task A_sweeps_pending_trials_are_listed_lowest_number_first_without_being_claimed()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var other = await store.CreateSweepAsync(ASweep(), Ct);
        var trials = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            trials.Add((await store.AddTrialAsync(sweep.Id, SomeParameters(i + 1), Ct)).Id);
        }

        await store.AddTrialAsync(other.Id, SomeParameters(9), Ct);
        Assert.True((await store.StartTrialAsync(trials[1], "w1", TimeSpan.FromMinutes(1), Ct)).Applied);

        var pending = await OpenStore().PendingTrialsOfSweepAsync(sweep.Id, 2, Ct);

        Assert.Equal([trials[0], trials[2]], pending.Select(t => t.Id));
        Assert.All(pending, t => Assert.Equal((TrialState.Pending, (string?)null), (t.State, t.WorkerId)));
        Assert.Equal(TrialState.Pending, (await store.GetTrialAsync(trials[0], Ct))!.State);
    }
}
