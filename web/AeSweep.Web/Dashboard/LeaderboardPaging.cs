using AeSweep.Application;
using AeSweep.Application.Views;
using MudBlazor;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// The leaderboard grid's database paging: reads the grid's first sort and its column filters, asks for one page
/// (<see cref="LeaderboardQuery"/>) and turns the answer into grid rows. Only the first sort column counts (the
/// database sorts by one key, then by trial number).
/// </summary>
public static class LeaderboardPaging
{
    public static async Task<GridData<LeaderboardRow>> LoadAsync(
        GridState<LeaderboardRow> state,
        MudDataGrid<LeaderboardRow>? grid,
        Func<LeaderboardRequest, CancellationToken, Task<LeaderboardPage?>> load,
        string? search,
        IReadOnlyCollection<string>? states,
        IReadOnlyList<string> parameters,
        IReadOnlyDictionary<string, double> pcaByCodeSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(load);
        var sort = state.SortDefinitions.OrderBy(s => s.Index).FirstOrDefault() is { } first
            ? (ColumnOf(grid, first.SortBy), first.Descending)
            : ((LeaderboardQuery.Column, bool)?)null;
        var filters = state.FilterDefinitions
            .Where(f => f.Column is not null)
            .Select(f => new LeaderboardQuery.Filter(new LeaderboardQuery.Column(f.Column!.Title, f.Column.PropertyName), f.Operator, f.Value));
        var request = LeaderboardQuery.Build(state.Page, state.PageSize, sort, filters, search, states, parameters);
        var page = await load(request, cancellationToken);
        return new GridData<LeaderboardRow>
        {
            TotalItems = page?.Total ?? 0,
            Items = page is null ? [] : [.. page.Trials.Select(t => LeaderboardRows.From(t, pcaByCodeSize))],
        };
    }

    /// <summary>The sorted column's title and property name (a template column's property name is an opaque id, its title the parameter).</summary>
    private static LeaderboardQuery.Column ColumnOf(MudDataGrid<LeaderboardRow>? grid, string sortBy) =>
        grid?.RenderedColumns.FirstOrDefault(c => c.PropertyName == sortBy) is { } column
            ? new LeaderboardQuery.Column(column.Title, column.PropertyName)
            : new LeaderboardQuery.Column(null, sortBy);
}
