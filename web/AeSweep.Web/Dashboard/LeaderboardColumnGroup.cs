namespace AeSweep.Web.Dashboard;

/// <summary>The leaderboard's column groups, in the order they appear.</summary>
public enum LeaderboardColumnGroup
{
    /// <summary>Trial number and state: always first, never hidden.</summary>
    Identity,

    /// <summary>The sweep's ranking metric.</summary>
    Objective,

    /// <summary>Other metrics, the PCA comparison, epochs and duration.</summary>
    Metric,

    /// <summary>The searched parameters, in the sweep file's order.</summary>
    Parameter,
}
