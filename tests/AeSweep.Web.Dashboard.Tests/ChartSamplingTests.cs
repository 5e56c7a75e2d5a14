using AeSweep.Application.Queries;
using AeSweep.Application.Views;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>Which of a 10,000-trial sweep's trials the charts draw.</summary>
public sealed class ChartSamplingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>10,000 trials: 70 % completed (objective drifting down with noise), 20 % pruned, 9 % failed, 1 % running.</summary>
    private static List<TrialRecord> Sweep()
    {
        var random = new Random(5);
        var trials = new List<TrialRecord>();
        for (var n = 0; n < 10_000; n++)
        {
            var roll = random.NextDouble();
            var state = roll < 0.7 ? TrialState.Completed : roll < 0.9 ? TrialState.Pruned : roll < 0.99 ? TrialState.Failed : TrialState.Running;
            double? objective = state == TrialState.Completed ? 1.0 / (1 + (n / 1000.0)) + random.NextDouble() : null;
            trials.Add(new TrialRecord($"t-{n}", "s", n, state, new Dictionary<string, ParameterValue>(), 1, null, Start, Start, state == TrialState.Running ? null : Start.AddMinutes(1), null, objective, null));
        }

        return trials;
    }

    [Fact]
    public void Ten_thousand_trials_are_cut_to_about_two_thousand_keeping_the_best_the_best_so_far_steps_and_running_ones()
    {
        var trials = Sweep();

        var shown = ChartSampling.ForCharts(trials, MetricGoal.Minimize, 2000);

        Assert.InRange(shown.Count, 1900, 2050);
        var ids = shown.Select(t => t.Id).ToHashSet();
        var best = trials.Where(t => t.ObjectiveValue is not null).OrderBy(t => t.ObjectiveValue).Take(200);
        Assert.All(best, t => Assert.Contains(t.Id, ids));
        var bestSoFar = double.PositiveInfinity;
        foreach (var trial in trials.Where(t => t.ObjectiveValue is not null))
        {
            if (trial.ObjectiveValue < bestSoFar)
            {
                bestSoFar = trial.ObjectiveValue.Value;
                Assert.Contains(trial.Id, ids);
            }
        }

        Assert.All(trials.Where(t => t.State == TrialState.Running), t => Assert.Contains(t.Id, ids));
        // The sample spans the whole sweep and keeps every state.
        Assert.True(shown.Min(t => t.Number) < 50 && shown.Max(t => t.Number) > 9_950);
        Assert.All(Enum.GetValues<TrialState>().Where(s => trials.Any(t => t.State == s)), s => Assert.Contains(shown, t => t.State == s));
        Assert.Equal(shown.OrderBy(t => t.Number).Select(t => t.Number), shown.Select(t => t.Number));
    }

    [Fact]
    public void Small_sweeps_are_drawn_whole_and_learning_curves_are_capped()
    {
        var trials = Sweep();

        Assert.Same(trials, ChartSampling.ForCharts(trials, MetricGoal.Minimize, 10_000));
        var (curves, candidates) = ChartSampling.ForCurves(trials, MetricGoal.Minimize, 100);
        Assert.InRange(curves.Count, 95, 105);
        Assert.Equal(10_000, candidates);
        var best = trials.Where(t => t.ObjectiveValue is not null).MinBy(t => t.ObjectiveValue)!;
        Assert.Contains(curves, t => t.Id == best.Id);
    }

    [Fact]
    public void The_sample_says_how_many_trials_are_shown()
    {
        var counts = new Dictionary<TrialState, int> { [TrialState.Completed] = 10_000 };

        Assert.StartsWith("2,000 of 10,000 trials shown", new AnalysisSample(10_000, counts, 2000, 100, 9_000).ChartNote, StringComparison.Ordinal);
        Assert.StartsWith("learning curves of 100 of 9,000 trials", new AnalysisSample(10_000, counts, 2000, 100, 9_000).CurveNote, StringComparison.Ordinal);
        Assert.Null(new AnalysisSample(20, counts, 20, 20, 20).ChartNote);
    }
}
