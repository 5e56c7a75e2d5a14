using AeSweep.Core.Search;

namespace AeSweep.Core.Analysis;

/// <summary>
/// One parameter as PED-ANOVA reads it: each trial's bin (a numeric value's cell on a fixed grid over its range, on a log
/// scale where the parameter is searched on one; a category's index), or −1 where the trial lacks the parameter.
/// </summary>
internal sealed class ImportanceColumn
{
    private readonly int[] _bins;
    private readonly int _binCount;
    private readonly bool _numeric;

    private ImportanceColumn(string name, int[] bins, int binCount, bool numeric)
    {
        Name = name;
        _bins = bins;
        _binCount = binCount;
        _numeric = numeric;
    }

    public string Name { get; }

    /// <summary>The column, or null when the parameter takes fewer than two values among these trials.</summary>
    public static ImportanceColumn? Encode(IReadOnlyList<ImportanceTrial> trials, string name, bool logScale, int bins)
    {
        var values = trials.Select(t => t.Parameters.TryGetValue(name, out var v) ? v : (ParameterValue?)null).ToArray();
        var present = values.OfType<ParameterValue>().ToList();
        if (present.Count == 0)
        {
            return null;
        }

        if (present.All(v => v.IsNumeric))
        {
            var log = logScale && present.All(v => v.AsDouble() > 0);
            double Scale(ParameterValue v) => log ? Math.Log(v.AsDouble()) : v.AsDouble();
            var scaled = present.Select(Scale).Where(double.IsFinite).ToList();
            if (scaled.Count == 0)
            {
                return null;
            }

            var (min, max) = (scaled.Min(), scaled.Max());
            if (!(max > min))
            {
                return null;
            }

            var width = (max - min) / bins;
            return new(name, [.. values.Select(v => v is { } p && double.IsFinite(Scale(p)) ? Math.Clamp((int)((Scale(p) - min) / width), 0, bins - 1) : -1)], bins, numeric: true);
        }

        var categories = present.Select(v => v.AsString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (categories.Count < 2)
        {
            return null;
        }

        var index = categories.Select((c, i) => (c, i)).ToDictionary(e => e.c, e => e.i, StringComparer.Ordinal);
        return new(name, [.. values.Select(v => v is { } p ? index[p.AsString()] : -1)], categories.Count, numeric: false);
    }

    /// <summary>Pearson divergence ∫ (p_top/p_all − 1)² p_all = Σ p_top²/p_all − 1 between the two rows' densities (0 when undefined).</summary>
    public double Divergence(int[] top, int[] all)
    {
        var pTop = Density(top);
        var pAll = Density(all);
        if (pTop is null || pAll is null)
        {
            return 0;
        }

        var sum = 0.0;
        for (var b = 0; b < _binCount; b++)
        {
            sum += pTop[b] * pTop[b] / pAll[b];
        }

        return Math.Max(0, sum - 1);
    }

    /// <summary>The rows' density over the bins: Gaussian-smoothed histogram (Scott's bandwidth) for numbers, Laplace-smoothed frequencies for categories.</summary>
    private double[]? Density(int[] rows)
    {
        var counts = new double[_binCount];
        var n = 0;
        foreach (var row in rows)
        {
            if (_bins[row] >= 0)
            {
                counts[_bins[row]]++;
                n++;
            }
        }

        if (n == 0)
        {
            return null;
        }

        double[] density;
        if (_numeric)
        {
            density = Smooth(counts, n);
        }
        else
        {
            density = [.. counts.Select(c => c + 1.0)];
        }

        var total = density.Sum();
        for (var b = 0; b < density.Length; b++)
        {
            density[b] /= total;
        }

        return density;
    }

    private double[] Smooth(double[] counts, int n)
    {
        var mean = 0.0;
        for (var b = 0; b < _binCount; b++)
        {
            mean += b * counts[b];
        }

        mean /= n;
        var variance = 0.0;
        for (var b = 0; b < _binCount; b++)
        {
            variance += counts[b] * (b - mean) * (b - mean);
        }

        // Scott's rule in bin units, never narrower than a bin and never wider than a quarter of the range.
        var bandwidth = Math.Clamp(1.06 * Math.Sqrt(variance / n) * Math.Pow(n, -0.2), 1.0, _binCount / 4.0);
        var density = new double[_binCount];
        for (var b = 0; b < _binCount; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            for (var g = 0; g < _binCount; g++)
            {
                var z = (g - b) / bandwidth;
                density[g] += counts[b] * Math.Exp(-0.5 * z * z);
            }
        }

        // A floor keeps the ratio finite where no trial landed.
        var floor = 1e-3 * density.Max();
        for (var g = 0; g < _binCount; g++)
        {
            density[g] += floor;
        }

        return density;
    }
}
