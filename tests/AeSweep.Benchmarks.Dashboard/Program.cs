using System.Globalization;
using AeSweep.Application;
using AeSweep.Application.Queries;
using AeSweep.Core.Analysis;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using AeSweep.Web;
using AeSweep.Web.Dashboard;
using AeSweep.Web.Dashboard.Charts;
using AeSweep.Web.Dashboard.Importance;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Benchmarks.Dashboard;

/// <summary>
/// The dashboard at 10,000 trials (issue 15, item 3): starts the real web host (SQLite in a temp folder, no worker
/// slots), stores one finished sweep of <c>--trials</c> trials through the store, then times (median of
/// <c>--repeats</c> after warm-ups) the sweep page's GET as a browser sends it (prerendered, so it runs every query
/// and the render on the server), the analysis query, leaderboard pages sorted and filtered in the database, the
/// chart series, and parameter importance. Prints a Markdown table; <c>--out FILE</c> writes it too.
/// Usage: <c>dotnet run -c Release --project tests/AeSweep.Benchmarks.Dashboard -- [--trials 10000] [--repeats 7] [--out FILE]</c>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var trials = Option(args, "--trials", 10_000);
        var repeats = Option(args, "--repeats", 7);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        var folder = Directory.CreateTempSubdirectory("aesweep-dashboard-bench-").FullName;
        var ct = CancellationToken.None;
        var app = AeSweepWebServer.Build(new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = folder, Slots = 0 });
        try
        {
            await AeSweepWebServer.StartAsync(app, ct);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var store = app.Services.GetRequiredService<EfSweepStore>();
            Console.Error.WriteLine($"Storing {trials} trials ...");
            var fill = System.Diagnostics.Stopwatch.StartNew();
            var sweepId = await LargeSweep.CreateAsync(store, trials, ct);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stored in {fill.Elapsed.TotalSeconds:0.0} s"));

            var queries = app.Services.GetRequiredService<ISweepQueries>();
            var timing = new Timing(warmups: 2, repeats);
            using var browser = await DashboardClientAsync(address, folder);

            foreach (var tab in new[] { "leaderboard", "history", "parameters" })
            {
                await timing.MeasureAsync($"GET /sweeps/{{id}}?tab={tab} (server render, all queries)", async () =>
                {
                    using var response = await browser.GetAsync($"/sweeps/{sweepId}?tab={tab}", ct);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(ct);
                }, html => Check(html, trials));
            }

            var analysis = await timing.MeasureAsync("analysis query (GetSweepAnalysisAsync, incl. importance)", () => queries.GetSweepAnalysisAsync(sweepId, ct), a =>
                $"{a!.Trials.Count} chart trials, {a.Epochs.Count} curves");
            var board = timing.Measure("SweepBoard.Build", () => SweepBoard.Build(analysis!), b => $"{b.Rows.Count} rows");

            PageRequest Page(int offset = 0) => PageRequest.Of(offset, 25);
            await timing.MeasureAsync("leaderboard page 1, best first", () => queries.ListLeaderboardAsync(sweepId, new LeaderboardRequest(Page()), ct), p => $"{p!.Total} rows in all");
            await timing.MeasureAsync("leaderboard page 200, best first", () => queries.ListLeaderboardAsync(sweepId, new LeaderboardRequest(Page(199 * 25)), ct), p => $"{p!.Trials.Count} rows");
            await timing.MeasureAsync("leaderboard sorted by val_ssim desc", () => queries.ListLeaderboardAsync(sweepId, new LeaderboardRequest(Page(), TrialSortKey.Metric, "val_ssim", true), ct), p => $"{p!.Total} rows in all");
            await timing.MeasureAsync("leaderboard sorted by learning_rate", () => queries.ListLeaderboardAsync(sweepId, new LeaderboardRequest(Page(), TrialSortKey.Parameter, "learning_rate"), ct), p => $"{p!.Total} rows in all");
            await timing.MeasureAsync("leaderboard sorted by loss (category)", () => queries.ListLeaderboardAsync(sweepId, new LeaderboardRequest(Page(), TrialSortKey.Parameter, "loss"), ct), p => $"{p!.Total} rows in all");
            await timing.MeasureAsync("leaderboard sorted by duration", () => queries.ListLeaderboardAsync(sweepId, new LeaderboardRequest(Page(), TrialSortKey.Duration, Descending: true), ct), p => $"{p!.Total} rows in all");
            await timing.MeasureAsync("leaderboard filtered: completed, val_mse ≤ 0.02, code_size ≥ 16, text 'mse'", () => queries.ListLeaderboardAsync(sweepId, new LeaderboardRequest(
                Page(), TrialSortKey.Metric, "val_mse", States: [TrialState.Completed],
                Ranges: [new TrialValueRange(TrialValueSource.Metric, "val_mse", Max: 0.02), new TrialValueRange(TrialValueSource.Parameter, "code_size", Min: 16)],
                Text: "loss=mse"), ct), p => $"{p!.Total} rows match");

            timing.Measure("chart: optimization history series", () => SweepCharts.OptimizationHistory(board.Rows, board.Goal, board.Sweep.MetricName), s => $"{s.Sum(x => x.Points.Count)} points");
            timing.Measure("chart: learning curves series", () => SweepCharts.LearningCurves(board.Rows, board.Epochs, board.Sweep.MetricName), s => $"{s.Count} lines");
            var ranked = board.Ranked;
            timing.Measure("chart: parallel coordinates layout", () => ParallelCoordinatesLayout.Build(
                [.. ranked.Select(r => new ParallelCoordinatesLayout.Trial(r.Number, r.Id, r.Trial.Parameters, r.Trial.ObjectiveValue!.Value))],
                board.ParameterNames, board.Sweep.MetricName, board.Goal, board.IsLogScale, width: 1100, height: 380), _ => $"{ranked.Count} lines");

            var all = (await app.Services.GetRequiredService<ISweepReadModel>().ListAllTrialsAsync(sweepId, ct))!.Trials;
            var completed = all.Where(t => t.State == TrialState.Completed && t.ObjectiveValue is not null).ToList();
            var samples = completed.Select(t => new ImportanceTrial(t.Parameters, t.ObjectiveValue!.Value)).ToList();
            string[] names = ["code_size", "depth", "width", "loss", "learning_rate"];
            timing.Measure($"importance: PED-ANOVA, {completed.Count} trials, 32 bootstrap resamples", () => PedAnovaImportance.Compute(samples, names, n => n == "learning_rate"),
                r => string.Join(", ", r.Entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Parameter} {e.Share:0.00}±{e.StandardDeviation:0.00}"))));
            var forestSamples = completed.Select(t => new ImportanceSample(t.Parameters, t.ObjectiveValue!.Value)).ToList();
            new Timing(0, 1).Measure($"importance: old random-forest permutation, {completed.Count} trials (one run)", () => ParameterImportance.Compute(forestSamples, names),
                r => string.Join(", ", r.Entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Parameter} {e.Share:0.00}"))));

            var table = $"{trials} trials ({completed.Count} completed), SQLite, {Environment.ProcessorCount} cores, median of {repeats} after 2 warm-ups\n\n" + timing.Markdown();
            Console.WriteLine(table);
            if (output is not null)
            {
                await File.WriteAllTextAsync(output, table, ct);
            }

            return 0;
        }
        finally
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A browser-like client holding the dashboard's session cookie (it opened the address serve prints).</summary>
    private static async Task<HttpClient> DashboardClientAsync(Uri address, string folder)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), UseCookies = true }) { BaseAddress = address };
        var token = (await File.ReadAllTextAsync(Path.Combine(folder, AeSweep.Web.Security.DashboardToken.FileName))).Trim();
        using var response = await client.GetAsync($"/?token={Uri.EscapeDataString(token)}");
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>The page really rendered the sweep: its trial count is in the HTML.</summary>
    private static string Check(string html, int trials)
    {
        var count = trials.ToString(CultureInfo.InvariantCulture);
        if (!html.Contains("dashboard-benchmark", StringComparison.Ordinal) || !html.Contains(count, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the sweep page did not render the sweep (name or trial count missing)");
        }

        return $"{html.Length / 1024} KiB HTML";
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
