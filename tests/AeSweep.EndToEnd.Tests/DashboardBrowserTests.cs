using System.Net.Http;
using Microsoft.Playwright;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// The dashboard in Debian's headless Chromium, against a real <c>aesweep serve</c> (embedded silo, local worker,
/// SQLite): open the token URL serve printed (no admin password: the loopback token), submit a small sweep through the form, watch trials appear without reloading, open the
/// reconstruction gallery and the compare view. Screenshots of each step are kept as test artifacts under
/// TestResults/screenshots (or $AESWEEP_SCREENSHOTS).
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string Sweep = """
        name: browser-test
        dataset: {name: synthetic, limit: 1200}
        model: dense
        method: random
        parameters:
          code_size:  {values: [2, 4, 8, 16]}
          width:      {values: [32, 64]}
          batch_size: {value: 32}
          epochs:     {value: 4}
        budget: {max_trials: 6, max_parallel: 2}
        seed: 21
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-browser-").FullName;
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
            // No admin password: the dashboard is opened with the token in the address serve prints, as a user would.
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
    public async Task Log_in_submit_a_sweep_watch_it_live_and_open_gallery_and_compare()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var browserLog = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) => browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} console {m.Type}: {m.Text}");
        page.WebSocket += (_, ws) =>
        {
            browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} websocket open {ws.Url}");
            ws.Close += (_, _) => browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} websocket closed {ws.Url}");
        };

        // Everything but the login page needs a session, even on loopback.
        await page.GotoAsync(BaseUrl + "/");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        await page.FillAsync("#token", "not the token");
        await page.ClickAsync("#login");
        await page.WaitForSelectorAsync("text=Wrong access token");

        // The address serve printed carries the token; opening it logs in and drops the token from the address bar.
        var tokenUrl = await Polling.WaitForAsync(
            () => Task.FromResult(System.Text.RegularExpressions.Regex.Match(_server!.Stderr, $@"{System.Text.RegularExpressions.Regex.Escape(BaseUrl)}/\?token=\S+") is { Success: true } m ? m.Value : null),
            TimeSpan.FromSeconds(30),
            () => $"serve printed no token URL:\n{Tail(_server!.Stderr)}");
        await page.GotoAsync(tokenUrl);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal) && !url.Contains("token=", StringComparison.Ordinal));
        Assert.Equal(BaseUrl + "/", page.Url);
        await ShotAsync(page, "01-sweeps");

        // Submit through the form: the editor validates as one types.
        await page.GotoAsync(BaseUrl + "/sweeps/new");
        await WaitUntilLiveAsync(page);
        var editor = page.Locator("#sweep-editor");
        await editor.FillAsync("name: broken\nmethod: grid\n");
        await page.WaitForSelectorAsync("text=dataset");
        await editor.FillAsync(Sweep);
        await page.WaitForSelectorAsync("#submit-sweep:not([disabled])");
        await ShotAsync(page, "02-new-sweep");
        await page.ClickAsync("#submit-sweep");
        await page.WaitForURLAsync(url => url.Contains("/sweeps/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        await WaitUntilLiveAsync(page);

        // Trials appear in the leaderboard while we watch, without reloading the page.
        var rows = page.Locator("#leaderboard tbody tr:has(.state-chip)");
        await Polling.WaitForAsync(async () => await rows.CountAsync() >= 1 ? "seen" : null, TimeSpan.FromSeconds(90), "no trial appeared in the leaderboard");
        var firstSeen = await rows.CountAsync();
        await ShotAsync(page, "03-sweep-live");
        var completed = page.Locator("#leaderboard tbody .state-chip:has-text('completed')");
        var lastSeen = "";
        await Polling.WaitForAsync(
            async () =>
            {
                var (rowCount, completedCount) = (await rows.CountAsync(), await completed.CountAsync());
                lastSeen = $"{rowCount} rows, {completedCount} completed";
                return rowCount >= 6 && completedCount >= 6 ? "done" : null;
            },
            TimeSpan.FromSeconds(240),
            () => $"the leaderboard did not fill live (first saw {firstSeen} rows, last {lastSeen}); browser:\n{string.Join('\n', browserLog)}\nserver log:\n{Tail(_server!.Stderr)}");
        Assert.True(firstSeen < 6 || await rows.CountAsync() == 6);
        await ShotAsync(page, "04-leaderboard");

        // The gallery: the same validation images across the top trials.
        await page.ClickAsync("text=Gallery");
        var images = page.Locator("#gallery img");
        await Polling.WaitForAsync(async () => await images.CountAsync() >= 2 ? "images" : null, TimeSpan.FromSeconds(30), "the gallery shows no images");
        // Images below the fold load lazily; the first rows must have arrived and decoded.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#gallery img')].slice(0, 2).every(i => i.complete && i.naturalWidth > 0)");
        await ShotAsync(page, "05-gallery");

        // Compare two trials side by side.
        await page.ClickAsync("text=Leaderboard");
        var boxes = page.Locator("#leaderboard tbody tr:has(.state-chip) .mud-checkbox");
        await boxes.Nth(0).ClickAsync();
        await boxes.Nth(1).ClickAsync();
        await page.WaitForSelectorAsync("#compare-button:not([disabled])");
        await page.ClickAsync("#compare-button");
        await page.WaitForSelectorAsync("#compare-view");
        await WaitUntilLiveAsync(page);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#compare-view img')].length >= 2 && [...document.querySelectorAll('#compare-view img')].every(i => i.complete && i.naturalWidth > 0)");
        await ShotAsync(page, "06-compare");
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

    // Pages are prerendered, then come alive when their circuit connects; typing before that would be lost.
    private static Task WaitUntilLiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#interactive", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
}
