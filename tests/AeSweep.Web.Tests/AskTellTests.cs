using System.Net;
using System.Text;
using System.Text.Json;

namespace AeSweep.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class AskTellTests(ApiServer server)
{
    private readonly HttpClient _client = server.Client();

    [Fact]
    public async Task Ask_tell_round_trip_completes_trials_with_their_values_until_the_budget_is_spent()
    {
        var id = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("round-trip", maxTrials: 3));
        var seen = new List<double>();

        for (var i = 0; i < 3; i++)
        {
            using var asked = await PostJsonAsync($"/api/sweeps/{id}/ask", null, HttpStatusCode.OK);
            var trialId = asked.RootElement.GetProperty("trial_id").GetString()!;
            Assert.Equal(i, asked.RootElement.GetProperty("number").GetInt32());
            var x = asked.RootElement.GetProperty("parameters").GetProperty("x").GetDouble();
            seen.Add(x);
            using var told = await PostJsonAsync($"/api/trials/{trialId}/tell", $$$"""{"value": {{{Math.Abs(x)}}}, "intermediate_values": {"1": {{{Math.Abs(x) + 1}}}}}""", HttpStatusCode.OK);
            Assert.Equal("completed", told.RootElement.GetProperty("state").GetString());

            using var trial = JsonDocument.Parse(await _client.GetStringAsync($"/api/trials/{trialId}"));
            Assert.Equal(Math.Abs(x), trial.RootElement.GetProperty("trial").GetProperty("objective").GetDouble());
            Assert.Equal(1, trial.RootElement.GetProperty("epochs").EnumerateArray().Single().GetProperty("epoch").GetInt32());
        }

        Assert.Equal(3, seen.Distinct().Count());
        var exhausted = await _client.PostAsync($"/api/sweeps/{id}/ask", null);
        Assert.Equal(HttpStatusCode.Conflict, exhausted.StatusCode);
        using var sweep = JsonDocument.Parse(await _client.GetStringAsync($"/api/sweeps/{id}"));
        Assert.Equal(3, sweep.RootElement.GetProperty("counts").GetProperty("completed").GetInt32());
    }

    [Fact]
    public async Task A_trial_is_told_once_and_bad_tells_name_the_field()
    {
        var id = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("tell-errors"));
        using var asked = await PostJsonAsync($"/api/sweeps/{id}/ask", null, HttpStatusCode.OK);
        var trialId = asked.RootElement.GetProperty("trial_id").GetString()!;

        await AssertBadFieldAsync(trialId, """{"state": "completed"}""", "value");
        await AssertBadFieldAsync(trialId, """{"value": 1, "state": "sleeping"}""", "state");
        await AssertBadFieldAsync(trialId, """{"value": 1, "intermediate_values": {"one": 2}}""", "intermediate_values.one");
        await AssertBadFieldAsync(trialId, """{"value": 1, "intermediate_values": {"1000001": 2}}""", "intermediate_values.1000001");
        await AssertBadFieldAsync(trialId, """{"value": "1"}""", "value");
        await AssertBadFieldAsync(trialId, """{"value": 1e309}""", "value");
        await AssertBadFieldAsync(trialId, """{"value": 1, "intermediate_values": {"1": -1e309}}""", "intermediate_values.1");
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync($"/api/trials/{trialId}/tell", new StringContent("{", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/trials/nope-1/tell", new StringContent("""{"value": 1}""", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/sweeps/nope/ask", null)).StatusCode);

        (await PostJsonAsync($"/api/trials/{trialId}/tell", """{"state": "pruned", "intermediate_values": {"1": 3.5}}""", HttpStatusCode.OK)).Dispose();
        (await PostJsonAsync($"/api/trials/{trialId}/tell", """{"value": 1}""", HttpStatusCode.Conflict)).Dispose();
    }

    [Fact]
    public async Task A_sweep_run_by_workers_refuses_asks()
    {
        const string yaml = """
            name: workers-only
            program: [python3, train.py]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 1}
            """;
        var id = await Sweeps.SubmitAsync(_client, yaml);

        (await PostJsonAsync($"/api/sweeps/{id}/ask", null, HttpStatusCode.Conflict)).Dispose();
        var pending = JsonDocument.Parse(await _client.GetStringAsync($"/api/sweeps/{id}/trials"));
        var trialId = pending.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
        (await PostJsonAsync($"/api/trials/{trialId}/tell", """{"value": 1}""", HttpStatusCode.Conflict)).Dispose();
        await _client.PostAsync($"/api/sweeps/{id}/cancel", null);
    }

    private async Task AssertBadFieldAsync(string trialId, string body, string field)
    {
        using var problem = await PostJsonAsync($"/api/trials/{trialId}/tell", body, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    private async Task<JsonDocument> PostJsonAsync(string url, string? body, HttpStatusCode expected)
    {
        var response = await _client.PostAsync(url, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }
}
