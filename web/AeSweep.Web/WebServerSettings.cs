using AeSweep.Core.Definitions;
using AeSweep.Hosting;

namespace AeSweep.Web;

/// <summary>What <c>aesweep serve</c> was asked for: where to listen, where the data lives, what to run locally.</summary>
public sealed record WebServerSettings
{
    /// <summary>Listen addresses, e.g. http://127.0.0.1:5080. Non-loopback addresses need credentials configured.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>The SQLite database and the artifact store live here.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Trials the local worker trains side by side (0: none; workers join through the gateway).</summary>
    public int Slots { get; init; } = Math.Max(1, System.Environment.ProcessorCount);

    /// <summary>Fixed loopback gateway port for extra worker processes; a free one when null.</summary>
    public int? GatewayPort { get; init; }

    /// <summary>Sweep files to submit at start, in order, when the database has no sweep yet (the README's demo).</summary>
    public IReadOnlyList<string> DemoSweepFiles { get; init; } = [];

    /// <summary>Where the sweep templates of the new-sweep page come from (the repository's examples/ folder).</summary>
    public string? ExamplesDirectory { get; init; }

    /// <summary>
    /// Cluster mode: join the coordinators of this PostgreSQL cluster (silo, store and membership there) instead of
    /// running the embedded SQLite mode.
    /// </summary>
    public ClusterMembership? Cluster { get; init; }

    /// <summary>Cluster mode: silo port, gateway port and the address they listen on and advertise.</summary>
    public (System.Net.IPAddress Address, int SiloPort, int GatewayPort) ClusterEndpoints { get; init; } = (System.Net.IPAddress.Loopback, 11111, 30000);

    /// <summary>
    /// Where checkpoints and images are (<c>--artifacts</c>; in cluster mode a volume every process shares), in both
    /// modes: the embedded worker writes there and every artifact route reads from there. DATA/artifacts by default.
    /// </summary>
    public string? ArtifactRoot { get; init; }

    /// <summary>
    /// Host names the server answers for beside loopback's (localhost, 127.0.0.1, [::1]): --allowed-hosts and
    /// AESWEEP_ALLOWED_HOSTS. Requests for any other name are refused before they reach a page or the API.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Which program: sweeps this server accepts and its local worker runs (none unless --allow-programs/--allow-program).</summary>
    public ProgramPolicy Programs { get; init; } = ProgramPolicy.None;

    /// <summary>ASP.NET Core environment name; Development shows detailed errors.</summary>
    public string Environment { get; init; } = "Production";
}
