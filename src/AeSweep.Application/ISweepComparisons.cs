using AeSweep.Application.Views;

namespace AeSweep.Application;

/// <summary>The compare-sweeps query (the dashboard's <c>/sweeps/compare?ids=a,b,c</c>).</summary>
public interface ISweepComparisons
{
    /// <summary>The most sweeps one comparison shows.</summary>
    const int MaxSweeps = 6;

    /// <summary>
    /// The asked sweeps (duplicates dropped, at most <see cref="MaxSweeps"/>) with every trial and each one's best,
    /// compared on the first found sweep's metric; null when none of the ids is a sweep.
    /// </summary>
    Task<SweepComparison?> CompareAsync(IReadOnlyList<string> sweepIds, CancellationToken cancellationToken);
}
