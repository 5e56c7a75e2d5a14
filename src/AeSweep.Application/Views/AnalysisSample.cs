using System.Globalization;
using AeSweep.Core.Trials;

namespace AeSweep.Application.Views;

/// <summary>
/// How a large sweep's analysis was cut down for drawing: <see cref="TotalTrials"/> trials in the sweep (counted per
/// state in <see cref="CountsByState"/>), <see cref="ChartTrials"/> of them in <see cref="SweepAnalysis.Trials"/>, and the
/// learning curves of <see cref="CurveTrials"/> of the <see cref="CurveCandidates"/> trials that reported epochs or could.
/// </summary>
public sealed record AnalysisSample(int TotalTrials, IReadOnlyDictionary<TrialState, int> CountsByState, int ChartTrials, int CurveTrials, int CurveCandidates)
{
    /// <summary>Whether the charts draw fewer trials than the sweep has.</summary>
    public bool IsSampled => ChartTrials < TotalTrials;

    /// <summary>"2,000 of 10,000 trials shown" when sampled; null when every trial is drawn.</summary>
    public string? ChartNote => IsSampled ? string.Create(CultureInfo.InvariantCulture, $"{ChartTrials:N0} of {TotalTrials:N0} trials shown (the best, every best-so-far step, running ones, and an even sample of the rest)") : null;

    /// <summary>"learning curves of 100 of 9,000 trials" when capped; null otherwise.</summary>
    public string? CurveNote => CurveTrials < CurveCandidates ? string.Create(CultureInfo.InvariantCulture, $"learning curves of {CurveTrials:N0} of {CurveCandidates:N0} trials (the best, running ones, and an even sample)") : null;

    public int Count(TrialState state) => CountsByState.GetValueOrDefault(state);
}
