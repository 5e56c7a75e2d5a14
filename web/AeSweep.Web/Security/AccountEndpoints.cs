using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web.Security;

/// <summary>The dashboard's login form posts here; a cookie carries the session afterwards.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/login", async (HttpContext context, [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl, Credentials credentials, ILoggerFactory loggers) =>
        {
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            if (!credentials.IsValidLogin(username, password))
            {
                // The user name may be a mistyped password: it is not logged either.
                loggers.CreateLogger("AeSweep.Web.Login").LogWarning("Failed dashboard login from {Address}", context.Connection.RemoteIpAddress);
                return Results.Redirect($"/login?failed=1&returnUrl={Uri.EscapeDataString(target)}");
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, credentials.AdminUser)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/account/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();
        return endpoints;
    }

    // Only same-site paths: an open redirect would let a phishing link bounce through the login.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
