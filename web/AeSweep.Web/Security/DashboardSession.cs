using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Security;

/// <summary>
/// The dashboard's session cookie (HttpOnly, SameSite=Strict): given for the admin login, or for the loopback token
/// when no admin password is set. It carries the fingerprint of the credential it was given for, so a changed
/// password or a new token ends the old sessions.
/// </summary>
public static class DashboardSession
{
    private const string CredentialClaim = "aesweep:credential";

    public static Task SignInAsync(HttpContext context, string user, string credentialFingerprint)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user), new Claim(CredentialClaim, credentialFingerprint)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The fingerprint a session must carry now: the password's when a login is configured, else the token's.</summary>
    public static string CurrentFingerprint(IServiceProvider services)
    {
        var credentials = services.GetRequiredService<Credentials>();
        return credentials.LoginRequired ? credentials.PasswordFingerprint : services.GetRequiredService<DashboardToken>().Fingerprint;
    }

    /// <summary>Cookie validation: a session given for another credential than the current one is dropped.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var fingerprint = context.Principal?.FindFirst(CredentialClaim)?.Value;
        if (fingerprint is null || fingerprint != CurrentFingerprint(context.HttpContext.RequestServices))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>
    /// A GET with a valid <c>?token=</c> (the URL <c>serve</c> printed) gets the session cookie and is redirected to
    /// the same address without the token, so it stays out of the history, bookmarks and Referer headers.
    /// </summary>
    public static async Task ExchangeTokenAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Query.TryGetValue(DashboardToken.QueryName, out var values)
            && !context.RequestServices.GetRequiredService<Credentials>().LoginRequired
            && context.RequestServices.GetRequiredService<DashboardToken>() is { } token
            && token.Matches(values.ToString()))
        {
            await SignInAsync(context, "local", token.Fingerprint);
            var rest = new QueryBuilder(request.Query.Where(q => q.Key != DashboardToken.QueryName).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))));
            context.Response.Redirect($"{request.PathBase}{request.Path}{rest}");
            return;
        }

        await next(context);
    }
}
