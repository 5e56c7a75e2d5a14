using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;

namespace AeSweep.Web.Tests;

/// <summary>
/// A real server (Kestrel on a free loopback port, silo, SQLite in a temp folder, no worker slots) for tests that need
/// settings of their own, or a rate limiter nobody else has spent.
/// </summary>
public sealed partial class OwnServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OwnServer(WebApplication app, string folder, Uri baseAddress)
    {
        _app = app;
        Folder = folder;
        BaseAddress = baseAddress;
    }

    public string Folder { get; }

    /// <summary>The server's services (its store, to plant trials as a worker would record them).</summary>
    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress { get; }

    public string ApiKey => AeSweepWebServer.LocalApiKey(Folder);

    public string Token => File.ReadAllText(Path.Combine(Folder, Security.DashboardToken.FileName)).Trim();

    public static async Task<OwnServer> StartAsync(Func<string, WebServerSettings>? settings = null, params string[] configuration)
    {
        var folder = Directory.CreateTempSubdirectory("aesweep-web-own-").FullName;
        var app = AeSweepWebServer.Build(settings?.Invoke(folder) ?? new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = folder, Slots = 0 }, configuration);
        await AeSweepWebServer.StartAsync(app, CancellationToken.None);
        return new OwnServer(app, folder, new Uri(AeSweepWebServer.ListenAddresses(app)[0]));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (the tests read them).</summary>
    public HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>A browser with a dashboard session: it opened the address serve prints, with the loopback token.</summary>
    public async Task<HttpClient> DashboardAsync()
    {
        var browser = Browser();
        using var response = await browser.GetAsync($"/?token={Uri.EscapeDataString(Token)}");
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, $"the token was not taken: {response.StatusCode}");
        return browser;
    }

    /// <summary>A client sending the server's API key.</summary>
    public HttpClient ApiClient()
    {
        var client = Browser();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>Posts the login form as the page does: its antiforgery token first, then the fields.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the login page has no antiforgery token");
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)) };
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Stops the server and deletes its folder, but leaves its services undisposed: OpenTelemetry listens to meters
    /// by name across the whole process, so disposing this server's "AeSweep.Web" meter would also end the shared
    /// server's gauge of that name (ObservabilityTests reads it). One server per process, as in production, never meets this.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
