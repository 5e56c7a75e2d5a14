using System.Net.Http.Headers;
using AeSweep.Core.Definitions;
using AeSweep.Hosting;
using AeSweep.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>One real web server (silo + SQLite in a temp folder, no worker slots) shared by the API tests.</summary>
public sealed class ApiServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aesweep-web-").FullName;
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    public string ArtifactRoot => EmbeddedHost.ArtifactRoot(_folder);

    public ISweepStore Store => _app.Services.GetRequiredService<ISweepStore>();

    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        // Program sweeps are accepted (nothing runs them: no slots); OwnServer tests the refusing default.
        _app = AeSweepWebServer.Build(new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = _folder, Slots = 0, Programs = ProgramPolicy.Any });
        await AeSweepWebServer.StartAsync(_app, CancellationToken.None);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        ApiKey = AeSweepWebServer.LocalApiKey(_folder);
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>
    /// A browser-like client with a dashboard session: it opened the address serve prints (with the loopback token),
    /// so it holds the session cookie that the dashboard and its <c>/files</c> routes need.
    /// </summary>
    public async Task<HttpClient> DashboardAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };
        var token = (await File.ReadAllTextAsync(Path.Combine(_folder, Security.DashboardToken.FileName))).Trim();
        using var response = await client.GetAsync($"/?token={Uri.EscapeDataString(token)}");
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A client sending the server's key in the X-Api-Key header.</summary>
    public HttpClient Client()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>A client sending the key as Authorization: Bearer.</summary>
    public HttpClient BearerClient()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
