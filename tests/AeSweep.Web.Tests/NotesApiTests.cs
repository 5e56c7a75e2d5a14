using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AeSweep.Application.Contracts;

namespace AeSweep.Web.Tests;

/// <summary>
/// <c>PUT /api/sweeps/{id}/notes</c> and <c>PUT /api/trials/{id}/notes</c> on a real server: notes are stored, come back
/// in the detail views, are bounded with a field error, and an unknown id is a 404.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NotesApiTests(ApiServer server)
{
    [Fact]
    public async Task Notes_put_on_a_sweep_and_a_trial_come_back_in_their_detail_views()
    {
        using var client = server.Client();
        var sweepId = await Sweeps.SubmitAsync(client, Sweeps.AskTell("notes-api"));
        using var asked = await client.PostAsync($"/api/sweeps/{sweepId}/ask", null);
        var trialId = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("trial_id").GetString()!;

        using var sweepPut = await client.PutAsJsonAsync($"/api/sweeps/{sweepId}/notes", new { notes = "# Plan\n- try **wider** codes" });
        using var trialPut = await client.PutAsJsonAsync($"/api/trials/{trialId}/notes", new { notes = "looks <b>odd</b>" });

        Assert.Equal(HttpStatusCode.OK, sweepPut.StatusCode);
        Assert.Equal(new NotesView(sweepId, null, "# Plan\n- try **wider** codes"), await sweepPut.Content.ReadFromJsonAsync<NotesView>(ContractJson.Options));
        Assert.Equal(new NotesView(sweepId, trialId, "looks <b>odd</b>"), await trialPut.Content.ReadFromJsonAsync<NotesView>(ContractJson.Options));
        var sweep = await client.GetFromJsonAsync<SweepDetailView>($"/api/sweeps/{sweepId}", ContractJson.Options);
        var trial = await client.GetFromJsonAsync<TrialDetailView>($"/api/trials/{trialId}", ContractJson.Options);
        Assert.Equal("# Plan\n- try **wider** codes", sweep!.Notes);
        Assert.Equal("looks <b>odd</b>", trial!.Notes);

        using var cleared = await client.PutAsJsonAsync($"/api/trials/{trialId}/notes", new { notes = (string?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null((await client.GetFromJsonAsync<TrialDetailView>($"/api/trials/{trialId}", ContractJson.Options))!.Notes);
    }

    [Fact]
    public async Task Notes_over_the_bound_or_of_the_wrong_type_are_a_400_naming_the_field_and_nothing_is_stored()
    {
        using var client = server.Client();
        var sweepId = await Sweeps.SubmitAsync(client, Sweeps.AskTell("notes-bound"));
        await client.PutAsJsonAsync($"/api/sweeps/{sweepId}/notes", new { notes = "kept" });

        using var tooLong = await client.PutAsJsonAsync($"/api/sweeps/{sweepId}/notes", new { notes = new string('x', NotesRules.MaxLength + 1) });
        using var wrongType = await client.PutAsync($"/api/sweeps/{sweepId}/notes", new StringContent("{\"notes\": 42}", Encoding.UTF8, "application/json"));
        using var notJson = await client.PutAsync($"/api/sweeps/{sweepId}/notes", new StringContent("notes: yes", Encoding.UTF8, "application/json"));

        foreach (var response in new[] { tooLong, wrongType })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("notes", problem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        }

        Assert.Contains($"at most {NotesRules.MaxLength}", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("kept", (await client.GetFromJsonAsync<SweepDetailView>($"/api/sweeps/{sweepId}", ContractJson.Options))!.Notes);
    }

    [Fact]
    public async Task Notes_of_an_unknown_sweep_or_trial_are_a_404_and_need_a_key()
    {
        using var client = server.Client();
        using var anonymous = server.Anonymous();

        using var sweep = await client.PutAsJsonAsync("/api/sweeps/no-such-sweep/notes", new { notes = "x" });
        using var trial = await client.PutAsJsonAsync("/api/trials/no-such-trial/notes", new { notes = "x" });
        using var unauthorized = await anonymous.PutAsJsonAsync("/api/trials/no-such-trial/notes", new { notes = "x" });

        Assert.Equal(HttpStatusCode.NotFound, sweep.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, trial.StatusCode);
        Assert.Equal("application/problem+json", trial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }
}
