namespace AeSweep.Web.Dashboard.Analysis;

/// <summary>
/// A trial as the analysis charts see it: its leaderboard row, the value of the sweep's metric it contributes (a
/// completed trial's objective, a pruned trial's last reported value) and whether it was pruned (drawn hollow or dashed).
/// </summary>
public sealed record AnalysisTrial(LeaderboardRow Row, double Objective, bool Pruned)
{
    public string Id => Row.Id;

    public int Number => Row.Number;
}
