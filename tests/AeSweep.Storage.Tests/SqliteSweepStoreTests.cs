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
}
