using System.Net;
using System.Text.Json;

namespace AeSweep.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccessTests(ApiServer server)
{
    [Fact]
    public async Task Without_a_key_the_api_answers_401_with_problem_json()
    {
        var response = await server.Anonymous().GetAsync("/api/sweeps");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_in_either_header()
    {
        using var wrong = server.Anonymous();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        using var wrongBearer = server.Anonymous();
        wrongBearer.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/sweeps")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongBearer.PostAsync("/api/sweeps/x/ask", null)).StatusCode);
    }

    [Fact]
    public async Task The_key_works_as_a_bearer_token_and_as_x_api_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await server.BearerClient().GetAsync("/api/sweeps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client().GetAsync("/api/workers")).StatusCode);
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        var response = await server.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_needs_no_key_and_lists_every_route()
    {
        var response = await server.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/sweeps", "/api/sweeps/{id}", "/api/sweeps/{id}/trials", "/api/sweeps/{id}/cancel", "/api/sweeps/{id}/export",
            "/api/sweeps/{id}/ask", "/api/trials/{id}", "/api/trials/{id}/tell", "/api/trials/{id}/artifacts/{name}", "/api/workers",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var summary = document.RootElement.GetProperty("paths").GetProperty("/api/sweeps/{id}/ask").GetProperty("post").GetProperty("summary").GetString();
        Assert.Contains("Ask", summary, StringComparison.Ordinal);
    }
}
