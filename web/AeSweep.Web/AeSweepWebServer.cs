using System.Security.Cryptography;
using AeSweep.Hosting;
using AeSweep.Storage;
using AeSweep.Web.Api;
using AeSweep.Web.Components;
using AeSweep.Web.Live;
using AeSweep.Cluster;
using AeSweep.Web.Observability;
using AeSweep.Web.Security;
using AeSweep.Worker;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;

namespace AeSweep.Web;

/// <summary>
/// The embedded web server: REST API + dashboard + Orleans silo + local worker + SQLite in one process
/// (DESIGN.md, Modes). <see cref="Build"/> refuses unsafe settings with a message instead of starting.
/// </summary>
public static class AeSweepWebServer
{
    /// <summary>Request bodies above this are refused with 413 (a sweep file is at most 1 MiB).</summary>
    public const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    /// <summary>The dashboard's page for addresses it does not know.</summary>
    public const string NotFoundPath = "/not-found";

    public static WebApplication Build(WebServerSettings settings, string[]? configurationArgs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configurationArgs ?? [],
            // Static assets are found through the entry program's manifest (aesweep.staticwebassets.*.json).
            ApplicationName = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? typeof(AeSweepWebServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = settings.Environment,
        });
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        HostLogging.Configure(builder.Logging, LogLevel.Warning);
        builder.Logging.AddFilter("AeSweep", LogLevel.Information).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information)
            // /ready answers its prober; the failure behind it is logged (paced) where it happens, not on every probe.
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);

        var credentials = LoadCredentials(builder.Configuration, settings);
        builder.Services.AddSingleton(credentials);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new Artifacts.ArtifactFiles(ArtifactRootOf(settings)));
        builder.Services.AddSingleton<Artifacts.ArtifactService>();
        builder.Services.AddSingleton(DashboardToken.ForDataFolder(settings.DataDirectory));
        builder.Services.AddSingleton(new AllowedHosts(settings.AllowedHosts));
        if (settings.Cluster is { } membership)
        {
            var (address, siloPort, gatewayPort) = settings.ClusterEndpoints;
            ClusterCoordinatorHost.AddClusterCoordinator(builder, membership, address, siloPort, gatewayPort, ArtifactRootOf(settings), settings.Slots, settings.Programs);
        }
        else
        {
            EmbeddedHost.AddEmbeddedCluster(builder, settings.DataDirectory, settings.Slots, settings.GatewayPort, listenAddress: null, settings.Programs, ArtifactRootOf(settings));
        }


        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/account/logout";
                o.Cookie.Name = "aesweep.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events.OnValidatePrincipal = DashboardSession.ValidateAsync;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(AccessPolicies.Api, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
            // Loopback is not "no login": without an admin password the session comes from the token serve printed.
            o.AddPolicy(AccessPolicies.Dashboard, p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        });
        builder.Services.AddLoginRateLimit();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new LiveRefresh(
            sp.GetRequiredService<AeSweep.Application.Live.ISweepChangeFeed>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LiveRefresh>>()));
        // Pushed changes from the grains (a worker's epoch, a trial's end) reach the live-refresh service through the feed.
        builder.Services.AddHostedService<EngineChangeRelay>();
        builder.Services.AddSingleton<TrialStateGauges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrialStateGauges>());
        // Prometheus' target_info names the service: "aesweep" (otherwise OpenTelemetry's "unknown_service:…").
        builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("aesweep")).WithMetrics(metrics => metrics
            .AddMeter(TrialStateGauges.MeterName, DispatchMetrics.MeterName, WorkerMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DiskFullExceptionHandler>();
        // Numbers are numbers: the contracts never accept "1" for 1, and the OpenAPI schemas say so.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        builder.Services.AddOpenApi();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddAntiforgery();

        var app = builder.Build();
        // First: foreign Host names (DNS rebinding) and cross-site requests never reach a handler.
        var allowedHosts = app.Services.GetRequiredService<AllowedHosts>();
        app.Use((context, next) => allowedHosts.InvokeAsync(context, next));
        app.Use(SameOriginCheck.InvokeAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        // A browser asking for a dashboard address that does not exist gets the dashboard's 404 page; the API, the hub
        // and form posts keep problem details.
        app.UseWhen(IsPageRequest, pages => pages.UseStatusCodePagesWithReExecute(NotFoundPath));
        app.UseWhen(c => !IsPageRequest(c), other => other.UseStatusCodePages());
        // Routing after the status code pages, so that a re-executed request is routed to the 404 page.
        app.UseRouting();
        app.UseAuthentication();
        app.Use(DashboardSession.ExchangeTokenAsync);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest);
        }
        else
        {
            app.UseStaticFiles();
        }

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        // Readiness: the store answers (liveness above stays cheap for orchestrators' frequent probes).
        app.MapHealthChecks("/ready").AllowAnonymous();
        // Prometheus scrapes without an API key, like /health: counts and latencies only, no secrets or parameters.
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        Dashboard.Favicon.MapFavicon(app);
        app.MapAccountEndpoints();
        app.MapAeSweepApi();
        Dashboard.ArtifactFileEndpoints.MapArtifactFileEndpoints(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(AccessPolicies.Dashboard);
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/_blazor");

    /// <summary>Migrates the store, starts everything, and submits the demo sweep when the database has none.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var startup = app.Services.GetRequiredService<WebServerSettings>();
        if (startup.Cluster is { } membership)
        {
            await ClusterCoordinatorHost.PrepareDatabaseAsync(membership, cancellationToken);
        }
        else
        {
            await app.Services.MigrateAeSweepStorageAsync(cancellationToken);
        }

        await app.StartAsync(cancellationToken);
        // Whatever configuration told Kestrel, what it bound is what counts.
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (ListenGuard.Refusal(bound, app.Services.GetRequiredService<Credentials>()) is { } refusal)
        {
            await app.StopAsync(CancellationToken.None);
            throw new WebServerConfigurationException(refusal);
        }

        var settings = app.Services.GetRequiredService<WebServerSettings>();
        if (settings.DemoSweepFiles.Count > 0)
        {
            await DemoSweep.SubmitIfEmptyAsync(app.Services, settings.DemoSweepFiles, cancellationToken);
        }
    }

    /// <summary>The addresses Kestrel listens on once started (port 0 replaced by the real one).</summary>
    public static IReadOnlyList<string> ListenAddresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    private static Credentials LoadCredentials(IConfiguration configuration, WebServerSettings settings)
    {
        var access = configuration.GetSection(AccessSettings.Section).Get<AccessSettings>() ?? new AccessSettings();
        if (Environment.GetEnvironmentVariable("AESWEEP_ADMIN_PASSWORD") is { Length: > 0 } password)
        {
            access.AdminPassword = password;
        }

        if (Environment.GetEnvironmentVariable("AESWEEP_API_KEY") is { Length: > 0 } key)
        {
            access.ApiKeys.Add(key);
        }

        var credentials = Credentials.From(access, out var error);
        if (error is not null)
        {
            throw new WebServerConfigurationException(error);
        }

        if (ListenGuard.Refusal(ListenGuard.ConfiguredUrls(configuration, settings.Urls), credentials) is { } refusal)
        {
            throw new WebServerConfigurationException(refusal);
        }

        // Loopback with no key configured: a key of this data folder, kept in a file only its owner can read,
        // so local scripts and the CLI can call the API without a secret ever being printed.
        return credentials.HasApiKeys ? credentials : credentials.WithLocalApiKey(LocalApiKey(settings.DataDirectory));
    }

    /// <summary>
    /// Where this server's trials keep checkpoints and images, in both modes: <c>--artifacts</c> when given (the
    /// embedded coordinator and worker write there too), DATA/artifacts otherwise. Every artifact route reads from it.
    /// </summary>
    public static string ArtifactRootOf(WebServerSettings settings) =>
        settings.ArtifactRoot is { } root ? Path.GetFullPath(root) : EmbeddedHost.ArtifactRoot(settings.DataDirectory);

    private static FileStreamOptions WithOwnerOnlyAccess(this FileStreamOptions options)
    {
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    /// <summary>DATA/api-key, created on first use with mode 0600.</summary>
    public static string LocalApiKey(string dataDirectory) => OwnerOnlySecret(dataDirectory, "api-key");

    /// <summary>DATA/NAME holding a random secret, created on first use with mode 0600.</summary>
    public static string OwnerOnlySecret(string dataDirectory, string fileName)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, fileName);
        if (File.Exists(path) && new FileInfo(path).Length == 0)
        {
            // A crash between creating the file and writing it leaves it empty: an empty secret would open nothing.
            File.Delete(path);
        }

        if (!File.Exists(path))
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
            }.WithOwnerOnlyAccess());
            using var writer = new StreamWriter(stream);
            writer.Write(key);
        }

        return File.ReadAllText(path).Trim();
    }
}
