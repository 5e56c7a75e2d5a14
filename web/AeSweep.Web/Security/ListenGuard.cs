using System.Net;

namespace AeSweep.Web.Security;

/// <summary>The embedded default stays on loopback until credentials are configured.</summary>
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
}
