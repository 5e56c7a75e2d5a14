using AeSweep.Application.Live;
using AeSweep.Application.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AeSweep.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The commands and queries. Needs the store, a grain factory (silo or client) and the process's
    /// <see cref="Core.Definitions.ProgramPolicy"/> (none registered: program sweeps are refused).
    /// </summary>
    public static IServiceCollection AddAeSweepApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(Core.Definitions.ProgramPolicy.None);
        services.TryAddSingleton<SweepReader>();
        services.TryAddSingleton<TrialReader>();
        services.TryAddSingleton<WorkerReader>();
        services.TryAddSingleton<ArtifactReader>();
        services.TryAddSingleton<SweepAnalysisReader>();
        services.TryAddSingleton<TrialRecordReader>();
        services.TryAddSingleton<RunningTrialReader>();
        services.TryAddSingleton<FinalistReader>();
        services.TryAddSingleton<LeaderboardReader>();
        services.TryAddSingleton<StoredDefinitionCache>();
        services.TryAddSingleton<ISweepChangeFeed, SweepChangeFeed>();
        services.TryAddSingleton<ISweepQueries, SweepQueries>();
        services.TryAddSingleton<ISweepCommands, SweepCommands>();
        services.TryAddSingleton<IParetoQueries, ParetoFrontReader>();
        services.TryAddSingleton<ISweepNotes, SweepNotes>();
        services.TryAddSingleton<ISweepComparisons, SweepComparisonReader>();
        return services;
    }
}
