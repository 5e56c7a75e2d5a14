using AeSweep.Application;
using AeSweep.Application.Contracts;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// A sweep as the sweeps list shows it: state, progress against its budget, best value, times (from the sweep list query).
/// A class with a settable <see cref="Progress"/>, not a record: MudTable keys its rows by item, so the list keeps one
/// summary per sweep across live reloads and only its progress changes; a new item per reload made Blazor replace the
/// row's elements and a click on its compare checkbox could be lost while that happened.
/// </summary>
public sealed class SweepSummary(SweepProgressView progress)
{
    public SweepProgressView Progress { get; set; } = progress;

    private static readonly string[] FinishedStates = [.. Enum.GetValues<TrialState>().Where(s => s.IsFinished()).Select(ContractMapping.Name)];

    public SweepView Sweep => Progress.Sweep;

    public int? MaxTrials => Progress.Budget?.MaxTrials;

    /// <summary>The best trial's value of the sweep's metric, when a trial completed.</summary>
    public double? BestValue => Progress.Best?.Objective;

    public int Finished => FinishedStates.Sum(state => Progress.Counts.GetValueOrDefault(state));

    public int Running => Progress.Counts.GetValueOrDefault(ContractMapping.Name(TrialState.Running));

    /// <summary>Done fraction in percent, when the budget has a trial count.</summary>
    public double? ProgressPercent => MaxTrials is > 0 ? 100.0 * Math.Min(Finished, MaxTrials.Value) / MaxTrials.Value : null;

    public TimeSpan? Elapsed => Sweep.StartedAt is { } started ? (Sweep.FinishedAt ?? DateTimeOffset.UtcNow) - started : null;
}
