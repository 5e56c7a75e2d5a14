using AeSweep.Core.Search;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// A parameter as a chart axis in [0, 1]: a <c>values:</c> parameter (or any non-numeric one) as evenly wide
/// category bands with exactly its values as ticks, a numeric one linear or log with round ticks. Slice and contour
/// plots map parameters through this, then scale [0, 1] onto their pixels.
/// </summary>
public sealed class ParameterAxis
{
    private readonly ChartScale? _scale;
    private readonly Dictionary<string, int> _index;

    private ParameterAxis(string name, IReadOnlyList<string> categories, ChartScale? scale, IReadOnlyList<ParameterValue> values)
    {
        Name = name;
        Categories = categories;
        _scale = scale;
        _index = categories.Select((c, i) => (c, i)).ToDictionary(e => e.c, e => e.i, StringComparer.Ordinal);
        Ticks = scale is null
            ? [.. categories.Select((c, i) => (c, (i + 0.5) / categories.Count))]
            : [.. ParallelCoordinatesLayout.AxisTicks(scale, values).Select(t => (ChartScale.Format(t), scale.Map(t)))];
    }

    public string Name { get; }

    public bool Categorical => _scale is null;

    /// <summary>The categories in axis order (empty on a numeric axis).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Tick labels and their positions in [0, 1].</summary>
    public IReadOnlyList<(string Label, double Position)> Ticks { get; }

    /// <summary>The axis of parameter <paramref name="name"/> over the values trials took; <paramref name="listed"/>: its <c>values:</c> list.</summary>
    public static ParameterAxis Of(string name, IEnumerable<ParameterValue> values, IReadOnlyList<ParameterValue>? listed, bool log)
    {
        ArgumentNullException.ThrowIfNull(values);
        var seen = values.ToList();
        if (listed is null && seen.Count > 0 && seen.All(v => v.IsNumeric))
        {
            var useLog = log && seen.All(v => v.AsDouble() > 0);
            return new ParameterAxis(name, [], ChartScale.Fit(seen.Select(v => v.AsDouble()), 0, 1, useLog), seen);
        }

        IReadOnlyList<string> categories = listed is not null
            ? [.. listed.Select(v => v.AsString()).Concat(seen.Select(v => v.AsString())).Distinct(StringComparer.Ordinal)]
            : [.. seen.Distinct().Order().Select(v => v.AsString())];
        return new ParameterAxis(name, categories, null, seen);
    }

    /// <summary>Where a value sits in [0, 1] (a category: its band's centre); null when it cannot be placed.</summary>
    public double? Position(ParameterValue? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (_scale is not null)
        {
            return v.IsNumeric && (!_scale.Log || v.AsDouble() > 0) ? _scale.Map(v.AsDouble()) : null;
        }

        return _index.TryGetValue(v.AsString(), out var i) ? (i + 0.5) / Categories.Count : null;
    }
}
