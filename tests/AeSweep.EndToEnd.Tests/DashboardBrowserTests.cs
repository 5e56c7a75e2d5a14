using System.Net.Http;
using Microsoft.Playwright;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// The dashboard in Debian's headless Chromium, against a real <c>aesweep serve</c> (embedded silo, local worker,
/// SQLite): open the token URL serve printed (no admin password: the loopback token), submit a small sweep through the form, watch trials appear without reloading, open the
/// reconstruction gallery and the compare view. Screenshots of each step are kept as test artifacts under
/// TestResults/screenshots (or $AESWEEP_SCREENSHOTS).
/// </summary>
public sealed class DashboardBrowserTests() : DashboardBrowserSession("aesweep-browser-", "--slots", "2", "--examples", Path.Combine(AesweepProcess.Root, "examples"))
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

    [Fact]
    public async Task Log_in_submit_a_sweep_watch_it_live_and_open_gallery_and_compare()
    {
        var page = await NewPageAsync(TimeSpan.FromSeconds(30));
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
        await LogInAsync(page);
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
            () => $"the leaderboard did not fill live (first saw {firstSeen} rows, last {lastSeen}); browser:\n{string.Join('\n', browserLog)}\nserver log:\n{Tail(Server.Stderr)}");
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
}
