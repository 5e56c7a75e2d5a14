namespace AeSweep.Web.Dashboard;

/// <summary>
/// One leaderboard column: its stable key (what the chooser remembers), its header, its group and whether the user may
/// hide it. Parameter columns have the key <c>param:NAME</c>; the rest are named in <see cref="LeaderboardColumns"/>.
/// </summary>
public sealed record LeaderboardColumn(string Key, string Title, LeaderboardColumnGroup Group, bool Hideable = true)
{
    /// <summary>The parameter's name for a parameter column; null otherwise.</summary>
    public string? Parameter => Group == LeaderboardColumnGroup.Parameter ? Key[LeaderboardColumns.ParameterPrefix.Length..] : null;
}
