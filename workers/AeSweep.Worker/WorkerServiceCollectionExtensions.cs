using AeSweep.Worker.Runners;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Worker;

/// <summary>Adds a worker (lease loop, heartbeats, the built-in and program runners) to a host that has an Orleans client or silo.</summary>
public static class WorkerServiceCollectionExtensions
{
    public static IServiceCollection AddAeSweepWorker(this IServiceCollection services, Action<WorkerOptions>? configure = null)
    {
        services.AddOptions<WorkerOptions>().Configure(o => configure?.Invoke(o));
        services.AddSingleton<ITrialRunner, ProgramTrialRunner>();
        services.AddSingleton<ITrialRunner, BuiltInTrialRunner>();
        services.AddSingleton<TrialWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<TrialWorker>());
        return services;
    }
}
