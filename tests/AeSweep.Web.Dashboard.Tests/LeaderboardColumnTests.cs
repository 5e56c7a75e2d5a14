using AeSweep.Application.Views;
using AeSweep.Core.Catalog;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Web.Components.Sweep;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>
/// The leaderboard's column model and chooser, rendered by bUnit: number, state and the objective first, then metrics,
/// then parameters in the file's order; a parameter that appears later takes its place without moving the others; the
/// chooser hides a column.
/// </summary>
public sealed class LeaderboardColumnTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public LeaderboardColumnTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
    }

    [Fact]
    public void The_model_puts_state_and_objective_first_then_metrics_then_parameters_in_the_files_order()
    {
        var columns = LeaderboardColumns.Build(MetricNames.ValidationMse, new HashSet<string>(), ["code_size", "learning_rate"]);

        Assert.Equal(["number", "state", "objective"], columns.Take(3).Select(c => c.Key));
        Assert.DoesNotContain(columns, c => c.Key == MetricNames.ValidationMse);
        Assert.Equal(["param:code_size", "param:learning_rate"], columns.TakeLast(2).Select(c => c.Key));
        Assert.True(columns.Select(c => c.Group).SequenceEqual(columns.Select(c => c.Group).Order()));
        Assert.DoesNotContain(columns, c => c.Key == MetricNames.ValidationAuroc);
    }

    [Fact]
    public void A_parameter_that_appears_later_takes_its_place_and_the_grid_keeps_the_others_in_order()
    {
        var grid = _context.Render<LeaderboardGrid>(p => p
            .Add(c => c.Rows, [Row(0, ("code_size", 8), ("learning_rate", 0.01))])
            .Add(c => c.Parameters, ["code_size", "learning_rate"])
            .Add(c => c.ObjectiveMetric, MetricNames.ValidationMse));
        var before = Headers(grid);

        grid.Render(p => p
            .Add(c => c.Rows, [Row(0, ("code_size", 8), ("learning_rate", 0.01)), Row(1, ("code_size", 4), ("beta", 2.0), ("learning_rate", 0.001))])
            .Add(c => c.Parameters, ["code_size", "beta", "learning_rate"]));
        var after = Headers(grid);

        Assert.Equal(["#", "State", "val_mse ★"], before.Take(3));
        Assert.Equal(["code_size", "learning_rate"], before.TakeLast(2));
        Assert.Equal(["code_size", "beta", "learning_rate"], after.TakeLast(3));
        Assert.Equal(before.SkipLast(2), after.SkipLast(3));
        Assert.True(after.IndexOf("Duration") < after.IndexOf("code_size"));
    }

    [Fact]
    public async Task The_chooser_hides_a_column_and_shows_it_again_in_its_place()
    {
        var grid = _context.Render<LeaderboardGrid>(p => p
            .Add(c => c.Rows, [Row(0, ("code_size", 8), ("learning_rate", 0.01))])
            .Add(c => c.Parameters, ["code_size", "learning_rate"])
            .Add(c => c.ObjectiveMetric, MetricNames.ValidationMse));
        var all = Headers(grid);
        var chooser = grid.FindComponent<LeaderboardColumnChooser>();
        Assert.DoesNotContain(chooser.Instance.Columns.Where(c => c.Hideable), c => c.Key is "number" or "state" or "objective");

        await grid.InvokeAsync(() => chooser.Instance.HiddenChanged.InvokeAsync(new HashSet<string> { "param:code_size" }));
        grid.WaitForAssertion(() => Assert.DoesNotContain("code_size", Headers(grid)));
        Assert.Equal(all.Where(h => h != "code_size"), Headers(grid));
        Assert.DoesNotContain(grid.FindAll("td .param-value"), cell => cell.TextContent == "8");

        await grid.InvokeAsync(() => chooser.Instance.HiddenChanged.InvokeAsync(new HashSet<string>()));
        grid.WaitForAssertion(() => Assert.Equal(all, Headers(grid)));
    }

    private static List<string> Headers(IRenderedComponent<LeaderboardGrid> grid) =>
        // A header's text ends with its sort index (MudBlazor's "0" placeholder); the titles here end in no digit.
        [.. grid.FindAll("thead th").Select(th => th.TextContent.Trim().TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')).Where(text => text.Length > 0)];

    private static LeaderboardRow Row(int number, params (string Name, double Value)[] parameters)
    {
        var values = parameters.ToDictionary(p => p.Name, p => p.Value == Math.Floor(p.Value) && p.Value > 2 ? ParameterValue.Of((long)p.Value) : ParameterValue.Of(p.Value), StringComparer.Ordinal);
        var metrics = new Dictionary<string, double> { [MetricNames.ValidationMse] = 0.02 + (0.001 * number), [MetricNames.ValidationPsnr] = 17.5 };
        var start = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var trial = new TrialRecord($"trial-{number}", "sweep-a", number, TrialState.Completed, values, 1, null, start, start, start.AddSeconds(42), metrics, metrics[MetricNames.ValidationMse], null);
        return new LeaderboardRow(trial, metrics, 3, 3, null);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();
}
