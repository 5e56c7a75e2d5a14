using Microsoft.AspNetCore.Http;

namespace AeSweep.Web.Security;

/// <summary>
/// The first middleware: a request whose <c>Host</c> is not a loopback name or a name the operator configured
/// (<c>--allowed-hosts</c>, <c>AESWEEP_ALLOWED_HOSTS</c>) gets 421 before any page, hub or API handler runs. A browser
/// led to the loopback dashboard through DNS rebinding sends the attacker's name as Host, so it is refused here.
/// </summary>
public sealed class AllowedHosts
{
    public const string EnvironmentVariable = "AESWEEP_ALLOWED_HOSTS";

    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    private readonly HashSet<string> _names;

    public AllowedHosts(IEnumerable<string> configured)
    {
        _names = new HashSet<string>(Loopback, StringComparer.OrdinalIgnoreCase);
        foreach (var name in configured)
        {
            _names.Add(Normalize(name));
        }
    }

    /// <summary>Comma-separated names (the option's and the environment variable's form), blanks ignored.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Allows(HostString host) => host.HasValue && _names.Contains(Normalize(host.Host));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // Orchestrators probe liveness and readiness, and Prometheus scrapes, by the pod's address, which nobody can
        // list in advance; these answer without a key anyway and change nothing.
        if (Allows(context.Request.Host) || IsProbe(context.Request.Path))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            $"This AeSweep server does not answer for the host name '{context.Request.Host.Host}'. "
            + $"An operator can allow it with --allowed-hosts or {EnvironmentVariable}.\n",
            context.RequestAborted);
    }

    private static bool IsProbe(PathString path) => path == "/health" || path == "/ready" || path == "/metrics";

    private static string Normalize(string name)
    {
        var trimmed = name.Trim().TrimEnd('.');
        // A bare IPv6 address is written in brackets in a Host header.
        return trimmed.Contains(':', StringComparison.Ordinal) && !trimmed.StartsWith('[') ? $"[{trimmed}]" : trimmed;
    }
}
