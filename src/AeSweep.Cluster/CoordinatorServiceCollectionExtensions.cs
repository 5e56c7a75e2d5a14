using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Cluster;

/// <summary>Adds what a coordinator silo needs beside its grains: scheduling options, submission and restart recovery.</summary>
public static class CoordinatorServiceCollectionExtensions
{
    public static IServiceCollection AddAeSweepCoordinator(this IServiceCollection services, Action<SchedulingOptions>? configure = null)
    {
        services.AddOptions<SchedulingOptions>().Configure(o => configure?.Invoke(o));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SweepSubmitter>();
        services.AddHostedService<SweepRecoveryService>();
        return services;
    }
}
