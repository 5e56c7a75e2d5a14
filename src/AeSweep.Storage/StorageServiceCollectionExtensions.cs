using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

/// <summary>Registers the sweep store for one provider.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store's five interfaces — <see cref="ISweepRepository"/>, <see cref="ITrialQueue"/>,
    /// <see cref="ITrialResultStore"/>, <see cref="IWorkerRegistry"/>, <see cref="ISweepReadModel"/> — all resolving to one
    /// <see cref="EfSweepStore"/> singleton (which opens a context per call), the context factory,
    /// <see cref="DiskFullMonitor"/> and <see cref="SweepDatabaseMigrator"/>. Nothing is migrated here: the host calls
    /// <see cref="SweepDatabaseMigrator.MigrateAsync"/> (or <see cref="MigrateAeSweepStorageAsync"/>) explicitly.
    /// </summary>
    public static IServiceCollection AddAeSweepStorage(this IServiceCollection services, StorageProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton(sp => new DiskFullMonitor(sp.GetRequiredService<TimeProvider>(), provider == StorageProvider.Sqlite ? SqliteFolder(connectionString) : null));
        services.AddSingleton<IDbContextFactory<SweepDbContext>>(sp =>
            new SweepDbContextFactory(provider, connectionString, sp.GetService<ILoggerFactory>(), sp.GetRequiredService<DiskFullMonitor>()));
        services.AddSingleton<EfSweepStore>();
        services.AddSingleton<ISweepRepository>(sp => sp.GetRequiredService<EfSweepStore>());
        services.AddSingleton<ITrialQueue>(sp => sp.GetRequiredService<EfSweepStore>());
        services.AddSingleton<ITrialResultStore>(sp => sp.GetRequiredService<EfSweepStore>());
        services.AddSingleton<IWorkerRegistry>(sp => sp.GetRequiredService<EfSweepStore>());
        services.AddSingleton<ISweepReadModel>(sp => sp.GetRequiredService<EfSweepStore>());
        services.AddSingleton<ISweepNotesStore>(sp => sp.GetRequiredService<EfSweepStore>());
        services.AddSingleton<ISweepControlStore>(sp => sp.GetRequiredService<EfSweepStore>());
        services.AddSingleton<SweepDatabaseMigrator>();
        return services;
    }

    private static string? SqliteFolder(string connectionString) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file && file != ":memory:"
            ? Path.GetDirectoryName(Path.GetFullPath(file))
            : null;

    /// <summary>Applies pending migrations through the registered <see cref="SweepDatabaseMigrator"/>.</summary>
    public static Task<IReadOnlyList<string>> MigrateAeSweepStorageAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SweepDatabaseMigrator>().MigrateAsync(cancellationToken);
}
