using System.Net;
using System.Text;
using System.Text.Json;

namespace AeSweep.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class SweepApiTests(ApiServer server)
{
    private readonly HttpClient _client = server.Client();

    [Fact]
    public async Task A_malformed_sweep_is_400_with_field_paths_and_lines()
    {
        const string yaml = """
            name: broken
            program: {ask_tell: true}
            method: tpe
            parameters:
              depth: {min: 4, max: 1}
            budget: {max_trials: -3}
            """;

        var response = await _client.PostAsync("/api/sweeps", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("path").GetString()!.StartsWith("parameters.depth", StringComparison.Ordinal) && e.GetProperty("line").GetInt32() == 5);
        Assert.Contains(errors, e => e.GetProperty("path").GetString()!.StartsWith("budget.max_trials", StringComparison.Ordinal) && e.GetProperty("line").GetInt32() == 6);
    }

    [Fact]
    public async Task A_sweep_shows_its_whole_budget_with_the_failure_limits_and_their_defaults()
    {
        var yaml = Sweeps.AskTell("budget-view").Replace(
            "budget: {max_trials: 3, max_parallel: 1}",
            "budget: {max_trials: 3, max_parallel: 1, max_trial_minutes: 0.5, max_failed_trials: 4}",
            StringComparison.Ordinal);
        var id = await Sweeps.SubmitAsync(_client, yaml);

        using var sweep = JsonDocument.Parse(await _client.GetStringAsync($"/api/sweeps/{id}"));

        var budget = sweep.RootElement.GetProperty("budget");
        Assert.Equal(3, budget.GetProperty("max_trials").GetInt32());
        Assert.Equal(0.5, budget.GetProperty("max_trial_minutes").GetDouble());
        Assert.Equal(4, budget.GetProperty("max_failed_trials").GetInt32());
        Assert.Equal(3, budget.GetProperty("max_attempts").GetInt32());
    }

    [Fact]
    public async Task A_sweep_detail_says_which_sampler_the_method_chose()
    {
        var id = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("sampler-view", maxTrials: 30).Replace("method: random", "method: auto", StringComparison.Ordinal));

        using var sweep = JsonDocument.Parse(await _client.GetStringAsync($"/api/sweeps/{id}"));

        Assert.Equal("auto: quasi-random start (10 trials), then gp (1 numeric parameter, 1 categorical, max_trials 30)", sweep.RootElement.GetProperty("sampler").GetString());
    }

    [Fact]
    public async Task A_body_over_two_mebibytes_is_413()
    {
        var body = "name: big\n#" + new string('x', 3 * 1024 * 1024) + "\n";

        var response = await _client.PostAsync("/api/sweeps", new StringContent(body, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/sweeps/nope")]
    [InlineData("/api/sweeps/nope/trials")]
    [InlineData("/api/sweeps/nope/export?format=csv")]
    [InlineData("/api/trials/nope-0")]
    [InlineData("/api/trials/nope-0/artifacts/gallery")]
    public async Task Unknown_ids_are_404_problems_naming_the_id(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("nope", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trials_come_in_pages_with_sort_and_state_filter()
    {
        var id = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("paged", maxTrials: 5));
        for (var i = 0; i < 5; i++)
        {
            var trialId = await AskAsync(id);
            await _client.PostAsync($"/api/trials/{trialId}/tell", Json(i == 4 ? """{"state": "failed"}""" : $$"""{"value": {{10 - i}}}"""));
        }

        using var page = await GetJsonAsync($"/api/sweeps/{id}/trials?offset=1&limit=2&sort=-objective&state=completed");
        Assert.Equal(4, page.RootElement.GetProperty("total").GetInt32());
        var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal([9.0, 8.0], items.Select(t => t.GetProperty("objective").GetDouble()));
        Assert.Equal("completed", items[0].GetProperty("state").GetString());
        Assert.True(items[0].GetProperty("parameters").TryGetProperty("x", out _));
        Assert.Equal(10.0 - items[0].GetProperty("number").GetInt32(), items[0].GetProperty("metrics").GetProperty("loss").GetDouble());

        using var capped = await GetJsonAsync($"/api/sweeps/{id}/trials?limit=100000");
        Assert.Equal(500, capped.RootElement.GetProperty("limit").GetInt32());
        var badSort = await _client.GetAsync($"/api/sweeps/{id}/trials?sort=color");
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("\"path\":\"sort\"", await badSort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/sweeps/{id}/trials?state=sleeping")).StatusCode);
    }

    [Fact]
    public async Task Csv_export_has_a_header_and_one_quoted_row_per_trial()
    {
        var id = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("export", maxTrials: 2));
        var first = await AskAsync(id);
        await _client.PostAsync($"/api/trials/{first}/tell", Json("""{"value": 0.5}"""));
        var second = await AskAsync(id);
        await _client.PostAsync($"/api/trials/{second}/tell", Json("""{"state": "failed", "reason": "out of memory, \"twice\""}"""));

        var response = await _client.GetAsync($"/api/sweeps/{id}/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("trial_id,number,state,objective,duration_seconds,reason,param.kind,param.x,metric.loss", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("", lines[3]);
        Assert.StartsWith($"{first},0,completed,0.5,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",0.5", lines[1], StringComparison.Ordinal);
        Assert.Contains(",failed,,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",\"out of memory, \"\"twice\"\"\",", lines[2], StringComparison.Ordinal);

        using var json = await GetJsonAsync($"/api/sweeps/{id}/export?format=json");
        Assert.Equal(2, json.RootElement.GetProperty("trials").GetArrayLength());
        var unknown = await _client.GetAsync($"/api/sweeps/{id}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"path\":\"format\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_is_202_then_409_once_finished()
    {
        var id = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("cancelled"));
        var asked = await AskAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync($"/api/sweeps/{id}/cancel", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync($"/api/sweeps/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/sweeps/nope/cancel", null)).StatusCode);
        using var sweep = await GetJsonAsync($"/api/sweeps/{id}");
        Assert.Equal("cancelled", sweep.RootElement.GetProperty("sweep").GetProperty("state").GetString());
        using var trial = await GetJsonAsync($"/api/trials/{asked}");
        Assert.Equal("cancelled", trial.RootElement.GetProperty("trial").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync($"/api/sweeps/{id}/ask", null)).StatusCode);
    }

    private async Task<string> AskAsync(string sweepId)
    {
        var response = await _client.PostAsync($"/api/sweeps/{sweepId}/ask", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("trial_id").GetString()!;
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
