using AeSweep.Application.Views;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>What the compare-sweeps page draws: overlaid histories with a best-so-far line per sweep, and per-parameter distributions.</summary>
public static class SweepComparisonCharts
{
    /// <summary>Numeric parameters with more distinct values than this are binned into ranges.</summary>
    public const int MaxDistinctValues = 8;

    /// <summary>How many ranges a binned numeric parameter gets.</summary>
    public const int RangeBins = 8;

    /// <summary>The colour of the <paramref name="index"/>-th compared sweep (its dots, its line and its legend entry).</summary>
    public static string Color(int index) => ChartPalette.Series(index);

    /// <summary>
    /// Per sweep: its completed trials' objective by trial number (dots linked to the trial page) and its best so far
    /// (a staircase in the same colour).
    /// </summary>
    public static IReadOnlyList<ChartSeries> Histories(SweepComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var series = new List<ChartSeries>();
        for (var i = 0; i < comparison.Sweeps.Count; i++)
        {
            var sweep = comparison.Sweeps[i];
            var completed = sweep.Trials.Where(t => t.State == TrialState.Completed && !t.IsFinalistRun && t.ObjectiveValue is { } v && double.IsFinite(v)).OrderBy(t => t.Number).ToList();
            var points = completed.Select(t => new ChartPoint(t.Number, t.ObjectiveValue!.Value)).ToList();
            var links = completed.Select(t => ($"/trials/{t.Id}", $"{sweep.Sweep.Name} #{t.Number}: {comparison.MetricName} {MetricText.Format(comparison.MetricName, t.ObjectiveValue!.Value)}")).ToList();
            series.Add(new ChartSeries(sweep.Sweep.Name, points, Color(i), SeriesStyle.Points) { PointLinks = links });
            series.Add(new ChartSeries($"{sweep.Sweep.Name} best so far", SweepCharts.BestSoFar(points, comparison.Goal), Color(i), SeriesStyle.Step));
        }

        return series;
    }

    /// <summary>Each compared parameter's distribution over every sweep's trials (all states: what each sweep tried).</summary>
    public static IReadOnlyList<ParameterDistribution> Distributions(SweepComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return [.. comparison.Parameters.Select(p => Distribution(p, [.. comparison.Sweeps.Select(s => s.Trials)]))];
    }

    public static ParameterDistribution Distribution(string parameter, IReadOnlyList<IReadOnlyList<TrialRecord>> sweeps)
    {
        var values = sweeps.Select(trials => trials.Select(t => t.Parameters.TryGetValue(parameter, out var v) ? v : (ParameterValue?)null).ToList()).ToList();
        var absent = values.Select(list => list.Count(v => v is null)).ToList();
        var present = values.SelectMany(list => list).OfType<ParameterValue>().ToList();
        var numeric = present.Count > 0 && present.All(v => v.IsNumeric);
        var distinct = present.Select(v => v.ToString()).Distinct(StringComparer.Ordinal).Count();
        if (!numeric || distinct <= MaxDistinctValues)
        {
            // Categories (or few numbers): one bin per value, numbers in numeric order, text in the order first seen.
            var labels = numeric
                ? present.Select(v => v.AsDouble()).Distinct().Order().Select(Label).Distinct(StringComparer.Ordinal).ToList()
                : present.Select(v => v.AsString()).Distinct(StringComparer.Ordinal).ToList();
            var index = labels.Select((l, i) => (l, i)).ToDictionary(e => e.l, e => e.i, StringComparer.Ordinal);
            var counts = values.Select(list =>
            {
                var row = new int[labels.Count];
                foreach (var v in list.OfType<ParameterValue>())
                {
                    row[index[numeric ? Label(v.AsDouble()) : v.AsString()]]++;
                }

                return (IReadOnlyList<int>)row;
            }).ToList();
            return new ParameterDistribution(parameter, labels, counts, absent);
        }

        // Many numbers: equal-width ranges, on a log scale when the values are positive and span more than a decade.
        var numbers = present.Select(v => v.AsDouble()).Where(double.IsFinite).ToList();
        var (min, max) = (numbers.Min(), numbers.Max());
        var log = min > 0 && max / min > 10;
        Func<double, double> scale = log ? Math.Log10 : x => x;
        var (lo, hi) = (scale(min), scale(max));
        var width = (hi - lo) / RangeBins;
        var bins = Enumerable.Range(0, RangeBins).Select(i => log
            ? $"{Label(Math.Pow(10, lo + (i * width)))}–{Label(Math.Pow(10, lo + ((i + 1) * width)))}"
            : $"{Label(lo + (i * width))}–{Label(lo + ((i + 1) * width))}").ToList();
        var rows = values.Select(list =>
        {
            var row = new int[RangeBins];
            foreach (var v in list.OfType<ParameterValue>().Select(v => v.AsDouble()).Where(double.IsFinite))
            {
                var bin = width > 0 ? (int)Math.Floor((scale(v) - lo) / width) : 0;
                row[Math.Clamp(bin, 0, RangeBins - 1)]++;
            }

            return (IReadOnlyList<int>)row;
        }).ToList();
        return new ParameterDistribution(parameter, bins, rows, absent);
    }

    private static string Label(double value) => ChartScale.Format(value);
}
