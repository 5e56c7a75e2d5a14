using AeSweep.Storage.Tests.Infrastructure;
using Npgsql;

namespace AeSweep.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL: a fresh database per test on the server named by <c>AESWEEP_TEST_POSTGRES</c>
/// (start one with <c>scripts/start-test-postgres.sh</c>). Without it these tests fail, unless <c>AESWEEP_SKIP_POSTGRES=1</c>.
/// </summary>
[RequiresPostgres]
public sealed class PostgresSweepStoreTests : SweepStoreContractTests
{
    private string _database = string.Empty;

    protected override StorageProvider Provider => StorageProvider.Postgres;

    protected override async Task<string> CreateDatabaseAsync()
    {
        var server = PostgresTestEnvironment.RequireConnectionString();
        _database = $"aesweep_test_{Guid.NewGuid():N}";
        await AdministerAsync(server, $"CREATE DATABASE \"{_database}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await AdministerAsync(PostgresTestEnvironment.RequireConnectionString(), $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    protected override Task ForgetConnectionsAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    private async Task AdministerAsync(string server, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
