using System.Net.Http;
using Microsoft.Playwright;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// The sweep page's analysis (issue 15, item 2) in Debian's headless Chromium against a real <c>aesweep serve</c>: a
/// small sweep with a conditional parameter, listed values and ASHA pruning runs to the end, then each analysis tab is
/// opened and photographed — history (best so far, pruned trials hollow, two metrics on the learning curves),
/// parallel coordinates (categorical ticks, n/a slot, brushing that filters the leaderboard), slices, contour, EDF and
/// the gallery. Screenshots: TestResults/screenshots/analysis-*.png (or under $AESWEEP_SCREENSHOTS).
/// </summary>
public sealed class AnalysisBrowserTests() : DashboardBrowserSession("aesweep-analysis-", "--slots", "2", "--examples", Path.Combine(AesweepProcess.Root, "examples"))
{
    private const string Sweep = """
        name: analysis-browser-test
        dataset: {name: synthetic, limit: 1200}
        model: {values: [dense, vae]}
        method: random
        parameters:
          code_size:     {values: [2, 4, 8]}
          width:         {values: [32, 64]}
          beta:          {distribution: log_uniform_values, min: 0.1, max: 2.0, when: {model: vae}}
          learning_rate: {distribution: log_uniform_values, min: 0.0003, max: 0.01}
          batch_size:    {value: 32}
          epochs:        {value: 4}
        early_terminate: {type: asha, min_epochs: 1, reduction_factor: 2}
        budget: {max_trials: 10, max_parallel: 2}
        seed: 5
        """;

    [Fact]
    public async Task Every_analysis_tab_shows_completed_and_pruned_trials_and_brushing_filters_the_leaderboard()
    {
        var page = await NewPageAsync(TimeSpan.FromSeconds(30));
        await LogInAsync(page);

        await page.GotoAsync(BaseUrl + "/sweeps/new");
        await WaitUntilLiveAsync(page);
        await page.Locator("#sweep-editor").FillAsync(Sweep);
        await page.WaitForSelectorAsync("#submit-sweep:not([disabled])");
        await page.ClickAsync("#submit-sweep");
        await page.WaitForURLAsync(url => url.Contains("/sweeps/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        var sweepUrl = page.Url.Split('?')[0];
        await WaitUntilLiveAsync(page);

        // The sweep runs to its end (10 trials; ASHA prunes some after their first epoch).
        async Task<int> FinishedAsync()
        {
            var count = 0;
            foreach (var state in new[] { "completed", "pruned", "failed" })
            {
                count += await page.Locator($"#leaderboard tbody .state-chip:has-text('{state}')").CountAsync();
            }

            return count;
        }

        await Polling.WaitForAsync(async () => await FinishedAsync() >= 10 ? "done" : null, TimeSpan.FromSeconds(420), () => $"the sweep did not finish:\n{Tail(Server.Stderr)}");
        await page.GotoAsync(sweepUrl);
        await WaitUntilLiveAsync(page);
        var pruned = await page.Locator("#leaderboard tbody .state-chip:has-text('pruned')").CountAsync();
        await ShotAsync(page, "analysis-01-leaderboard");

        // History: the objective with the best-so-far staircase, pruned trials hollow (the toggle is on by default
        // while fewer than 6 trials completed; switch it on here either way), then train_loss beside val_mse per epoch.
        await page.GotoAsync(sweepUrl + "?tab=history");
        await WaitUntilLiveAsync(page);
        var includePruned = page.Locator("#include-pruned-row input[type=checkbox]");
        if (pruned > 0 && !await includePruned.IsCheckedAsync())
        {
            await includePruned.ClickAsync();
        }

        await page.WaitForSelectorAsync("#history-chart svg");
        Assert.Contains("best so far", await page.InnerTextAsync("#history-chart"), StringComparison.Ordinal);
        if (pruned > 0)
        {
            await page.WaitForSelectorAsync("#history-chart circle.hollow");
        }

        await page.ClickAsync("#curve-metrics .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('train_loss')");
        await page.Keyboard.PressAsync("Escape");
        await Polling.WaitForAsync(
            async () => (await page.InnerTextAsync(".learning-curves-chart")).Contains("train_loss", StringComparison.Ordinal) ? "two metrics" : null,
            TimeSpan.FromSeconds(20),
            "the learning curves never showed train_loss");
        await ShotAsync(page, "analysis-02-history");

        // Parallel coordinates: exactly the listed code sizes as ticks, an n/a slot for beta (dense trials lack it);
        // clicking a code size filters the leaderboard.
        await page.ClickAsync(".mud-tab:has-text('Parameters')");
        await page.WaitForSelectorAsync("#parallel-coordinates svg");
        var ticks = await page.Locator("#parallel-coordinates text.pc-tick.categorical").AllTextContentsAsync();
        Assert.Contains("2", ticks);
        Assert.Contains("8", ticks);
        Assert.DoesNotContain("3", ticks);
        await ShotAsync(page, "analysis-03-parallel-coordinates");
        await page.ClickAsync("#parallel-coordinates rect.pc-category[data-axis='code_size'][data-category='4']");
        await page.WaitForSelectorAsync(".brush-filter-notice");
        var notice = await page.InnerTextAsync(".brush-filter-notice");
        Assert.Matches(@"\d+ of \d+ trials shown", notice);
        await ShotAsync(page, "analysis-04-brushed");
        await page.ClickAsync(".mud-tab:has-text('Leaderboard')");
        await page.WaitForSelectorAsync(".brush-filter-notice");
        // The grid pages the brushed rows once it re-renders: wait until it shows as many rows as the notice counts.
        var expected = int.Parse(System.Text.RegularExpressions.Regex.Match(await page.InnerTextAsync(".brush-filter-notice"), @"(\d+) of 10 trials shown").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var shownRows = 0;
        await Polling.WaitForAsync(
            async () => (shownRows = await page.Locator("#leaderboard tbody tr:has(.state-chip)").CountAsync()) == expected ? "shown" : null,
            TimeSpan.FromSeconds(20),
            () => $"the leaderboard shows {shownRows} rows, the brush notice {expected}");
        Assert.True(shownRows < 10, $"the brush left all {shownRows} rows");
        await ShotAsync(page, "analysis-05-leaderboard-filtered");
        await page.ClickAsync(".brush-filter-clear");
        await page.WaitForSelectorAsync(".brush-filter-notice", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });

        // Slices, contour and the EDF.
        await page.GotoAsync(sweepUrl + "?tab=analysis");
        await WaitUntilLiveAsync(page);
        await page.WaitForSelectorAsync("#slice-plots .slice-plot");
        Assert.True(await page.Locator("#slice-plots .slice-plot").CountAsync() >= 3);
        await page.WaitForSelectorAsync("#contour-plot rect.contour-cell");
        await page.WaitForSelectorAsync("#edf-chart svg path");
        await ShotAsync(page, "analysis-06-slices-contour-edf");

        await page.GotoAsync(sweepUrl + "?tab=gallery");
        await WaitUntilLiveAsync(page);
        await page.WaitForSelectorAsync("#gallery img");
        await ShotAsync(page, "analysis-07-gallery");
    }
}
