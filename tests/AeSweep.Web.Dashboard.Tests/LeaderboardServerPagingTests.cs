using AeSweep.Application;
using AeSweep.Application.Queries;
using AeSweep.Application.Views;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using AeSweep.Web.Components.Sweep;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>
/// The leaderboard grid (bUnit) paging, sorting and filtering through the database: a real SQLite store behind the
/// application's leaderboard reader; the grid holds no rows of its own.
/// </summary>
public sealed class LeaderboardServerPagingTests : IAsyncLifetime
{
    private const int Trials = 30;
    private readonly BunitContext _context = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("aesweep-leaderboard-").FullName;
    private readonly List<LeaderboardRequest> _requests = [];
    private string _connection = "";
    private LeaderboardReader _reader = null!;
    private string _sweepId = "";

    public LeaderboardServerPagingTests()
    {
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>
    /// 30 trials: #n completed with val_mse = |n − 12| / 100 + 0.01 (so #12 is best), learning_rate = (30 − n) / 1000,
    /// activation gelu for even numbers and relu for odd ones; #29 failed.
    /// </summary>
    public async Task InitializeAsync()
    {
        _connection = SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(_folder, "aesweep.db"));
        var contexts = new SweepDbContextFactory(StorageProvider.Sqlite, _connection);
        await new SweepDatabaseMigrator(contexts, NullLogger<SweepDatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var store = new EfSweepStore(contexts, TimeProvider.System, NullLogger<EfSweepStore>.Instance);
        var sweep = await store.CreateSweepAsync(new NewSweep("paging", "name: paging\n", SweepDefinitionFormat.Yaml, "val_mse", MetricGoal.Minimize, Seed: 1), CancellationToken.None);
        _sweepId = sweep.Id;
        var parameters = Enumerable.Range(0, Trials).Select(n => (IReadOnlyDictionary<string, ParameterValue>)new Dictionary<string, ParameterValue>
        {
            ["learning_rate"] = ParameterValue.Of((Trials - n) / 1000.0),
            ["activation"] = ParameterValue.Of(n % 2 == 0 ? "gelu" : "relu"),
        }).ToList();
        await store.AddTrialsAtAsync(sweep.Id, 0, parameters, CancellationToken.None);
        foreach (var trial in await store.ClaimPendingTrialsAsync("worker-a", Trials, TimeSpan.FromMinutes(5), CancellationToken.None))
        {
            var finish = trial.Number == Trials - 1
                ? new TrialFinish(trial.Id, TrialState.Failed, "loss became NaN", Lease: trial.Lease)
                : new TrialFinish(trial.Id, TrialState.Completed, Metrics: new Dictionary<string, double> { ["val_mse"] = (Math.Abs(trial.Number - 12) / 100.0) + 0.01 }, Lease: trial.Lease);
            (await store.FinishTrialAsync(finish, CancellationToken.None)).EnsureApplied();
        }

        _reader = new LeaderboardReader(store);
    }

    private IRenderedComponent<LeaderboardGrid> Render() => _context.Render<LeaderboardGrid>(p => p
        .Add(c => c.Rows, Array.Empty<LeaderboardRow>())
        .Add(c => c.Parameters, new[] { "learning_rate", "activation" })
        .Add(c => c.LoadPage, (request, ct) =>
        {
            _requests.Add(request);
            return _reader.ListAsync(_sweepId, request, ct);
        }));

    private static int[] Numbers(IRenderedComponent<LeaderboardGrid> grid) =>
        [.. grid.FindAll("a.trial-link").Select(a => int.Parse(a.TextContent.Trim().TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void The_first_page_comes_from_the_database_best_first()
    {
        var grid = Render();

        grid.WaitForAssertion(() => Assert.Equal(25, Numbers(grid).Length));
        Assert.Equal([12, 11, 13, 10, 14], Numbers(grid)[..5]);
        var request = _requests[^1];
        Assert.Equal((TrialSortKey.Objective, 0, 25), (request.SortBy, request.Page.Offset, request.Page.Limit));
        Assert.Contains("of 30", grid.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_quick_search_filters_in_the_database_with_ranges_and_values()
    {
        var grid = Render();
        grid.WaitForAssertion(() => Assert.Equal(25, Numbers(grid).Length));

        grid.Find("#leaderboard-filter").Input("activation=gelu learning_rate<=0.01");

        // learning_rate ≤ 0.01 keeps #20..#29; gelu keeps the even ones.
        grid.WaitForAssertion(() => Assert.Equal([20, 22, 24, 26, 28], Numbers(grid).Order()));
        var request = _requests[^1];
        Assert.Equal("activation=gelu", request.Text);
        Assert.Equal(new TrialValueRange(TrialValueSource.Parameter, "learning_rate", Max: 0.01), Assert.Single(request.Ranges!));
    }

    [Fact]
    public async Task Sorting_a_parameter_column_sorts_in_the_database_and_paging_follows()
    {
        var grid = Render();
        grid.WaitForAssertion(() => Assert.Equal(25, Numbers(grid).Length));
        var dataGrid = grid.FindComponent<MudDataGrid<LeaderboardRow>>().Instance;
        var column = dataGrid.RenderedColumns.Single(c => c.Title == "learning_rate");

        await grid.InvokeAsync(() => dataGrid.SetSortAsync(column.PropertyName!, SortDirection.Ascending, r => r.NumericParameter("learning_rate") ?? 0));

        // The smallest learning rate belongs to the last trial.
        grid.WaitForAssertion(() => Assert.Equal([29, 28, 27], Numbers(grid)[..3]));
        Assert.Equal((TrialSortKey.Parameter, "learning_rate"), (_requests[^1].SortBy, _requests[^1].SortName));

        await grid.InvokeAsync(() => dataGrid.NavigateTo(Page.Next));
        grid.WaitForAssertion(() => Assert.Equal([4, 3, 2, 1, 0], Numbers(grid)));
        Assert.Equal(25, _requests[^1].Page.Offset);
    }

    public async Task DisposeAsync()
    {
        // MudBlazor's services are only IAsyncDisposable.
        await _context.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(_connection));
        Directory.Delete(_folder, recursive: true);
    }
}
