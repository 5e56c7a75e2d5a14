using AeSweep.Core.Definitions;
using AeSweep.Worker.Devices;
using AeSweep.Worker.Runners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AeSweep.Worker;

/// <summary>Adds a worker (lease loop, heartbeats, the built-in and program runners) to a host that has an Orleans client or silo.</summary>
public static class WorkerServiceCollectionExtensions
{
    public static IServiceCollection AddAeSweepWorker(this IServiceCollection services, Action<WorkerOptions>? configure = null)
    {
        services.AddOptions<WorkerOptions>().Configure(o => configure?.Invoke(o));
        // No program sweeps unless the host says otherwise (--allow-programs, --allow-program, or `aesweep run`).
        services.TryAddSingleton(ProgramPolicy.None);
        // GPU memory is read through nvidia-smi; tests replace the probe with a fake.
        services.TryAddSingleton<IDeviceMemoryProbe, NvidiaSmiMemoryProbe>();
        services.AddSingleton<ITrialRunner, ProgramTrialRunner>();
        services.AddSingleton<ITrialRunner, BuiltInTrialRunner>();
        services.AddSingleton<TrialWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<TrialWorker>());
        return services;
    }

    /// <summary>
    /// For dispatch benchmarks only: replaces the worker's runners with <see cref="NoOpTrialRunner"/>, which completes
    /// every trial at once without training, so what is measured is leasing, reporting and scheduling alone.
    /// </summary>
    public static IServiceCollection UseNoOpTrialRunner(this IServiceCollection services)
    {
        services.RemoveAll<ITrialRunner>();
        services.AddSingleton<ITrialRunner, NoOpTrialRunner>();
        // Nothing is ever started here, so no program needs refusing.
        services.RemoveAll<ProgramPolicy>();
        services.AddSingleton(ProgramPolicy.Any);
        return services;
    }
}
