using System.CommandLine;
using System.Net;
using AeSweep.Hosting;

namespace AeSweep.Cli.Commands;

/// <summary>The options every cluster-mode verb shares: which PostgreSQL database and which cluster in it.</summary>
internal static class ClusterOptions
{
    public static Option<string?> Postgres() => new("--postgres")
    {
        Description = $"PostgreSQL connection string of the cluster (membership and sweeps), e.g. \"Host=db;Username=aesweep;Password=...;Database=aesweep\" (default: ${ClusterMembership.ConnectionStringVariable}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ClusterMembership.ConnectionStringVariable) is { Length: > 0 } env ? env : null,
    };

    public static Option<string> ClusterId() => new("--cluster-id")
    {
        Description = "Name of the cluster inside the database: processes with the same id find each other.",
        DefaultValueFactory = _ => ClusterMembership.DefaultClusterId,
    };

    public static Option<DirectoryInfo?> Artifacts() => new("--artifacts")
    {
        Description = "Where checkpoints and images go: a folder every worker and coordinator sees at the same path (a shared volume in a cluster; default: DATA/artifacts).",
    };

    /// <summary>The membership, or an error line naming the missing option.</summary>
    public static ClusterMembership? Membership(string? postgres, string clusterId, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(postgres))
        {
            error = $"aesweep: --postgres (or ${ClusterMembership.ConnectionStringVariable}) is required: the cluster's PostgreSQL connection string";
            return null;
        }

        if (string.IsNullOrWhiteSpace(clusterId) || clusterId.Length > 150)
        {
            error = "aesweep: --cluster-id must be 1 to 150 characters";
            return null;
        }

        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
        }
        catch (ArgumentException ex)
        {
            error = $"aesweep: --postgres is not a valid PostgreSQL connection string: {ex.Message}";
            return null;
        }

        return new ClusterMembership(postgres, clusterId);
    }

    public static bool TryParseAddress(string? text, IPAddress fallback, out IPAddress address, out string? error)
    {
        error = null;
        address = fallback;
        if (text is null)
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var parsed))
        {
            address = parsed;
            return true;
        }

        error = $"aesweep: --listen-address must be an IP address such as 0.0.0.0, not '{text}'";
        return false;
    }
}
