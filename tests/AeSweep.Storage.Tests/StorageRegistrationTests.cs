using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Storage.Tests;

public sealed class StorageRegistrationTests
{
    [Fact]
    public async Task AddAeSweepStorage_registers_a_store_that_works_after_an_explicit_migration()
    {
        var directory = Path.Combine(Path.GetTempPath(), "aesweep-storage-tests", $"{Guid.NewGuid():N}", "nested", "data");
        var connectionString = SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(directory, "aesweep.db"));
        try
        {
            await using var services = new ServiceCollection()
                .AddAeSweepStorage(StorageProvider.Sqlite, connectionString)
                .BuildServiceProvider();

            var applied = await services.MigrateAeSweepStorageAsync(CancellationToken.None);
            var store = services.GetRequiredService<ISweepRepository>();
            var sweep = await store.CreateSweepAsync(
                new NewSweep("quick", "{\"name\": \"quick\"}", SweepDefinitionFormat.Json, "val_mse", Core.Trials.MetricGoal.Minimize, null), CancellationToken.None);

            Assert.Contains(applied, m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
            Assert.Same(store, services.GetRequiredService<ISweepRepository>());
            Assert.Same(store, services.GetRequiredService<ITrialQueue>());
            Assert.Same(store, services.GetRequiredService<ITrialResultStore>());
            Assert.Same(store, services.GetRequiredService<IWorkerRegistry>());
            Assert.Same(store, services.GetRequiredService<ISweepReadModel>());
            Assert.Same(store, services.GetRequiredService<EfSweepStore>());
            Assert.Equal(SweepDefinitionFormat.Json, (await store.GetSweepAsync(sweep.Id, CancellationToken.None))!.DefinitionFormat);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(directory)!)!, recursive: true);
        }
    }
}
