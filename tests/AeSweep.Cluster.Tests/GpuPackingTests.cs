using AeSweep.Application;
using AeSweep.Application.Queries;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Worker;
using AeSweep.Worker.Devices;
using AeSweep.Worker.Runners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AeSweep.Cluster.Tests;

/// <summary>
/// A GPU worker (a real <see cref="TrialWorker"/> on <c>cuda:0</c>) against real grains and a real SQLite store, with the
/// device abstracted: a fake memory probe and a runner that simulates CUDA running out of memory. No GPU, no training.
/// </summary>
public sealed class GpuPackingTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_trial_out_of_gpu_memory_beside_others_is_requeued_with_fewer_neighbours_without_using_an_attempt()
    {
        var sweep = await _cluster.SubmitAsync("""
            name: gpu-packing
            dataset: {name: synthetic, limit: 100}
            model: dense
            method: random
            metric: {name: val_mse, goal: minimize}
            parameters:
              code_size: {values: [4, 8]}
              epochs: {value: 1}
            budget: {max_trials: 3, max_parallel: 3, max_attempts: 1}
            seed: 3
            """);
        var runner = new OutOfMemoryAtThreeRunner();
        var worker = StartWorker(runner, new FixedMemoryProbe(new DeviceMemory(100L << 30, 141L << 30)));
        try
        {
            var trials = await PollAsync(async () =>
            {
                var page = await _cluster.Store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 10), CancellationToken.None);
                return page.Items.Count == 3 && page.Items.All(t => t.State == TrialState.Completed) ? page.Items : null;
            });

            // The trial that ran out of memory came back as attempt 2 (a hand-back, not a lost worker: max_attempts is 1).
            var requeued = Assert.Single(trials, t => t.Id == runner.OutOfMemoryTrialId);
            Assert.Equal(2, requeued.Attempt);
            Assert.Equal(3, runner.MostSideBySideBeforeOutOfMemory);
            Assert.True(runner.MostSideBySideAfterOutOfMemory <= 2, $"{runner.MostSideBySideAfterOutOfMemory} trials ran side by side after the out-of-memory error");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }
    }

    [Fact]
    public async Task The_gpu_workers_memory_in_use_and_total_reach_the_workers_view()
    {
        var worker = StartWorker(new OutOfMemoryAtThreeRunner(), new FixedMemoryProbe(new DeviceMemory(90L << 30, 141L << 30)));
        try
        {
            var reader = _cluster.SiloServices.GetRequiredService<WorkerReader>();
            var device = await PollAsync(async () =>
                (await reader.ListAsync(CancellationToken.None)).Items.SingleOrDefault(w => w.Id == "gpu-worker")?.Devices.SingleOrDefault(d => d.MemoryUsedBytes is not null));

            Assert.Equal(("cuda", "cuda:0", 141L << 30, 51L << 30), (device.Kind, device.Name, device.MemoryBytes, device.MemoryUsedBytes));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }
    }

    private TrialWorker StartWorker(ITrialRunner runner, IDeviceMemoryProbe probe)
    {
        var options = Options.Create(new WorkerOptions
        {
            WorkerId = "gpu-worker",
            Device = "cuda:0",
            Slots = 8,
            GpuMemoryFraction = 0.8,
            PollInterval = TimeSpan.FromMilliseconds(50),
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            ArtifactRoot = Directory.CreateTempSubdirectory("aesweep-gpu-worker-").FullName,
        });
        var worker = new TrialWorker(_cluster.Grains, [runner], ProgramPolicy.None, options, probe, NullLogger<TrialWorker>.Instance);
        worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return worker;
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, $"not reached within {Deadline}");
            await Task.Delay(50);
        }
    }

    private sealed class FixedMemoryProbe(DeviceMemory memory) : IDeviceMemoryProbe
    {
        public DeviceMemory? Read(string device) => memory;
    }

    /// <summary>
    /// Simulates the device: the third trial side by side runs out of memory (once); the others wait for that to happen
    /// (so three really do run together) and then complete.
    /// </summary>
    private sealed class OutOfMemoryAtThreeRunner : ITrialRunner
    {
        private readonly Lock _lock = new();
        private readonly ManualResetEventSlim _outOfMemory = new();
        private int _running;

        public string? OutOfMemoryTrialId { get; private set; }

        public int MostSideBySideBeforeOutOfMemory { get; private set; }

        public int MostSideBySideAfterOutOfMemory { get; private set; }

        public bool CanRun(TrialRunContext context) => true;

        public TrialRunResult Run(TrialRunContext context, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _running++;
                if (!_outOfMemory.IsSet)
                {
                    MostSideBySideBeforeOutOfMemory = Math.Max(MostSideBySideBeforeOutOfMemory, _running);
                    if (_running == 3)
                    {
                        _running--;
                        OutOfMemoryTrialId = context.Assignment.Lease.TrialId;
                        _outOfMemory.Set();
                        return TrialRunResult.DeviceOutOfMemory("ExternalException: CUDA out of memory. Tried to allocate 4.00 GiB", 0);
                    }
                }
                else
                {
                    MostSideBySideAfterOutOfMemory = Math.Max(MostSideBySideAfterOutOfMemory, _running);
                }
            }

            _outOfMemory.Wait(TimeSpan.FromSeconds(30), cancellationToken);
            lock (_lock)
            {
                _running--;
            }

            return new TrialRunResult(TrialState.Completed, new Dictionary<string, double> { ["val_mse"] = 0.1 }, new Dictionary<string, string>(), null, 1);
        }
    }
}
