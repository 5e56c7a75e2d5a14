using System.Runtime.CompilerServices;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Pruners;

/// <summary>
/// Asynchronous successive halving (ASHA; Li et al., "A System for Massively Parallel Hyperparameter
/// Tuning"), as Optuna's <c>SuccessiveHalvingPruner</c>. Rung k sits at step r·η^(s+k) (r the minimum
/// resource, η the reduction factor, s the minimum early-stopping rate). When a trial reaches a rung it
/// is compared at once with the trials that have reached that rung so far — nobody waits for a rung to
/// fill — and goes on only if it is in their top 1/η (while fewer than η trials have reached the rung,
/// only a new best goes on).
/// </summary>
/// <remarks>
/// Optuna stores each trial's value per rung as it passes; here it is derived from the history: a
/// trial's value at rung k is its intermediate value at the first step it reported at or past the
/// rung's step. With a report every epoch this is the same number.
/// <para>
/// With a forecast horizon (<c>extrapolate: true</c>) a rung ranks where the curves are heading rather than where they
/// are: every trial at the rung by its <see cref="LearningCurveForecast"/> at the horizon, made from all the reports
/// it has so far (its own value at the horizon once it got there). A trial goes on if its forecast is in the rung's
/// top 1/η. A rung a trial crosses before it has <see cref="LearningCurveForecast.MinPoints"/> reports is passed,
/// since its curve cannot be read yet.
/// </para>
/// </remarks>
public sealed class SuccessiveHalvingPruner : IPruner
{
    // Snapshots are immutable and replaced on every report, so a curve is fitted once per snapshot (keyed by
    // reference, so a snapshot that is no longer in the history lets its fit go).
    private readonly ConditionalWeakTable<FrozenTrial, CachedForecast> _forecasts = new();

    /// <summary>Creates an ASHA pruner.</summary>
    /// <param name="minResource">r: steps (epochs) before the first rung.</param>
    /// <param name="reductionFactor">η: one in η trials is promoted at each rung.</param>
    /// <param name="minEarlyStoppingRate">s: skips the first s rungs (Hyperband's bracket index).</param>
    /// <param name="forecastHorizon">Null: rank by the value at the rung (ASHA). Otherwise rank by each curve's forecast at this step (the sweep's epochs).</param>
    public SuccessiveHalvingPruner(int minResource = 1, int reductionFactor = 3, int minEarlyStoppingRate = 0, int? forecastHorizon = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minResource, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(minEarlyStoppingRate);
        if (forecastHorizon is { } horizon)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1, nameof(forecastHorizon));
        }

        ForecastHorizon = forecastHorizon;
        MinResource = minResource;
        ReductionFactor = reductionFactor;
        MinEarlyStoppingRate = minEarlyStoppingRate;
    }

    /// <summary>r.</summary>
    public int MinResource { get; }

    /// <summary>η.</summary>
    public int ReductionFactor { get; }

    /// <summary>s.</summary>
    public int MinEarlyStoppingRate { get; }

    /// <summary>The step whose forecast value the rungs rank by, or null when they rank by the value at the rung.</summary>
    public int? ForecastHorizon { get; }

    /// <summary>The step of rung <paramref name="rung"/>: r·η^(s+rung).</summary>
    public long RungStep(int rung) => MinResource * (long)Math.Pow(ReductionFactor, MinEarlyStoppingRate + rung);

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context) => ShouldPrune(context, context.Trials);

    /// <summary>Decides against <paramref name="competitors"/> only (Hyperband passes one bracket's trials).</summary>
    internal bool ShouldPrune(PruningContext context, IEnumerable<FrozenTrial> competitors)
    {
        var trial = context.Trial;
        if (trial.LastStep is not { } step)
        {
            return false;
        }

        var value = trial.IntermediateValues[step];
        var previousStep = trial.IntermediateValues.Count > 1 ? trial.IntermediateValues.Keys.Reverse().Skip(1).First() : int.MinValue;
        List<FrozenTrial>? others = null;
        for (var rung = 0; ; rung++)
        {
            var rungStep = RungStep(rung);
            if (step < rungStep)
            {
                return false;
            }

            if (previousStep >= rungStep)
            {
                // Judged at an earlier report.
                continue;
            }

            if (double.IsNaN(value))
            {
                return true;
            }

            others ??= [.. competitors.Where(t => t.Number != trial.Number)];
            if (ForecastHorizon is { } horizon)
            {
                if (ForecastOf(trial, horizon, context.Goal) is not { } forecast)
                {
                    // Too few points to read the curve: the rung is passed.
                    continue;
                }

                if (!IsPromotable(forecast.Expected, ForecastRungValues(others, rungStep, horizon, context.Goal)))
                {
                    return true;
                }

                continue;
            }

            if (!IsPromotable(context.Goal.ToMinimized(value), RungValues(others, rungStep, context.Goal)))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> (smaller is better) is in the top 1/η of itself and
    /// <paramref name="others"/> — the values other trials had at this rung.
    /// </summary>
    public bool IsPromotable(double value, IReadOnlyList<double> others)
    {
        var all = new List<double>(others) { value };
        all.Sort();
        var promotableIndex = Math.Max((all.Count / ReductionFactor) - 1, 0);
        return value <= all[promotableIndex];
    }

    // Where each trial that reached the rung is heading: its value at the horizon if it got there, else its forecast
    // (its last value when it has too few points).
    private List<double> ForecastRungValues(IEnumerable<FrozenTrial> trials, long rungStep, int horizon, MetricGoal goal)
    {
        var values = new List<double>();
        foreach (var trial in trials)
        {
            if (trial.LastStep is not { } last || last < rungStep)
            {
                continue;
            }

            if (last >= horizon)
            {
                var atHorizon = trial.IntermediateValues.First(p => p.Key >= horizon).Value;
                if (!double.IsNaN(atHorizon))
                {
                    values.Add(goal.ToMinimized(atHorizon));
                }
            }
            else if (ForecastOf(trial, horizon, goal) is { } forecast)
            {
                values.Add(forecast.Expected);
            }
            else if (trial.LastIntermediateValue is { } v && !double.IsNaN(v))
            {
                values.Add(goal.ToMinimized(v));
            }
        }

        return values;
    }

    private LearningCurveForecast.Forecast? ForecastOf(FrozenTrial trial, int horizon, MetricGoal goal)
    {
        if (_forecasts.TryGetValue(trial, out var cached) && cached.Goal == goal)
        {
            return cached.Forecast;
        }

        var steps = new List<int>(trial.IntermediateValues.Count);
        var values = new List<double>(trial.IntermediateValues.Count);
        foreach (var (s, v) in trial.IntermediateValues)
        {
            if (double.IsFinite(v) && s >= 1)
            {
                steps.Add(s);
                values.Add(goal.ToMinimized(v));
            }
        }

        var forecast = LearningCurveForecast.Predict(steps, values, horizon);
        _forecasts.AddOrUpdate(trial, new CachedForecast(goal, forecast));
        return forecast;
    }

    private sealed record CachedForecast(MetricGoal Goal, LearningCurveForecast.Forecast? Forecast);

    private static List<double> RungValues(IEnumerable<FrozenTrial> trials, long rungStep, MetricGoal goal)
    {
        var values = new List<double>();
        foreach (var trial in trials)
        {
            if (trial.LastStep is not { } last || last < rungStep)
            {
                continue;
            }

            foreach (var (s, v) in trial.IntermediateValues)
            {
                if (s >= rungStep)
                {
                    if (!double.IsNaN(v))
                    {
                        values.Add(goal.ToMinimized(v));
                    }

                    break;
                }
            }
        }

        return values;
    }
}
