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
public sealed class AnalysisBrowserTests : IAsyncLifetime
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

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-analysis-").FullName;
    private readonly string _screenshots = Environment.GetEnvironmentVariable("AESWEEP_SCREENSHOTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(AesweepProcess.Root, "TestResults", "screenshots");

    private readonly int _port = Polling.FreePort();
    private AesweepProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string BaseUrl => $"http://127.0.0.1:{_port}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_screenshots);
        _server = new AesweepProcess(
            new Dictionary<string, string> { ["AESWEEP_ADMIN_PASSWORD"] = string.Empty },
            "serve", "--urls", BaseUrl, "--data", _data, "--slots", "2", "--examples", Path.Combine(AesweepProcess.Root, "examples"));
        using var http = new HttpClient();
        await Polling.WaitForAsync(
            async () => (await Polling.TryAsync(() => http.GetStringAsync($"{BaseUrl}/health"))) is { } body && body.Contains("ok", StringComparison.Ordinal) ? body : null,
            TimeSpan.FromSeconds(120),
            "the dashboard never answered /health");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("AESWEEP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task Every_analysis_tab_shows_completed_and_pruned_trials_and_brushing_filters_the_leaderboard()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var tokenUrl = await Polling.WaitForAsync(
            () => Task.FromResult(System.Text.RegularExpressions.Regex.Match(_server!.Stderr, $@"{System.Text.RegularExpressions.Regex.Escape(BaseUrl)}/\?token=\S+") is { Success: true } m ? m.Value : null),
            TimeSpan.FromSeconds(30),
            () => $"serve printed no token URL:\n{Tail(_server!.Stderr)}");
        await page.GotoAsync(tokenUrl);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal) && !url.Contains("token=", StringComparison.Ordinal));

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

        await Polling.WaitForAsync(async () => await FinishedAsync() >= 10 ? "done" : null, TimeSpan.FromSeconds(420), () => $"the sweep did not finish:\n{Tail(_server!.Stderr)}");
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

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // The server may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;

    private static Task WaitUntilLiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#interactive", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
}
