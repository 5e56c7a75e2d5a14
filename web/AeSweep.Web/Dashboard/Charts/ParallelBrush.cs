namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// Brushes on parallel-coordinates axes: per axis a value range (dragged on a numeric axis) and/or a set of picked
/// categories (clicked ticks, n/a among them). A trial is selected when it passes every brushed axis; kept in data
/// units, so a live reload that rescales an axis keeps the same selection.
/// </summary>
public sealed class ParallelBrush
{
    private readonly Dictionary<string, AxisBrush> _axes = new(StringComparer.Ordinal);

    /// <summary>One axis's brush: a closed value range (either end may be open) and picked categories.</summary>
    public sealed record AxisBrush(double? Low, double? High, IReadOnlySet<string> Categories)
    {
        public bool HasRange => Low is not null || High is not null;

        public bool Matches(ParallelCoordinatesLayout.AxisValue value) =>
            (value.Category is { } category && Categories.Contains(category))
            || (HasRange && value.Number is { } number && number >= (Low ?? double.NegativeInfinity) && number <= (High ?? double.PositiveInfinity));
    }

    public bool IsEmpty => _axes.Count == 0;

    public IReadOnlyDictionary<string, AxisBrush> Axes => _axes;

    /// <summary>Brushes the values between <paramref name="a"/> and <paramref name="b"/> (either order) on a numeric axis.</summary>
    public void SetRange(string axis, double a, double b)
    {
        var categories = _axes.GetValueOrDefault(axis)?.Categories ?? new HashSet<string>(StringComparer.Ordinal);
        _axes[axis] = new AxisBrush(Math.Min(a, b), Math.Max(a, b), categories);
    }

    /// <summary>Picks or unpicks a category (or n/a) on an axis; an axis with nothing picked is no longer brushed.</summary>
    public void ToggleCategory(string axis, string category)
    {
        var current = _axes.GetValueOrDefault(axis);
        var categories = new HashSet<string>(current?.Categories ?? new HashSet<string>(), StringComparer.Ordinal);
        if (!categories.Remove(category))
        {
            categories.Add(category);
        }

        Store(axis, current?.Low, current?.High, categories);
    }

    /// <summary>Removes the brush of one axis.</summary>
    public void ClearAxis(string axis) => _axes.Remove(axis);

    public void Clear() => _axes.Clear();

    /// <summary>Whether the line passes every brushed axis (axes the layout does not have are ignored).</summary>
    public bool Matches(ParallelCoordinatesLayout layout, ParallelCoordinatesLayout.Line line)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(line);
        for (var a = 0; a < layout.Axes.Count && a < line.Values.Count; a++)
        {
            if (_axes.TryGetValue(layout.Axes[a].Name, out var brush) && !brush.Matches(line.Values[a]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ids of the trials the brush selects among the layout's lines (all of them when nothing is brushed).</summary>
    public IReadOnlySet<string> Selected(ParallelCoordinatesLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.Lines.Where(l => Matches(layout, l)).Select(l => l.TrialId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What is brushed, in words: "code_size ∈ {4, 8} · learning_rate 0.001–0.01".</summary>
    public string Describe() => string.Join(" · ", _axes.Select(e =>
    {
        var parts = new List<string>();
        if (e.Value.HasRange)
        {
            parts.Add($"{ChartScale.Format(e.Value.Low ?? double.NegativeInfinity)}–{ChartScale.Format(e.Value.High ?? double.PositiveInfinity)}");
        }

        if (e.Value.Categories.Count > 0)
        {
            parts.Add($"∈ {{{string.Join(", ", e.Value.Categories.Order(StringComparer.Ordinal))}}}");
        }

        return $"{e.Key} {string.Join(" or ", parts)}";
    }));

    private void Store(string axis, double? low, double? high, HashSet<string> categories)
    {
        if (low is null && high is null && categories.Count == 0)
        {
            _axes.Remove(axis);
        }
        else
        {
            _axes[axis] = new AxisBrush(low, high, categories);
        }
    }
}
