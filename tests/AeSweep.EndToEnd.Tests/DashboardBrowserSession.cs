using System.Net.Http;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// What every browser test stands on: a real <c>aesweep serve</c> on a free loopback port with its own data folder and
/// no admin password (so the dashboard is opened with the token URL serve prints, as a user would), and Debian's
/// headless Chromium through Playwright. Screenshots go to TestResults/screenshots (or $AESWEEP_SCREENSHOTS).
/// </summary>
public abstract class DashboardBrowserSession : IAsyncLifetime
{
    private readonly string[] _serveOptions;
    private AesweepProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <param name="dataPrefix">The temp folder's name prefix (says which test left it, should one be left).</param>
    /// <param name="serveOptions">Options after <c>serve --urls URL --data DIR</c>, e.g. <c>--slots 2</c>.</param>
    protected DashboardBrowserSession(string dataPrefix, params string[] serveOptions)
    {
        Data = Directory.CreateTempSubdirectory(dataPrefix).FullName;
        _serveOptions = serveOptions;
    }

    /// <summary>serve's data folder (SQLite, artifacts, the API key file).</summary>
    protected string Data { get; }

    protected string Screenshots { get; } = Environment.GetEnvironmentVariable("AESWEEP_SCREENSHOTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(AesweepProcess.Root, "TestResults", "screenshots");

    protected string BaseUrl { get; } = $"http://127.0.0.1:{Polling.FreePort()}";

    private protected AesweepProcess Server => _server ?? throw new InvalidOperationException("serve has not started");

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _server = new AesweepProcess(
            new Dictionary<string, string> { ["AESWEEP_ADMIN_PASSWORD"] = string.Empty },
            ["serve", "--urls", BaseUrl, "--data", Data, .. _serveOptions]);
        using var http = new HttpClient();
        await Polling.WaitForAsync(
            async () => (await Polling.TryAsync(() => http.GetStringAsync($"{BaseUrl}/health"))) is { } body && body.Contains("ok", StringComparison.Ordinal) ? body : null,
            TimeSpan.FromSeconds(120),
            () => $"the dashboard never answered /health; server log:\n{Tail(Server.Stderr)}");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("AESWEEP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
            // The server may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A 1400×1000 page whose waits time out after <paramref name="timeout"/>.</summary>
    protected async Task<IPage> NewPageAsync(TimeSpan timeout)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        return page;
    }

    /// <summary>The address with the access token that serve printed.</summary>
    protected Task<string> TokenUrlAsync() => Polling.WaitForAsync(
        () => Task.FromResult(Regex.Match(Server.Stderr, $@"{Regex.Escape(BaseUrl)}/\?token=\S+") is { Success: true } m ? m.Value : null),
        TimeSpan.FromSeconds(30),
        () => $"serve printed no token URL:\n{Tail(Server.Stderr)}");

    /// <summary>Opens the token URL: it logs in and drops the token from the address bar.</summary>
    protected async Task LogInAsync(IPage page)
    {
        await page.GotoAsync(await TokenUrlAsync());
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal) && !url.Contains("token=", StringComparison.Ordinal));
    }

    /// <summary>Pages are prerendered, then come alive when their circuit connects; a click or typing before that is lost.</summary>
    protected static Task WaitUntilLiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#interactive", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    protected Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    protected static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;
}
