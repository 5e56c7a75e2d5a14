namespace AeSweep.Benchmarks.Search;

/// <summary>Median and quartiles computed as Python's <c>statistics.quantiles(n=4)</c> (the "exclusive" method) and <c>statistics.median</c> do, so both sides summarise alike.</summary>
internal readonly record struct Quartiles(double Q1, double Median, double Q3)
{
    public static Quartiles Of(IEnumerable<double> values)
    {
        var data = values.OrderBy(v => v).ToArray();
        if (data.Length == 1)
        {
            return new Quartiles(data[0], data[0], data[0]);
        }

        var n = data.Length;
        var m = n + 1;
        var cuts = new double[3];
        for (var i = 1; i <= 3; i++)
        {
            var j = Math.Clamp(i * m / 4, 1, n - 1);
            var delta = (i * m) - (j * 4);
            cuts[i - 1] = ((data[j - 1] * (4 - delta)) + (data[j] * delta)) / 4;
        }

        var median = n % 2 == 1 ? data[n / 2] : 0.5 * (data[(n / 2) - 1] + data[n / 2]);
        return new Quartiles(cuts[0], median, cuts[2]);
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var data = values.OrderBy(v => v).ToArray();
        var rank = p / 100 * (data.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, data.Length - 1);
        return data[lo] + ((rank - lo) * (data[hi] - data[lo]));
    }
}
