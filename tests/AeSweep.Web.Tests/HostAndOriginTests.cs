using System.Net;
using AeSweep.Web.Security;

namespace AeSweep.Web.Tests;

/// <summary>
/// Who may reach the server: a Host that is neither loopback nor configured (DNS rebinding) is refused before any
/// handler; a request that changes something, or talks to the Blazor hub, from another site's page is refused.
/// </summary>
public sealed class HostAndOriginTests(HostAndOriginTests.Server fixture) : IClassFixture<HostAndOriginTests.Server>
{
    private readonly OwnServer _server = fixture.Own;

    [Theory]
    [InlineData("GET", "/sweeps/new")]
    [InlineData("GET", "/login")]
    [InlineData("GET", "/api/sweeps")]
    [InlineData("POST", "/api/sweeps")]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("GET", "/files/trials/t/gallery")]
    public async Task A_foreign_host_is_refused_before_any_page_hub_or_api_handler(string method, string path)
    {
        using var client = _server.ApiClient();
        var before = await client.GetStringAsync("/api/sweeps");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent(Sweeps.AskTell("rebound")) : null };
        request.Headers.Host = $"attacker.example:{_server.BaseAddress.Port}";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.Contains("--allowed-hosts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await client.GetStringAsync("/api/sweeps"));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("sweeps.example.org")]
    [InlineData("LAB.local")]
    public async Task Loopback_names_and_configured_hosts_are_served(string host)
    {
        using var client = _server.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Host = $"{host}:{_server.BaseAddress.Port}";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    [InlineData("/metrics")]
    public async Task Probes_and_metrics_answer_any_host_name_for_orchestrators(string path)
    {
        using var client = _server.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = $"10.42.0.7:{_server.BaseAddress.Port}";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_state_changing_request_from_another_site_is_refused_but_same_site_and_originless_ones_pass()
    {
        using var client = _server.ApiClient();

        var crossSite = await PostSweepAsync(client, "http://evil.example");
        var nullOrigin = await PostSweepAsync(client, "null");
        var otherPort = await PostSweepAsync(client, $"http://127.0.0.1:{_server.BaseAddress.Port + 1}");
        var sameSite = await PostSweepAsync(client, _server.BaseAddress.GetLeftPart(UriPartial.Authority));
        var noOrigin = await PostSweepAsync(client, null);

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("evil.example", await crossSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, nullOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherPort.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sameSite.StatusCode);
        Assert.Equal(HttpStatusCode.Created, noOrigin.StatusCode);
    }

    [Fact]
    public async Task The_blazor_hub_refuses_another_sites_origin_even_with_a_session()
    {
        using var browser = _server.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/?token={Uri.EscapeDataString(_server.Token)}")).StatusCode);

        var foreign = await NegotiateAsync(browser, "http://evil.example");
        var foreignSocket = await SendAsync(browser, HttpMethod.Get, "/_blazor?id=x", "http://evil.example");
        var own = await NegotiateAsync(browser, _server.BaseAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignSocket.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string origin) =>
        SendAsync(client, HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1", origin);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string origin)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostSweepAsync(HttpClient client, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sweeps") { Content = new StringContent(Sweeps.AskTell("origin"), System.Text.Encoding.UTF8, "application/yaml") };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    /// <summary>One server for the class, answering for two configured names beside loopback's.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public OwnServer Own { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Own = await OwnServer.StartAsync(folder => new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = folder, Slots = 0, AllowedHosts = AllowedHosts.Parse(" sweeps.example.org , lab.local") });

        public async Task DisposeAsync() => await Own.DisposeAsync();
    }
}
