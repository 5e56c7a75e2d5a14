namespace AeSweep.Benchmarks.Dispatch;

/// <summary>Which deployment is measured.</summary>
internal enum StoreMode
{
    /// <summary><c>aesweep run --slots 0 --gateway-port P</c>: one embedded silo on SQLite; workers join its gateway.</summary>
    Sqlite,

    /// <summary><c>aesweep coordinator --postgres</c> + <c>aesweep submit --wait</c>: one cluster coordinator on PostgreSQL.</summary>
    Postgres,
}
