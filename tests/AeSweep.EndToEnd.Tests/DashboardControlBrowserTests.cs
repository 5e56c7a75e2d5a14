using System.Net.Http;
using Microsoft.Playwright;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// Sweep control through the dashboard buttons in Debian's headless Chromium, against a real <c>aesweep serve</c>
/// (embedded silo, local worker, SQLite): pause and resume a sweep (the state chip follows), enqueue a configuration
/// through the Enqueue dialog (a new trial appears), drain and undrain the local worker on the cluster page.
/// Screenshots (control-paused, control-enqueue, control-drain) are kept under TestResults/screenshots
/// (or $AESWEEP_SCREENSHOTS).
/// </summary>
public sealed class DashboardControlBrowserTests : IAsyncLifetime
{
    // Enough epochs and trials that the sweep is still running when the buttons are clicked.
    private const string Sweep = """
        name: control-browser-test
        dataset: {name: synthetic, limit: 1200}
        model: dense
        method: random
        parameters:
          code_size:  {values: [2, 4, 8, 16]}
          width:      {values: [32, 64]}
          batch_size: {value: 32}
          epochs:     {value: 40}
        budget: {max_trials: 20, max_parallel: 1}
        seed: 5
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-control-browser-").FullName;
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
            "serve", "--urls", BaseUrl, "--data", _data, "--slots", "1");
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
    public async Task Pause_resume_enqueue_and_drain_through_the_dashboard_buttons()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(60_000);
        try
        {
            await DriveAsync(page);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            // A failure names the step it happened in, keeps a screenshot and the server's log, so a CI log says why.
            await Polling.TryAsync(async () => { await ShotAsync(page, "control-failure"); return "shot"; });
            throw new Xunit.Sdk.XunitException($"step '{_step}' failed after {_clock.Elapsed.TotalSeconds:F0} s: {ex.Message}\nserver log:\n{Tail(_server!.Stderr)}");
        }
    }

    private string _step = "start";
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private void Step(string name) => _step = $"{name} (at {_clock.Elapsed.TotalSeconds:F0} s)";

    private async Task DriveAsync(IPage page)
    {
        Step("log in with the token URL");
        var tokenUrl = await Polling.WaitForAsync(
            () => Task.FromResult(System.Text.RegularExpressions.Regex.Match(_server!.Stderr, $@"{System.Text.RegularExpressions.Regex.Escape(BaseUrl)}/\?token=\S+") is { Success: true } m ? m.Value : null),
            TimeSpan.FromSeconds(30),
            () => $"serve printed no token URL:\n{Tail(_server!.Stderr)}");
        await page.GotoAsync(tokenUrl);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal) && !url.Contains("token=", StringComparison.Ordinal));

        Step("submit the sweep");
        await page.GotoAsync(BaseUrl + "/sweeps/new");
        await WaitUntilLiveAsync(page);
        await page.Locator("#sweep-editor").FillAsync(Sweep);
        await page.WaitForSelectorAsync("#submit-sweep:not([disabled])");
        await page.ClickAsync("#submit-sweep");
        await page.WaitForURLAsync(url => url.Contains("/sweeps/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        await WaitUntilLiveAsync(page);
        Step("wait for the sweep to run");
        var sweepChip = page.Locator(".state-chip").First;
        await Polling.WaitForAsync(async () => (await sweepChip.InnerTextAsync()).Trim() == "running" ? "running" : null, TimeSpan.FromSeconds(60), () => $"the sweep never showed as running; server log:\n{Tail(_server!.Stderr)}");

        // Pause: the chip says paused and Resume replaces Pause.
        Step("pause");
        await page.ClickAsync("#pause-sweep");
        await page.WaitForSelectorAsync("#resume-sweep");
        await Polling.WaitForAsync(async () => (await sweepChip.InnerTextAsync()).Trim() == "paused" ? "paused" : null, TimeSpan.FromSeconds(60), "the state chip never said paused");
        Assert.Equal(0, await page.Locator("#pause-sweep").CountAsync());
        await ShotAsync(page, "control-paused");

        // Enqueue while paused: nothing else adds trials now, so exactly one new row appears. A trial sampled just
        // before the pause took effect may still reach the live leaderboard, so the count is read once it has held
        // still for three seconds (on a loaded CI machine one second was not always enough).
        Step("count the rows while paused");
        var rows = page.Locator("#leaderboard tbody tr:has(.state-chip)");
        var before = await StableCountAsync(rows, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60));
        Step("enqueue");
        await page.ClickAsync("#enqueue-open");
        var json = page.Locator("#enqueue-json");
        await json.FillAsync("""{"code_size": 4, "width": 32}""");
        await json.BlurAsync();
        await ShotAsync(page, "control-enqueue");
        await page.ClickAsync("#enqueue-save");
        var seen = before;
        await Polling.WaitForAsync(
            async () => (seen = await rows.CountAsync()) > before ? "added" : null,
            TimeSpan.FromSeconds(60),
            () => $"no enqueued trial appeared ({before} rows before, {seen} last seen); server log:\n{Tail(_server!.Stderr)}");
        Assert.Equal(before + 1, await StableCountAsync(rows, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await page.Locator("#enqueue-error").CountAsync());

        // Resume: the chip says running again and Pause is back.
        Step("resume");
        await page.ClickAsync("#resume-sweep");
        await page.WaitForSelectorAsync("#pause-sweep");
        await Polling.WaitForAsync(async () => (await sweepChip.InnerTextAsync()).Trim() == "running" ? "running" : null, TimeSpan.FromSeconds(60), "the state chip never said running again");

        // Drain and undrain the local worker on the cluster page.
        Step("drain and undrain");
        await page.GotoAsync(BaseUrl + "/cluster");
        await WaitUntilLiveAsync(page);
        await page.Locator("#workers-table .drain-worker").First.ClickAsync();
        await page.WaitForSelectorAsync("#workers-table .worker-draining");
        await page.WaitForSelectorAsync("#workers-table .undrain-worker");
        await ShotAsync(page, "control-drain");
        await page.Locator("#workers-table .undrain-worker").First.ClickAsync();
        await page.WaitForSelectorAsync("#workers-table .drain-worker");
        Assert.Equal(0, await page.Locator("#workers-table .worker-draining").CountAsync());
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

    /// <summary>The locator's count once it has not changed for <paramref name="quiet"/> (polled every 200 ms).</summary>
    private static async Task<int> StableCountAsync(ILocator locator, TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var count = await locator.CountAsync();
        var unchanged = System.Diagnostics.Stopwatch.StartNew();
        while (unchanged.Elapsed < quiet)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"the leaderboard's row count never held still for {quiet.TotalSeconds} s (last {count})");
            }

            await Task.Delay(200);
            var now = await locator.CountAsync();
            if (now != count)
            {
                count = now;
                unchanged.Restart();
            }
        }

        return count;
    }

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;

    private static Task WaitUntilLiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#interactive", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
}
