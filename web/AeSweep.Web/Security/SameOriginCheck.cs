using Microsoft.AspNetCore.Http;

namespace AeSweep.Web.Security;

/// <summary>
/// Refuses (403) a state-changing request (POST, PUT, PATCH, DELETE) and any request to the Blazor hub
/// (<c>/_blazor</c>, its negotiation and WebSocket) whose <c>Origin</c> header names another site than the one asked.
/// Browsers always send Origin on these, so a page elsewhere cannot drive the dashboard or the API; clients that send
/// no Origin (curl, the CLI) are not browsers acting for someone else and pass.
/// </summary>
public static class SameOriginCheck
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var guarded = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
            || HttpMethods.IsDelete(request.Method) || request.Path.StartsWithSegments("/_blazor");
        if (!guarded || request.Headers.Origin.Count == 0 || IsSameHost(request.Headers.Origin.ToString(), request.Host))
        {
            await next(context);
            return;
        }

        await Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-site request refused",
            detail: $"Origin '{request.Headers.Origin}' is not this server ({request.Host}); requests that change something must come from its own pages or from a client that sends no Origin.")
            .ExecuteAsync(context);
    }

    /// <summary>Whether an Origin header names the same host and port as the request's Host header.</summary>
    public static bool IsSameHost(string origin, HostString host)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !host.HasValue)
        {
            // Includes "null", which sandboxed frames and some redirects send.
            return false;
        }

        var defaultPort = uri.Scheme == "https" ? 443 : 80;
        var hostPort = host.Port ?? defaultPort;
        return string.Equals(uri.Host.Trim('[', ']'), host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && uri.Port == hostPort;
    }
}
