using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web.Security;

/// <summary>
/// The dashboard's login form posts here (the admin password, or the loopback token when no password is set); a
/// cookie carries the session afterwards. At most <see cref="AttemptsPerMinute"/> attempts per minute per client
/// address, then 429 with Retry-After.
/// </summary>
public static class AccountEndpoints
{
    public const int AttemptsPerMinute = 5;

    private const string LoginRateLimit = "login";

    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many login attempts",
                    detail: $"At most {AttemptsPerMinute} login attempts per minute; try again in {seconds} s.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/login", async (HttpContext context, [FromForm] string? username, [FromForm] string? password, [FromForm] string? token, [FromForm] string? returnUrl, Credentials credentials, DashboardToken dashboardToken, ILoggerFactory loggers) =>
        {
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            var (user, fingerprint) = credentials.LoginRequired
                ? (credentials.IsValidLogin(username, password) ? (credentials.AdminUser, credentials.PasswordFingerprint) : (null, null))
                : (dashboardToken.Matches(token) ? ("local", dashboardToken.Fingerprint) : (null, null));
            if (user is null || fingerprint is null)
            {
                // The user name may be a mistyped password: it is not logged either.
                loggers.CreateLogger("AeSweep.Web.Login").LogWarning("Failed dashboard login from {Address}", context.Connection.RemoteIpAddress);
                return Results.Redirect($"/login?failed=1&returnUrl={Uri.EscapeDataString(target)}");
            }

            await DashboardSession.SignInAsync(context, user, fingerprint);
            return Results.Redirect(target);
        }).AllowAnonymous().RequireRateLimiting(LoginRateLimit).ExcludeFromDescription();

        endpoints.MapPost("/account/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Only same-site paths (an open redirect would let a phishing link bounce through the login), and none with
    /// control characters: anything else falls back to "/".
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl) && url.Length <= 2048;
}
