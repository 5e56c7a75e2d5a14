using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

/// <summary>Registers the sweep store for one provider.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISweepStore"/> (a singleton that opens a context per call), the context factory and
    /// <see cref="SweepDatabaseMigrator"/>. Nothing is migrated here: the host calls
    /// <see cref="SweepDatabaseMigrator.MigrateAsync"/> (or <see cref="MigrateAeSweepStorageAsync"/>) explicitly.
    /// </summary>
    public static IServiceCollection AddAeSweepStorage(this IServiceCollection services, StorageProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<IDbContextFactory<SweepDbContext>>(sp =>
            new SweepDbContextFactory(provider, connectionString, sp.GetService<ILoggerFactory>()));
        services.AddSingleton<ISweepStore, EfSweepStore>();
        services.AddSingleton<SweepDatabaseMigrator>();
        return services;
    }

    /// <summary>Applies pending migrations through the registered <see cref="SweepDatabaseMigrator"/>.</summary>
    public static Task<IReadOnlyList<string>> MigrateAeSweepStorageAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SweepDatabaseMigrator>().MigrateAsync(cancellationToken);
}
