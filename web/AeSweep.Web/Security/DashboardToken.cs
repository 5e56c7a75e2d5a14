using System.Security.Cryptography;
using System.Text;

namespace AeSweep.Web.Security;

/// <summary>
/// The loopback dashboard's access token when no admin password is set (as Jupyter's): random, kept in
/// DATA/dashboard-token (mode 0600, reused across restarts), printed only as part of the URL <c>serve</c> shows. A
/// request carrying <c>?token=</c> exchanges it for the session cookie; the login page accepts it too.
/// </summary>
public sealed class DashboardToken
{
    public const string FileName = "dashboard-token";
    public const string QueryName = "token";

    private readonly byte[] _digest;

    private DashboardToken(string value)
    {
        Value = value;
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        Fingerprint = Convert.ToHexString(SHA256.HashData(_digest))[..16];
    }

    /// <summary>The secret itself (only for the URL printed at start).</summary>
    public string Value { get; }

    /// <summary>A short digest kept in the session cookie, so a new token ends the sessions of the old one.</summary>
    public string Fingerprint { get; }

    /// <summary>DATA/dashboard-token, created on first use.</summary>
    public static DashboardToken ForDataFolder(string dataDirectory) => new(AeSweepWebServer.OwnerOnlySecret(dataDirectory, FileName));

    /// <summary>Constant-time comparison, whatever the candidate's length.</summary>
    public bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _digest);

    /// <summary>The dashboard's address with the token, e.g. http://127.0.0.1:5080/?token=…</summary>
    public string UrlFor(string baseUrl) => $"{baseUrl.TrimEnd('/')}/?{QueryName}={Uri.EscapeDataString(Value)}";
}
