using AeSweep.Application.Contracts;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>A page of a sweep's trials: offset and limit, sort key and direction, and an optional state filter.</summary>
public sealed record TrialPageRequest(PageRequest Page, TrialSortKey SortBy = TrialSortKey.Number, bool Descending = false, TrialState? State = null)
{
    /// <summary>The sort names the API takes (<c>-</c> in front for descending).</summary>
    public static readonly IReadOnlyList<string> SortNames = ["number", "state", "started_at", "finished_at", "objective"];

    /// <summary>
    /// Reads a query string's offset, limit, sort (<c>number | state | started_at | finished_at | objective</c>, a
    /// leading '-' for descending) and state filter. Exactly one of the two results is non-null.
    /// </summary>
    public static (TrialPageRequest? Request, FieldErrorView? Error) Parse(string? offset, string? limit, string? sort, string? state)
    {
        var (page, pageError) = PageRequest.Parse(offset, limit);
        if (page is null)
        {
            return (null, pageError);
        }

        var descending = sort?.StartsWith('-') == true;
        TrialSortKey key;
        switch (descending ? sort![1..] : sort)
        {
            case null or "" or "number": key = TrialSortKey.Number; break;
            case "state": key = TrialSortKey.State; break;
            case "started_at": key = TrialSortKey.StartedAt; break;
            case "finished_at": key = TrialSortKey.FinishedAt; break;
            case "objective": key = TrialSortKey.Objective; break;
            default: return (null, new FieldErrorView("sort", null, $"'{sort}' is not one of number, state, started_at, finished_at, objective (prefix '-' for descending)"));
        }

        TrialState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<TrialState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(state, out _))
            {
                return (null, new FieldErrorView("state", null, $"'{state}' is not one of {string.Join(", ", Enum.GetValues<TrialState>().Select(ContractMapping.Name))}"));
            }

            filter = parsed;
        }

        return (new TrialPageRequest(page, key, descending, filter), null);
    }
}
