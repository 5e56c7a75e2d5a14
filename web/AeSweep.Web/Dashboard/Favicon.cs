using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// The dashboard's icon, served from code at <c>/favicon.svg</c> and <c>/favicon.ico</c> (browsers and tools that ignore
/// the page's <c>&lt;link rel="icon"&gt;</c> ask for the latter) without a login, so no page load logs a 404. From code
/// rather than wwwroot because every host (CLI, tests, containers) then serves it the same way.
/// </summary>
public static class Favicon
{
    /// <summary>An autoencoder's shape: a wide input narrowing to the code and widening back to the reconstruction.</summary>
    public const string Svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>AeSweep</title>
        <rect width="32" height="32" rx="6" fill="#3f51b5"/>
        <path d="M5 6 L14 13 L14 19 L5 26 Z" fill="#ffffff"/>
        <path d="M27 6 L18 13 L18 19 L27 26 Z" fill="#c5cae9"/>
        <rect x="14.5" y="13" width="3" height="6" fill="#ff4081"/></svg>
        """;

    /// <summary>Maps both addresses, anonymous and cacheable for a day.</summary>
    public static void MapFavicon(this IEndpointRouteBuilder app)
    {
        foreach (var path in new[] { "/favicon.svg", "/favicon.ico" })
        {
            app.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Text(Svg, "image/svg+xml");
            }).AllowAnonymous().ExcludeFromDescription();
        }
    }
}
