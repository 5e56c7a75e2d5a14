using System.Text.Json.Nodes;
using AeSweep.Application.Contracts;
using AeSweep.Storage.Model;
using ClusterPage = AeSweep.Web.Components.Pages.Cluster;

namespace AeSweep.Web.Tests;

/// <summary>/api/workers and the cluster page show each GPU's memory in use and total; CPU devices show none.</summary>
[Collection(ApiCollection.Name)]
public sealed class WorkerDeviceMemoryTests(ApiServer server)
{
    [Fact]
    public async Task Api_workers_shows_memory_in_use_and_total_per_gpu_and_null_on_the_cpu()
    {
        var gpu = $"gpu-worker-{Guid.NewGuid():N}";
        var cpu = $"cpu-worker-{Guid.NewGuid():N}";
        await server.Store.RegisterWorkerAsync(new WorkerRegistration(gpu, "gpu-box", [new WorkerDevice("cuda", 0, "cuda:0", null)], 8), CancellationToken.None);
        await server.Store.RegisterWorkerAsync(new WorkerRegistration(cpu, "cpu-box", [new WorkerDevice("cpu", 0, "cpu", null)], 2), CancellationToken.None);
        Assert.True(await server.Store.RecordWorkerDevicesAsync(gpu, [new WorkerDevice("cuda", 0, "cuda:0", 141L << 30, 12L << 30)], CancellationToken.None));

        var workers = JsonNode.Parse(await server.Client().GetStringAsync("/api/workers"))!["items"]!.AsArray();

        var gpuDevice = workers.Single(w => (string?)w!["id"] == gpu)!["devices"]![0]!;
        var cpuDevice = workers.Single(w => (string?)w!["id"] == cpu)!["devices"]![0]!;
        Assert.Equal((141L << 30, 12L << 30), ((long)gpuDevice["memory_bytes"]!, (long)gpuDevice["memory_used_bytes"]!));
        Assert.Null(cpuDevice["memory_used_bytes"]);
    }

    [Fact]
    public void The_cluster_page_shows_used_over_total_gib_or_a_dash()
    {
        Assert.Equal("cuda:0 12.0 / 141.0 GiB", ClusterPage.DeviceMemory(new DeviceView("cuda", 0, "cuda:0", 141L << 30, 12L << 30)));
        Assert.Equal("cpu:0 —", ClusterPage.DeviceMemory(new DeviceView("cpu", 0, "cpu", null)));
    }
}
