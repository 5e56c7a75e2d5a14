using System.Net;
using System.Text.Json;

namespace AeSweep.Web.Tests;

/// <summary>Every 400 says what is wrong; unknown dashboard addresses get the dashboard's 404 page, the API's problem details.</summary>
[Collection(ApiCollection.Name)]
public sealed class QueryValidationTests(ApiServer server)
{
    [Theory]
    [InlineData("/api/sweeps?limit=abc", "limit", "limit must be an integer from 1 to 500")]
    [InlineData("/api/sweeps?limit=0", "limit", "limit must be an integer from 1 to 500")]
    [InlineData("/api/sweeps?limit=1.5", "limit", "limit must be an integer from 1 to 500")]
    [InlineData("/api/sweeps?offset=x", "offset", "offset must be an integer of 0 or more")]
    [InlineData("/api/sweeps?offset=-1", "offset", "offset must be an integer of 0 or more")]
    [InlineData("/api/sweeps/{id}/trials?limit=99999999999", "limit", "limit must be an integer from 1 to 500")]
    [InlineData("/api/sweeps/{id}/trials?offset=ten", "offset", "offset must be an integer of 0 or more")]
    [InlineData("/api/sweeps/{id}/trials?sort=color", "sort", "'color' is not one of")]
    [InlineData("/api/sweeps/{id}/trials?state=sleeping", "state", "'sleeping' is not one of")]
    [InlineData("/api/sweeps/{id}/export?format=xml", "format", "'xml' is not csv or json")]
    public async Task A_bad_query_parameter_gets_400_problem_details_naming_it_and_what_is_wrong(string path, string field, string message)
    {
        var id = await Sweeps.SubmitAsync(server.Client(), Sweeps.AskTell("query"));

        var response = await server.Client().GetAsync(path.Replace("{id}", id, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith($"{field}: ", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(field, problem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task The_dashboard_has_a_favicon_that_needs_no_login()
    {
        using var client = server.Anonymous();

        var page = await (await server.DashboardAsync()).GetStringAsync("/");
        var icon = await client.GetAsync("/favicon.ico");

        Assert.Contains("rel=\"icon\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nosuchpage")]
    [InlineData("/sweeps/x/y/z")]
    public async Task An_unknown_dashboard_address_gets_the_dashboards_404_page(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("There is no page at this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_address_keeps_problem_details()
    {
        var response = await server.Client().GetAsync("/api/nosuchthing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
