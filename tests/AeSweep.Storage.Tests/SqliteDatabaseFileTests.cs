using System.Security.Cryptography;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Storage.Tests;

/// <summary>
/// The migrator on real files that are not AeSweep databases: random bytes, a text file, a truncated real database
/// and another program's database are refused with one line, byte for byte untouched; a zero-byte file is a new one.
/// </summary>
public sealed class SqliteDatabaseFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aesweep-db-file-").FullName;

    private string DatabasePath => Path.Combine(_folder, "aesweep.db");

    public static TheoryData<string> UnusableFiles => ["random bytes", "text", "truncated", "another program's"];

    [Theory]
    [MemberData(nameof(UnusableFiles))]
    public async Task An_unusable_file_is_refused_with_one_line_and_left_untouched(string kind)
    {
        var expectedReason = await PlantAsync(kind);
        var before = await File.ReadAllBytesAsync(DatabasePath);

        var refused = await Assert.ThrowsAsync<UnusableDatabaseException>(() => MigrateAsync());

        Assert.StartsWith($"{DatabasePath}: not a usable AeSweep database (SQLite: {expectedReason}", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("); it was left untouched", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(DatabasePath));
    }

    [Fact]
    public async Task A_zero_byte_file_is_treated_as_a_new_database()
    {
        await File.WriteAllBytesAsync(DatabasePath, []);

        await MigrateAsync();

        var sweep = await WithStoreAsync(store => store.CreateSweepAsync(ASweep("after-zero-bytes"), CancellationToken.None));
        Assert.Equal("after-zero-bytes", sweep.Name);
    }

    [Fact]
    public async Task A_healthy_database_migrates_again_and_keeps_its_sweeps()
    {
        await MigrateAsync();
        await WithStoreAsync(store => store.CreateSweepAsync(ASweep("kept"), CancellationToken.None));
        SqliteConnection.ClearAllPools();

        await MigrateAsync();

        var sweeps = await WithStoreAsync(store => store.ListSweepsAsync(0, 10, CancellationToken.None));
        Assert.Equal("kept", Assert.Single(sweeps.Items).Name);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Writes the file; returns the start of the reason SQLite (or the check) gives for it.</summary>
    private async Task<string> PlantAsync(string kind)
    {
        switch (kind)
        {
            case "random bytes":
                await File.WriteAllBytesAsync(DatabasePath, RandomNumberGenerator.GetBytes(64 * 1024));
                return "file is not a database";
            case "text":
                await File.WriteAllTextAsync(DatabasePath, "sweeps:\n  - not a database, a note someone saved as aesweep.db\n");
                return "file is not a database";
            case "truncated":
                await MigrateAsync();
                await WithStoreAsync(async store =>
                {
                    for (var i = 0; i < 300; i++)
                    {
                        await store.CreateSweepAsync(ASweep($"sweep-{i}", padding: 4000), CancellationToken.None);
                    }

                    return 0;
                });
                SqliteConnection.ClearAllPools();
                await using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.ReadWrite))
                {
                    file.SetLength(file.Length / 2);
                }

                return "database disk image is malformed";
            default:
                await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
                {
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5);";
                    await command.ExecuteNonQueryAsync();
                }

                return "it holds tables of another program";
        }
    }

    private async Task MigrateAsync()
    {
        await using var services = Services();
        await services.MigrateAeSweepStorageAsync(CancellationToken.None);
    }

    private async Task<T> WithStoreAsync<T>(Func<EfSweepStore, Task<T>> use)
    {
        await using var services = Services();
        return await use(services.GetRequiredService<EfSweepStore>());
    }

    private ServiceProvider Services() =>
        new ServiceCollection().AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(DatabasePath)).BuildServiceProvider();

    private static NewSweep ASweep(string name, int padding = 0) =>
        new(name, $"name: {name}\nmethod: tpe\nmetric: {{name: val_mse, goal: minimize}}\n# {new string('x', padding)}\n", SweepDefinitionFormat.Yaml, "val_mse", MetricGoal.Minimize, Seed: 42);
}
