namespace AeSweep.Storage;

/// <summary>The database behind the sweep store.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default for the one-process embedded mode (a single writer process).</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: for a cluster with several coordinator processes.</summary>
    Postgres,
}
