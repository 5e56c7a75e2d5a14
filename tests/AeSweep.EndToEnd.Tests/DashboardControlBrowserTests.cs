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
public sealed class DashboardControlBrowserTests() : DashboardBrowserSession("aesweep-control-browser-", "--slots", "1")
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

    [Fact]
    public async Task Pause_resume_enqueue_and_drain_through_the_dashboard_buttons()
    {
        var page = await NewPageAsync(TimeSpan.FromSeconds(60));
        try
        {
            await DriveAsync(page);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            // A failure names the step it happened in, keeps a screenshot and the server's log, so a CI log says why.
            await Polling.TryAsync(async () => { await ShotAsync(page, "control-failure"); return "shot"; });
            throw new Xunit.Sdk.XunitException($"step '{_step}' failed after {_clock.Elapsed.TotalSeconds:F0} s: {ex.Message}\nserver log:\n{Tail(Server.Stderr)}");
        }
    }

    private string _step = "start";
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private void Step(string name) => _step = $"{name} (at {_clock.Elapsed.TotalSeconds:F0} s)";

    private async Task DriveAsync(IPage page)
    {
        Step("log in with the token URL");
        await LogInAsync(page);

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
        await Polling.WaitForAsync(async () => (await sweepChip.InnerTextAsync()).Trim() == "running" ? "running" : null, TimeSpan.FromSeconds(60), () => $"the sweep never showed as running; server log:\n{Tail(Server.Stderr)}");

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
            () => $"no enqueued trial appeared ({before} rows before, {seen} last seen); server log:\n{Tail(Server.Stderr)}");
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
}
