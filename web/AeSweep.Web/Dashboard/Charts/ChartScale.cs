using System.Globalization;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// Maps a data interval onto a pixel interval, linearly or on a log scale, and proposes round tick values.
/// The charts are inline SVG, so every coordinate they draw goes through one of these.
/// </summary>
public sealed record ChartScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax, bool Log = false)
{
    /// <summary>
    /// A scale spanning <paramref name="values"/> (non-finite ones ignored; non-positive ones too on a log scale), padded
    /// by <paramref name="padFraction"/> of the span on each side. A single value gets a small interval around it.
    /// </summary>
    public static ChartScale Fit(IEnumerable<double> values, double rangeMin, double rangeMax, bool log = false, double padFraction = 0.05)
    {
        var usable = values.Where(v => double.IsFinite(v) && (!log || v > 0)).ToList();
        if (usable.Count == 0)
        {
            return new ChartScale(log ? 0.1 : 0, 1, rangeMin, rangeMax, log);
        }

        double Forward(double v) => log ? Math.Log10(v) : v;
        double Back(double v) => log ? Math.Pow(10, v) : v;
        var min = Forward(usable.Min());
        var max = Forward(usable.Max());
        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            var half = Math.Abs(min) > 0 && !log ? Math.Abs(min) * 0.1 : 0.5;
            min -= half;
            max += half;
        }
        else
        {
            var pad = (max - min) * padFraction;
            min -= pad;
            max += pad;
        }

        return new ChartScale(Back(min), Back(max), rangeMin, rangeMax, log);
    }

    /// <summary>The pixel position of <paramref name="value"/>; values outside the domain map outside the range.</summary>
    public double Map(double value)
    {
        var (lo, hi, v) = Log
            ? (Math.Log10(DomainMin), Math.Log10(DomainMax), Math.Log10(Math.Max(value, double.Epsilon)))
            : (DomainMin, DomainMax, value);
        var t = hi - lo == 0 ? 0.5 : (v - lo) / (hi - lo);
        return RangeMin + (t * (RangeMax - RangeMin));
    }

    /// <summary>About <paramref name="count"/> round values inside the domain: 1, 2 or 5 times a power of ten apart (on a log scale: 1, 2, 5 per decade, thinned).</summary>
    public IReadOnlyList<double> Ticks(int count = 5)
    {
        var (lo, hi) = (Math.Min(DomainMin, DomainMax), Math.Max(DomainMin, DomainMax));
        if (Log)
        {
            var ticks = new List<double>();
            for (var exponent = (int)Math.Floor(Math.Log10(lo)); exponent <= (int)Math.Ceiling(Math.Log10(hi)); exponent++)
            {
                foreach (var mantissa in new[] { 1.0, 2.0, 5.0 })
                {
                    var tick = mantissa * Math.Pow(10, exponent);
                    if (tick >= lo * (1 - 1e-9) && tick <= hi * (1 + 1e-9))
                    {
                        ticks.Add(tick);
                    }
                }
            }

            if (ticks.Count > count)
            {
                var decades = ticks.Where(t => Math.Abs(Math.Log10(t) - Math.Round(Math.Log10(t))) < 1e-9).ToList();
                return decades.Count >= 2 ? decades : [ticks[0], ticks[^1]];
            }

            return ticks.Count >= 2 ? ticks : [lo, hi];
        }

        var step = NiceStep((hi - lo) / Math.Max(1, count));
        var first = Math.Ceiling((lo / step) - 1e-9) * step;
        var result = new List<double>();
        for (var tick = first; tick <= hi + (step * 1e-9); tick += step)
        {
            // Snap so that 0.30000000000000004 prints as 0.3 and a tick near zero is zero.
            result.Add(Math.Abs(tick) < step * 1e-9 ? 0 : Math.Round(tick / step) * step);
        }

        return result;
    }

    /// <summary>A round step (1, 2 or 5 × 10^k) near <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }

    /// <summary>A short label for a tick or a value: three significant digits, no exponent for everyday magnitudes.</summary>
    public static string Format(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        var format = magnitude switch
        {
            >= 1e5 or < 1e-3 => "0.##e0",
            >= 100 => "0",
            >= 1 => "0.##",
            _ => "G3",
        };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
