namespace AeSweep.Web.Tests;

/// <summary>The sweep page's header, as the server renders it before the circuit connects.</summary>
[Collection(ApiCollection.Name)]
public sealed class SweepPageHeaderTests(ApiServer server)
{
    [Fact]
    public async Task The_sweep_page_header_names_the_sampler_the_method_chose()
    {
        var id = await Sweeps.SubmitAsync(server.Client(), Sweeps.AskTell("sampler-page", maxTrials: 30).Replace("method: random", "method: auto", StringComparison.Ordinal));
        using var browser = await server.DashboardAsync();

        var html = await browser.GetStringAsync($"/sweeps/{id}");

        Assert.Contains("id=\"sweep-sampler\">auto: quasi-random start (10 trials), then gp (1 numeric parameter, 1 categorical, max_trials 30)<", html, StringComparison.Ordinal);
    }
}
