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
public sealed class DashboardCompareNotesBrowserTests() : DashboardBrowserSession("aesweep-browser-notes-", "--slots", "0")
{
    [Fact]
    public async Task Compare_two_sweeps_and_write_a_note_that_is_stored_rendered_safely_and_updated_live()
    {
        using var api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", (await File.ReadAllTextAsync(Path.Combine(Data, "api-key"))).Trim());
        var first = await SubmitAsync(api, "compare-narrow", 0.30, 0.12, 0.20, 0.15);
        var second = await SubmitAsync(api, "compare-wide", 0.25, 0.09, 0.11, 0.18);

        var page = await NewPageAsync(TimeSpan.FromSeconds(30));
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        await LogInAsync(page);
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
}
