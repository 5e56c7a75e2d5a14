using System.Net.Http.Json;
using System.Text.Json;
using AeSweep.Application;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>
/// The compare-sweeps query on a real server's store: each sweep's best completed trial by the shared metric, sweeps
/// ranked by another metric set aside, unknown ids reported, searched parameters in the file's order.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SweepComparisonQueryTests(ApiServer server)
{
    [Fact]
    public async Task Sweeps_sharing_the_first_sweeps_metric_are_compared_by_their_best_trial_and_the_others_set_aside()
    {
        using var client = server.Client();
        var first = await Sweeps.SubmitAsync(client, Sweeps.AskTell("compare-a"));
        var second = await Sweeps.SubmitAsync(client, Sweeps.AskTell("compare-b"));
        var other = await Sweeps.SubmitAsync(client, Sweeps.AskTell("compare-other").Replace("name: loss", "name: accuracy", StringComparison.Ordinal).Replace("goal: minimize", "goal: maximize", StringComparison.Ordinal));
        var a = new[] { await TellAsync(client, first, 0.5), await TellAsync(client, first, 0.2), await TellAsync(client, first, 0.9) };
        var b = await TellAsync(client, second, 0.3);
        await TellAsync(client, other, 0.99);

        var comparison = await server.Services.GetRequiredService<ISweepComparisons>()
            .CompareAsync([first, second, other, "no-such-sweep", first], CancellationToken.None);

        Assert.NotNull(comparison);
        Assert.Equal("loss", comparison.MetricName);
        Assert.Equal([first, second], comparison.Sweeps.Select(s => s.Sweep.Id));
        Assert.Equal([a[1], b], comparison.Sweeps.Select(s => s.Best?.Id));
        Assert.Equal(0.2, comparison.Sweeps[0].Best!.ObjectiveValue);
        Assert.Equal(3, comparison.Sweeps[0].Trials.Count);
        Assert.Equal([other], comparison.OtherMetric.Select(s => s.Id));
        Assert.Equal(["no-such-sweep"], comparison.Missing);
        Assert.Equal(["x"], comparison.Parameters.Where(p => p == "x"));
        Assert.Null(await server.Services.GetRequiredService<ISweepComparisons>().CompareAsync(["no-such-sweep"], CancellationToken.None));
    }

    private static async Task<string> TellAsync(HttpClient client, string sweepId, double value)
    {
        using var asked = await client.PostAsync($"/api/sweeps/{sweepId}/ask", null);
        asked.EnsureSuccessStatusCode();
        var trialId = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("trial_id").GetString()!;
        using var told = await client.PostAsJsonAsync($"/api/trials/{trialId}/tell", new { value });
        told.EnsureSuccessStatusCode();
        return trialId;
    }
}
