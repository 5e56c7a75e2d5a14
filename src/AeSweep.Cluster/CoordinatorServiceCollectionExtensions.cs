using AeSweep.Core.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AeSweep.Cluster;

/// <summary>Adds what a coordinator silo needs beside its grains: scheduling options and restart recovery (submission is the application layer's).</summary>
public static class CoordinatorServiceCollectionExtensions
{
    public static IServiceCollection AddAeSweepCoordinator(this IServiceCollection services, Action<SchedulingOptions>? configure = null)
    {
        services.AddOptions<SchedulingOptions>().Configure(o => configure?.Invoke(o));
        services.AddSingleton(TimeProvider.System);
        // No program sweeps unless the host says otherwise (--allow-programs, --allow-program, or `aesweep run`).
        services.TryAddSingleton(ProgramPolicy.None);
        services.AddHostedService<SweepRecoveryService>();
        return services;
    }
}
