using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// The compare-sweeps page and notes in headless Chromium against a real <c>aesweep serve</c>: two ask-and-tell sweeps
/// (filled through the REST API, so nothing trains) are picked on the sweeps list and compared; a note with Markdown and
/// a script tag is written on a sweep page, rendered without running the script, stored (read back through the API),
/// and a note saved through the API appears on the open page live. Screenshots: compare.png and notes.png under
/// TestResults/screenshots (or $AESWEEP_SCREENSHOTS).
/// </summary>
public sealed class DashboardCompareNotesBrowserTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-browser-notes-").FullName;
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
            "serve", "--urls", BaseUrl, "--data", _data, "--slots", "0");
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
    public async Task Compare_two_sweeps_and_write_a_note_that_is_stored_rendered_safely_and_updated_live()
    {
        using var api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", (await File.ReadAllTextAsync(Path.Combine(_data, "api-key"))).Trim());
        var first = await SubmitAsync(api, "compare-narrow", 0.30, 0.12, 0.20, 0.15);
        var second = await SubmitAsync(api, "compare-wide", 0.25, 0.09, 0.11, 0.18);

        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        var tokenUrl = await Polling.WaitForAsync(
            () => Task.FromResult(System.Text.RegularExpressions.Regex.Match(_server!.Stderr, $@"{System.Text.RegularExpressions.Regex.Escape(BaseUrl)}/\?token=\S+") is { Success: true } m ? m.Value : null),
            TimeSpan.FromSeconds(30),
            () => "serve printed no token URL");
        await page.GotoAsync(tokenUrl);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal) && !url.Contains("token=", StringComparison.Ordinal));
        await WaitUntilLiveAsync(page);

        // Pick both sweeps on the list and compare them.
        // The row's checkbox (MudCheckBox puts its class on the wrapper, not the data attribute): found by the row's link.
        await page.Locator($"#sweeps-table tr:has(a[href='/sweeps/{first}']) .mud-checkbox").ClickAsync();
        await page.Locator($"#sweeps-table tr:has(a[href='/sweeps/{second}']) .mud-checkbox").ClickAsync();
        await page.WaitForSelectorAsync("#compare-sweeps-button:not([disabled])");
        await page.ClickAsync("#compare-sweeps-button");
        await page.WaitForSelectorAsync("#compare-sweeps");
        Assert.Contains($"ids={first},{second}", page.Url, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator(".compare-sweep-row").CountAsync());
        Assert.Equal(["0.12", "0.09"], await page.Locator(".compare-sweep-row .best-of-sweep").AllInnerTextsAsync());
        Assert.True(await page.Locator(".grouped-bars[data-parameter='x']").CountAsync() == 1);
        Assert.True(await page.Locator("#compare-sweeps svg[aria-label='optimization histories'] path, #compare-sweeps svg[aria-label='optimization histories'] polyline").CountAsync() >= 2);
        await ShotAsync(page, "compare");

        // Write a note on the first sweep: Markdown renders, the script tag is text.
        await page.GotoAsync($"{BaseUrl}/sweeps/{first}");
        await WaitUntilLiveAsync(page);
        await page.ClickAsync("#notes-edit");
        await page.FillAsync("#notes-editor", "## Findings\n- **code_size 8** is enough\n- <script>alert('x')</script> stays text\n");
        await page.ClickAsync("#notes-save");
        await page.WaitForSelectorAsync("#notes-card .notes-text strong");
        Assert.Equal("code_size 8", await page.InnerTextAsync("#notes-card .notes-text strong"));
        Assert.Equal(0, await page.Locator("#notes-card script").CountAsync());
        Assert.Contains("<script>alert('x')</script> stays text", await page.InnerTextAsync("#notes-card .notes-text"), StringComparison.Ordinal);
        await ShotAsync(page, "notes");
        using (var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/sweeps/{first}")))
        {
            Assert.StartsWith("## Findings", stored.RootElement.GetProperty("notes").GetString(), StringComparison.Ordinal);
        }

        // Someone else saves the notes (the API): the open page shows them without a reload.
        using var put = await api.PutAsJsonAsync($"/api/sweeps/{first}/notes", new { notes = "_Updated_ elsewhere" });
        put.EnsureSuccessStatusCode();
        await page.WaitForSelectorAsync("#notes-card .notes-text em:has-text('Updated')");
        Assert.Equal(0, dialogs);
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

    // An ask-and-tell sweep whose trials are told the given losses, in order.
    private static async Task<string> SubmitAsync(HttpClient api, string name, params double[] losses)
    {
        var yaml = $$"""
            name: {{name}}
            program: {ask_tell: true}
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: -5.0, max: 5.0}
              kind: {values: [a, b]}
            budget: {max_trials: {{losses.Length}}, max_parallel: 1}
            seed: 7
            """;
        using var submitted = await api.PostAsync("/api/sweeps", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        submitted.EnsureSuccessStatusCode();
        var sweepId = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        foreach (var loss in losses)
        {
            using var asked = await api.PostAsync($"/api/sweeps/{sweepId}/ask", null);
            asked.EnsureSuccessStatusCode();
            var trialId = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("trial_id").GetString()!;
            using var told = await api.PostAsJsonAsync($"/api/trials/{trialId}/tell", new { value = loss });
            told.EnsureSuccessStatusCode();
        }

        return sweepId;
    }

    private static Task WaitUntilLiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#interactive", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
}
