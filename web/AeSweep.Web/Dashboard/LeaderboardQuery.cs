using System.Globalization;
using System.Text.RegularExpressions;
using AeSweep.Application;
using AeSweep.Core.Catalog;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// Turns what the leaderboard grid asks for (its first sort column, its numeric column filters, the quick search and
/// the picked states) into a <see cref="LeaderboardRequest"/> that the database answers. Columns are known by their
/// title or property name: <c>#</c>, <c>State</c>, <c>Duration</c>, a metric, or a searched parameter. In the quick search
/// a term <c>name&lt;value</c>, <c>name&lt;=value</c>, <c>name&gt;value</c> or <c>name&gt;=value</c> bounds a parameter (when
/// <c>name</c> is one) or a metric; bounds are inclusive. Columns the database cannot sort by (epochs, vs PCA) fall back
/// to the objective, best first.
/// </summary>
public static partial class LeaderboardQuery
{
    /// <summary>The leaderboard's metric columns by property name (their titles are the metric names themselves).</summary>
    private static readonly Dictionary<string, string> MetricProperties = new(StringComparer.Ordinal)
    {
        [nameof(LeaderboardRow.ValMse)] = MetricNames.ValidationMse,
        [nameof(LeaderboardRow.ValPsnr)] = MetricNames.ValidationPsnr,
        [nameof(LeaderboardRow.ValSsim)] = MetricNames.ValidationSsim,
        [nameof(LeaderboardRow.ValAuroc)] = MetricNames.ValidationAuroc,
        [nameof(LeaderboardRow.ValAuprc)] = MetricNames.ValidationAuprc,
        [nameof(LeaderboardRow.PcaMse)] = MetricNames.PcaValidationMse,
        ["PCA mse"] = MetricNames.PcaValidationMse,
        [nameof(LeaderboardRow.ValDenoisePsnr)] = MetricNames.ValidationDenoisePsnr,
        [nameof(LeaderboardRow.ValKnnAccuracy)] = MetricNames.ValidationKnnAccuracy,
        [nameof(LeaderboardRow.ValLinearProbeAccuracy)] = MetricNames.ValidationLinearProbeAccuracy,
    };

    /// <summary>One sort or filter column as the grid names it: its title (parameters, metrics) and property name.</summary>
    public sealed record Column(string? Title, string? PropertyName);

    /// <summary>A numeric column filter: the column, MudBlazor's operator text and the value.</summary>
    public sealed record Filter(Column Column, string? Operator, object? Value);

    public static LeaderboardRequest Build(
        int page,
        int pageSize,
        (Column Column, bool Descending)? sort,
        IEnumerable<Filter> filters,
        string? search,
        IReadOnlyCollection<string>? states,
        IReadOnlyList<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (key, name, descending) = sort is { } s ? SortOf(s.Column, s.Descending, parameters) : (TrialSortKey.Objective, null, false);
        var ranges = new List<TrialValueRange>();
        foreach (var filter in filters)
        {
            if (Value(filter.Column, parameters) is { } target && ToDouble(filter.Value) is { } value && RangeOf(target.Source, target.Name, filter.Operator, value) is { } range)
            {
                ranges.Add(range);
            }
        }

        var text = new List<string>();
        foreach (var term in (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var bound = Bound().Match(term);
            if (bound.Success && double.TryParse(bound.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                var target = bound.Groups["name"].Value;
                var source = parameters.Contains(target, StringComparer.Ordinal) ? TrialValueSource.Parameter : TrialValueSource.Metric;
                ranges.Add(RangeOf(source, target, bound.Groups["op"].Value, value)!);
            }
            else
            {
                text.Add(term);
            }
        }

        var picked = states is { Count: > 0 }
            ? states.Select(n => Enum.TryParse<TrialState>(n, ignoreCase: true, out var state) ? state : (TrialState?)null).OfType<TrialState>().ToList()
            : null;
        var offset = Math.Max(0, page) * Math.Clamp(pageSize, 1, PageRequest.MaxLimit);
        return new LeaderboardRequest(PageRequest.Of(offset, pageSize), key, name, descending, picked, ranges, text.Count > 0 ? string.Join(' ', text) : null);
    }

    private static (TrialSortKey Key, string? Name, bool Descending) SortOf(Column column, bool descending, IReadOnlyList<string> parameters)
    {
        if (Is(column, "#", nameof(LeaderboardRow.Number)))
        {
            return (TrialSortKey.Number, null, descending);
        }

        if (Is(column, "State", nameof(LeaderboardRow.StateName)))
        {
            return (TrialSortKey.State, null, descending);
        }

        if (Is(column, "Duration", nameof(LeaderboardRow.Duration)))
        {
            return (TrialSortKey.Duration, null, descending);
        }

        return Value(column, parameters) is { } value
            ? (value.Source == TrialValueSource.Metric ? TrialSortKey.Metric : TrialSortKey.Parameter, value.Name, descending)
            : (TrialSortKey.Objective, null, false);
    }

    /// <summary>The metric or parameter a column shows; null for columns that show neither.</summary>
    private static (TrialValueSource Source, string Name)? Value(Column column, IReadOnlyList<string> parameters)
    {
        if (column.Title is { } title && parameters.Contains(title, StringComparer.Ordinal))
        {
            return (TrialValueSource.Parameter, title);
        }

        foreach (var key in new[] { column.PropertyName, column.Title })
        {
            if (key is not null && MetricProperties.TryGetValue(key, out var metric))
            {
                return (TrialValueSource.Metric, metric);
            }
        }

        return column.Title is { } name && MetricProperties.ContainsValue(name) ? (TrialValueSource.Metric, name) : null;
    }

    private static TrialValueRange? RangeOf(TrialValueSource source, string name, string? op, double value) => op switch
    {
        ">" or ">=" or "≥" => new TrialValueRange(source, name, Min: value),
        "<" or "<=" or "≤" => new TrialValueRange(source, name, Max: value),
        "=" => new TrialValueRange(source, name, value, value),
        _ => null,
    };

    private static bool Is(Column column, string title, string property) => column.Title == title || column.PropertyName == property;

    private static double? ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_.]*)(?<op><=|>=|<|>)(?<value>[^<>=]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Bound();
}
