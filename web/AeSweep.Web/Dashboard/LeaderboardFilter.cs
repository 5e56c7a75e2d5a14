namespace AeSweep.Web.Dashboard;

/// <summary>The leaderboard's quick filter: the picked states, and every search term found in a row's number, state or parameter values.</summary>
public static class LeaderboardFilter
{
    public static IEnumerable<LeaderboardRow> Apply(IEnumerable<LeaderboardRow> rows, string? search, IReadOnlyCollection<string>? states)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var terms = (search ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rows.Where(row =>
            (states is not { Count: > 0 } || states.Contains(row.StateName))
            && terms.All(term => row.SearchText.Contains(term, StringComparison.OrdinalIgnoreCase)));
    }
}
