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
        await WaitUntilLiveAsync(page);
        var sweepChip = page.Locator(".state-chip").First;
        await Polling.WaitForAsync(async () => (await sweepChip.InnerTextAsync()).Trim() == "running" ? "running" : null, TimeSpan.FromSeconds(30), "the sweep never showed as running");

        // Pause: the chip says paused and Resume replaces Pause.
        await page.ClickAsync("#pause-sweep");
        await page.WaitForSelectorAsync("#resume-sweep");
        await Polling.WaitForAsync(async () => (await sweepChip.InnerTextAsync()).Trim() == "paused" ? "paused" : null, TimeSpan.FromSeconds(30), "the state chip never said paused");
        Assert.Equal(0, await page.Locator("#pause-sweep").CountAsync());
        await ShotAsync(page, "control-paused");

        // Enqueue while paused: nothing else adds trials now, so exactly one new row appears.
        var rows = page.Locator("#leaderboard tbody tr:has(.state-chip)");
        await Task.Delay(1000);
        var before = await rows.CountAsync();
        await page.ClickAsync("#enqueue-open");
        var json = page.Locator("#enqueue-json");
        await json.FillAsync("""{"code_size": 4, "width": 32}""");
        await json.BlurAsync();
        await ShotAsync(page, "control-enqueue");
        await page.ClickAsync("#enqueue-save");
        await Polling.WaitForAsync(
            async () => await rows.CountAsync() == before + 1 ? "added" : null,
            TimeSpan.FromSeconds(30),
            () => $"no enqueued trial appeared ({before} rows before); server log:\n{Tail(_server!.Stderr)}");
        Assert.Equal(0, await page.Locator("#enqueue-error").CountAsync());

        // Resume: the chip says running again and Pause is back.
        await page.ClickAsync("#resume-sweep");
        await page.WaitForSelectorAsync("#pause-sweep");
        await Polling.WaitForAsync(async () => (await sweepChip.InnerTextAsync()).Trim() == "running" ? "running" : null, TimeSpan.FromSeconds(30), "the state chip never said running again");

        // Drain and undrain the local worker on the cluster page.
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

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;

    private static Task WaitUntilLiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#interactive", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
}
