using System.Globalization;
using AeSweep.Core.Trials;
using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>
/// The leaderboard's filters, pushed into the SQL: states, numeric ranges over metrics or parameters, and the quick
/// search. A search term is <c>#12</c> (trial number), <c>name=value</c> (a parameter equal to a number or a category),
/// a state name, or any other text found in the parameters (case-insensitive); every term must match.
/// </summary>
internal static class TrialFiltering
{
    /// <summary>At most this many search terms and range filters are applied (everything a user controls is bounded).</summary>
    public const int MaxTerms = 16;

    public static IQueryable<TrialEntity> Apply(IQueryable<TrialEntity> trials, TrialQuery query)
    {
        if (query.State is { } state)
        {
            trials = trials.Where(t => t.State == state);
        }

        if (query.States is { Count: > 0 } states)
        {
            var picked = states.Distinct().ToList();
            trials = trials.Where(t => picked.Contains(t.State));
        }

        foreach (var range in (query.Ranges ?? []).Take(MaxTerms))
        {
            trials = Within(trials, range);
        }

        foreach (var term in (query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxTerms))
        {
            trials = Matching(trials, term);
        }

        return trials;
    }

    private static IQueryable<TrialEntity> Within(IQueryable<TrialEntity> trials, TrialValueRange range)
    {
        var name = range.Name;
        trials = range.Source == TrialValueSource.Metric
            ? trials.Where(t => TrialValueFunctions.Number(t.FinalMetricsJson, name) != null)
            : trials.Where(t => TrialValueFunctions.Number(t.ParametersJson, name) != null);
        if (range.Min is { } min)
        {
            trials = range.Source == TrialValueSource.Metric
                ? trials.Where(t => TrialValueFunctions.Number(t.FinalMetricsJson, name) >= min)
                : trials.Where(t => TrialValueFunctions.Number(t.ParametersJson, name) >= min);
        }

        if (range.Max is { } max)
        {
            trials = range.Source == TrialValueSource.Metric
                ? trials.Where(t => TrialValueFunctions.Number(t.FinalMetricsJson, name) <= max)
                : trials.Where(t => TrialValueFunctions.Number(t.ParametersJson, name) <= max);
        }

        return trials;
    }

    private static IQueryable<TrialEntity> Matching(IQueryable<TrialEntity> trials, string term)
    {
        if (term.StartsWith('#') && int.TryParse(term.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return trials.Where(t => t.Number == number);
        }

        if (term.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
        {
            var name = term[..eq];
            var value = term[(eq + 1)..];
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var numeric)
                ? trials.Where(t => TrialValueFunctions.Number(t.ParametersJson, name) == numeric)
                : trials.Where(t => TrialValueFunctions.Text(t.ParametersJson, name) == value);
        }

        if (Enum.TryParse<TrialState>(term, ignoreCase: true, out var state) && Enum.IsDefined(state) && !int.TryParse(term, out _))
        {
            return trials.Where(t => t.State == state);
        }

        // Any other text: found in the parameters' JSON (names and values), ignoring case.
        var lowered = term.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL (lower(x) LIKE '%term%'); the comparison overloads have no translation.
        return trials.Where(t => t.ParametersJson.ToLower().Contains(lowered));
#pragma warning restore CA1862
    }
}
