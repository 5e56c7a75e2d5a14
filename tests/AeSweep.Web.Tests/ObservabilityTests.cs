using System.Net;
using AeSweep.Application;
using AeSweep.Web.Live;
using AeSweep.Web.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AeSweep.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class ObservabilityTests(ApiServer server)
{
    [Fact]
    public async Task Metrics_need_no_key_and_count_a_new_sweeps_trials_by_state()
    {
        var sweepId = await Sweeps.SubmitAsync(server.Client(), Sweeps.AskTell("metrics-sweep"));
        var ask = await server.Client().PostAsync($"/api/sweeps/{sweepId}/ask", null);
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);

        string metrics = string.Empty;
        for (var attempt = 0; attempt < 40 && !metrics.Contains($"sweep=\"{sweepId}\"", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(250);
            metrics = await server.Anonymous().GetStringAsync("/metrics");
        }

        Assert.Contains($"aesweep_trials{{otel_scope_name=\"AeSweep.Web\",state=\"running\",sweep=\"{sweepId}\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_sweeps_trial_gauges_are_dropped_after_the_retention()
    {
        var sweepId = await Sweeps.SubmitAsync(server.Client(), Sweeps.AskTell("retention-sweep"));
        Assert.Equal(HttpStatusCode.OK, (await server.Client().PostAsync($"/api/sweeps/{sweepId}/ask", null)).StatusCode);
        Assert.True((await server.Client().PostAsync($"/api/sweeps/{sweepId}/cancel", null)).IsSuccessStatusCode);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var gauges = new TrialStateGauges(
            server.Services.GetRequiredService<ISweepQueries>(), server.Services.GetRequiredService<LiveRefresh>(), clock, "AeSweep.Web.Tests.Retention");
        bool Measured() => gauges.Current.Any(m => m.Tags.ToArray().Contains(new KeyValuePair<string, object?>("sweep", sweepId)));

        await gauges.MeasureNowAsync(CancellationToken.None);
        Assert.True(Measured(), "a sweep that has just finished keeps its final counts for a while");

        clock.Advance(TrialStateGauges.FinishedSweepRetention + TimeSpan.FromMinutes(1));
        await gauges.MeasureNowAsync(CancellationToken.None);
        Assert.False(Measured(), "a sweep finished longer ago than the retention is no longer exported");
    }

    [Fact]
    public async Task Metrics_name_the_service_aesweep()
    {
        var metrics = await server.Anonymous().GetStringAsync("/metrics");

        Assert.Contains("service_name=\"aesweep\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_checks_the_store_without_a_key()
    {
        var response = await server.Anonymous().GetAsync("/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://10.1.2.3:5080")]
    public void Listening_beyond_loopback_without_credentials_is_refused(string url)
    {
        var folder = Directory.CreateTempSubdirectory("aesweep-guard-").FullName;
        try
        {
            var error = Assert.Throws<WebServerConfigurationException>(() => AeSweepWebServer.Build(new WebServerSettings { Urls = [url], DataDirectory = folder, Slots = 0 }));
            Assert.Contains("refusing to listen on", error.Message, StringComparison.Ordinal);
            Assert.Contains("AESWEEP_ADMIN_PASSWORD", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
