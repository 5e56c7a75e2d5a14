using Npgsql;

namespace AeSweep.Hosting.Orleans;

/// <summary>
/// Creates (or refreshes) the tables and queries Orleans' ADO.NET membership provider uses on PostgreSQL. Several
/// coordinators may start at once, so the script runs in one transaction under an advisory lock.
/// </summary>
public static class OrleansPostgresSchema
{
    // An arbitrary constant shared by every AeSweep process: pg_advisory_xact_lock serialises schema set-up.
    private const long SchemaLockKey = 0x4165_5377_6565_7001;

    public static async Task EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken)
    {
        var script = await ReadScriptAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(script, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string> ReadScriptAsync()
    {
        await using var stream = typeof(OrleansPostgresSchema).Assembly.GetManifestResourceStream("OrleansPostgresSchema.sql")
            ?? throw new InvalidOperationException("OrleansPostgresSchema.sql is not embedded in AeSweep.Hosting");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
