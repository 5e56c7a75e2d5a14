namespace AeSweep.Hosting;

/// <summary>
/// Where a cluster's processes find each other: Orleans' membership table on PostgreSQL (the same database that
/// holds the sweeps), scoped by <see cref="ClusterId"/> so that several clusters can share one server.
/// </summary>
public sealed record ClusterMembership(string PostgresConnectionString, string ClusterId)
{
    public const string DefaultClusterId = "aesweep";

    /// <summary>Orleans' service id: stable across deployments of AeSweep, so grain identities survive restarts.</summary>
    public const string ServiceId = "aesweep";

    /// <summary>The environment variable that supplies the connection string when no option does.</summary>
    public const string ConnectionStringVariable = "AESWEEP_POSTGRES";
}
