using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Storage.Tests;

// The IWorkerRegistry contract.
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task Workers_register_beat_and_go_offline_when_silent()
    {
        var store = OpenStore();
        var devices = new List<WorkerDevice> { new("cuda", 0, "NVIDIA H100", 80L << 30), new("cpu", 0, "x86-64", null) };
        await store.RegisterWorkerAsync(new WorkerRegistration("gpu-1", "host-a", devices, 2), Ct);
        await store.RegisterWorkerAsync(new WorkerRegistration("cpu-1", "host-b", [new("cpu", 0, "x86-64", null)], 1), Ct);

        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await store.RecordWorkerHeartbeatAsync("gpu-1", Ct));
        Assert.False(await store.RecordWorkerHeartbeatAsync("nobody", Ct));
        Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(["cpu-1"], await store.MarkSilentWorkersOfflineAsync(TimeSpan.FromSeconds(30), Ct));

        var workers = await OpenStore().ListWorkersAsync(Ct);
        Assert.Equal(["cpu-1", "gpu-1"], workers.Select(w => w.Id));
        Assert.Equal(WorkerState.Offline, workers[0].State);
        var gpu = workers[1];
        Assert.Equal((WorkerState.Online, 2, "host-a"), (gpu.State, gpu.Slots, gpu.Host));
        Assert.Equal(devices, gpu.Devices);
        Assert.Equal(Clock.GetUtcNow() - TimeSpan.FromSeconds(15), gpu.LastHeartbeatAt);

        // Re-registering (a restarted worker) brings it back online and updates its inventory.
        var back = await store.RegisterWorkerAsync(new WorkerRegistration("cpu-1", "host-b", [], 4), Ct);
        Assert.Equal((WorkerState.Online, 4), (back.State, back.Slots));
        Assert.True(await store.MarkWorkerOfflineAsync("gpu-1", Ct));
        Assert.Equal(WorkerState.Offline, (await store.ListWorkersAsync(Ct)).Single(w => w.Id == "gpu-1").State);
    }
}
