using System.Net;
using AeSweep.Web.Security;

namespace AeSweep.Web.Tests;

/// <summary>
/// Loopback is not "no login": without an admin password the dashboard, its hub and its files need the session
/// that the token URL (or the token typed on the login page) gives.
/// </summary>
public sealed class DashboardTokenTests(DashboardTokenTests.Server fixture) : IClassFixture<DashboardTokenTests.Server>
{
    private readonly OwnServer _server = fixture.Own;

    [Theory]
    [InlineData("/")]
    [InlineData("/sweeps/new")]
    [InlineData("/cluster")]
    [InlineData("/files/trials/some-trial/gallery")]
    public async Task Without_token_or_login_a_dashboard_request_gets_the_login_page(string path)
    {
        using var browser = _server.Browser();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_the_blazor_hub_is_closed()
    {
        using var browser = _server.Browser();

        var response = await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{response.StatusCode}");
        Assert.DoesNotContain("connectionToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_url_sets_a_strict_httponly_cookie_and_redirects_to_the_same_address_without_the_token()
    {
        var cookies = new CookieContainer();
        using var browser = _server.Browser(cookies);

        var response = await browser.GetAsync($"/sweeps/new?a=1&token={Uri.EscapeDataString(_server.Token)}&b=two");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sweeps/new?a=1&b=two", response.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sweeps/new?a=1&b=two")).StatusCode);
        var negotiate = await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_opens_nothing()
    {
        using var browser = _server.Browser();

        var response = await browser.GetAsync($"/?token={Uri.EscapeDataString(_server.Token + "x")}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_login_page_accepts_the_token()
    {
        using var browser = _server.Browser();

        var wrong = await OwnServer.PostLoginAsync(browser, ("token", "not-the-token"), ("returnUrl", "/cluster"));
        var right = await OwnServer.PostLoginAsync(browser, ("token", _server.Token), ("returnUrl", "/cluster"));

        Assert.StartsWith("/login?failed=1", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/cluster", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/cluster")).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_token_is_kept_in_the_data_folder_for_its_owner_only_and_reused()
    {
        var path = Path.Combine(_server.Folder, DashboardToken.FileName);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.True(_server.Token.Length >= 40);
        Assert.Equal(_server.Token, DashboardToken.ForDataFolder(_server.Folder).Value);
        Assert.True(DashboardToken.ForDataFolder(_server.Folder).Matches(_server.Token));
    }

    public sealed class Server : IAsyncLifetime
    {
        public OwnServer Own { get; private set; } = null!;

        public async Task InitializeAsync() => Own = await OwnServer.StartAsync();

        public async Task DisposeAsync() => await Own.DisposeAsync();
    }
}
