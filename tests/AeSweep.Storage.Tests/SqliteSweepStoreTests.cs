using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;

namespace AeSweep.Storage.Tests;

/// <summary>The store contract on SQLite: a temporary database file per test (WAL, as in embedded mode).</summary>
public sealed class SqliteSweepStoreTests : SweepStoreContractTests
{
    private string _path = string.Empty;

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), "aesweep-storage-tests", $"{Guid.NewGuid():N}", "aesweep.db");
        return Task.FromResult(SweepDbContextFactory.SqliteConnectionStringFor(_path));
    }

    protected override Task DropDatabaseAsync(string connectionString)
    {
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task ForgetConnectionsAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_database_file_is_in_wal_mode()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task A_pooled_connection_keeps_its_pragmas_when_the_store_opens_it_again()
    {
        var contexts = new SweepDbContextFactory(Provider, ConnectionString);
        for (var use = 1; use <= 3; use++)
        {
            // Each store call opens a context and its connection from the pool anew; the settings are made once per handle.
            await using var db = contexts.CreateDbContext();
            await db.Database.OpenConnectionAsync(Ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();

            Assert.Equal((10_000L, 1L, 1L), (await ScalarAsync(connection, "PRAGMA busy_timeout;"), await ScalarAsync(connection, "PRAGMA foreign_keys;"), await ScalarAsync(connection, "PRAGMA synchronous;")));
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
