using Npgsql;

namespace AeSweep.EndToEnd.Tests;

/// <summary>A fresh database on the test server for one cluster test, dropped afterwards.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string connectionString) => ConnectionString = connectionString;

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable("AESWEEP_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException(
            "AESWEEP_TEST_POSTGRES is not set: run `export AESWEEP_TEST_POSTGRES=\"$(scripts/start-test-postgres.sh)\"`, or AESWEEP_SKIP_POSTGRES=1 to skip cluster tests");
        var name = $"aesweep_e2e_{Guid.NewGuid():N}";
        await AdministerAsync(server, $"CREATE DATABASE \"{name}\"");
        return new PostgresDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await AdministerAsync(ServerConnectionString!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task AdministerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
