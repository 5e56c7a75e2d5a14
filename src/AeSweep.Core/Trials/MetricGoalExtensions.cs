namespace AeSweep.Core.Trials;

/// <summary>Comparisons that respect a metric's goal.</summary>
public static class MetricGoalExtensions
{
    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>.</summary>
    public static bool IsBetter(this MetricGoal goal, double candidate, double incumbent) =>
        goal == MetricGoal.Minimize ? candidate < incumbent : candidate > incumbent;

    /// <summary>Maps a value so that smaller is always better (what samplers and pruners work with).</summary>
    public static double ToMinimized(this MetricGoal goal, double value) => goal == MetricGoal.Minimize ? value : -value;

    /// <summary>The worst possible value for this goal.</summary>
    public static double Worst(this MetricGoal goal) => goal == MetricGoal.Minimize ? double.PositiveInfinity : double.NegativeInfinity;
}
