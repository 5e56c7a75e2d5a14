namespace AeSweep.Core.Sweeps;

/// <summary>
/// The spread of one configuration's metrics across seeds: per metric, the mean and the sample standard deviation
/// (Bessel's n − 1) of the finite values the runs reported. A metric reported by one run only has a mean and no std.
/// </summary>
/// <param name="Mean">Metric name → mean over the runs that reported it.</param>
/// <param name="Std">Metric name → sample standard deviation, for metrics reported by at least two runs.</param>
/// <param name="Count">Metric name → how many runs reported it.</param>
public sealed record SeedSpread(
    IReadOnlyDictionary<string, double> Mean,
    IReadOnlyDictionary<string, double> Std,
    IReadOnlyDictionary<string, int> Count)
{
    /// <summary>The spread of <paramref name="runs"/>, each a run's final metrics (non-finite values are left out).</summary>
    public static SeedSpread Of(IEnumerable<IReadOnlyDictionary<string, double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var values = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            foreach (var (name, value) in run)
            {
                if (double.IsFinite(value))
                {
                    (values.TryGetValue(name, out var list) ? list : values[name] = []).Add(value);
                }
            }
        }

        var mean = new Dictionary<string, double>(StringComparer.Ordinal);
        var std = new Dictionary<string, double>(StringComparer.Ordinal);
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, list) in values)
        {
            var m = list.Average();
            mean[name] = m;
            count[name] = list.Count;
            if (list.Count >= 2)
            {
                std[name] = Math.Sqrt(list.Sum(v => (v - m) * (v - m)) / (list.Count - 1));
            }
        }

        return new SeedSpread(mean, std, count);
    }
}
