using System.Net;
using Microsoft.Extensions.Configuration;

namespace AeSweep.Web.Security;

/// <summary>
/// The embedded default stays on loopback until credentials are configured, however Kestrel is told where to listen:
/// <c>--urls</c>/<c>AESWEEP_URLS</c>, <c>urls</c> in configuration, <c>Kestrel:Endpoints:*:Url</c> (e.g. the
/// environment variable <c>Kestrel__Endpoints__x__Url</c>) before start, and after start whatever Kestrel actually
/// bound (which catches any way not listed here).
/// </summary>
public static class ListenGuard
{
    /// <summary>The first listen address that is not loopback, or null when all are.</summary>
    public static string? FirstExposedUrl(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                return url;
            }

            var host = uri.Host.Trim('[', ']');
            if (host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
            {
                continue;
            }

            return url;
        }

        return null;
    }

    /// <summary>Why the server must not listen on <paramref name="urls"/> with these credentials, or null when it may.</summary>
    public static string? Refusal(IEnumerable<string> urls, Credentials credentials) =>
        FirstExposedUrl(urls) is { } exposed && (!credentials.LoginRequired || !credentials.HasConfiguredApiKeys)
            ? $"refusing to listen on {exposed}: beyond loopback the dashboard and API need credentials; set AESWEEP_ADMIN_PASSWORD and AESWEEP_API_KEY (or {AccessSettings.Section} in configuration) first"
            : null;

    /// <summary>Every listen address the configuration names, beside the explicit ones.</summary>
    public static IEnumerable<string> ConfiguredUrls(IConfiguration configuration, IEnumerable<string> explicitUrls)
    {
        foreach (var url in explicitUrls)
        {
            yield return url;
        }

        foreach (var url in Split(configuration["urls"]))
        {
            yield return url;
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            yield return endpoint["Url"] ?? $"(Kestrel:Endpoints:{endpoint.Key} without a Url)";
        }
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
