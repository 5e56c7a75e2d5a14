using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;

namespace AeSweep.Storage.Tests;

// GPU workers: one trial handed back (out of GPU memory, or not fitting), and the memory in use per device.
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task One_trial_handed_back_by_its_lease_is_pending_again_without_using_an_attempt()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep() with { MaxAttempts = 1 }, Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var neighbour = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var first = (await ClaimOneAsync(store, "gpu-worker"))!;
        var second = (await ClaimOneAsync(store, "gpu-worker"))!;
        Assert.Equal([trial.Id, neighbour.Id], new[] { first.Id, second.Id }.Order());

        // A stale lease (another attempt, another worker) hands back nothing.
        Assert.Empty(await OpenStore().HandBackTrialAsync(first.Lease! with { Attempt = 7 }, "out of memory", Ct));
        Assert.Empty(await OpenStore().HandBackTrialAsync(first.Lease! with { WorkerId = "other" }, "out of memory", Ct));

        var handedBack = Assert.Single(await OpenStore().HandBackTrialAsync(first.Lease!, "CUDA out of memory", Ct));

        Assert.Equal((first.Id, TrialState.Pending, 2), (handedBack.TrialId, handedBack.State, handedBack.Attempt));
        Assert.Equal(TrialState.Running, (await store.GetTrialAsync(second.Id, Ct))!.State);
        var again = (await ClaimOneAsync(store, "gpu-worker"))!;
        Assert.Equal((first.Id, 2), (again.Id, again.Attempt));
    }

    [ContractFact]
    public async Task Recorded_devices_replace_the_inventory_with_the_memory_in_use()
    {
        var store = OpenStore();
        await store.RegisterWorkerAsync(new WorkerRegistration("gpu-2", "host-c", [new("cuda", 0, "cuda:0", null)], 8), Ct);

        Assert.True(await store.RecordWorkerDevicesAsync("gpu-2", [new("cuda", 0, "cuda:0", 141L << 30, 20L << 30)], Ct));
        Assert.False(await store.RecordWorkerDevicesAsync("nobody", [], Ct));

        var device = Assert.Single((await OpenStore().ListWorkersAsync(Ct)).Single(w => w.Id == "gpu-2").Devices);
        Assert.Equal(new WorkerDevice("cuda", 0, "cuda:0", 141L << 30, 20L << 30), device);
    }
}
