namespace AeSweep.Web.Security;

/// <summary>
/// Credentials from configuration: the dashboard's admin password and the API keys. Only salted hashes are kept in
/// memory after start-up; configuration may also hold the hashes themselves (<see cref="PasswordHash"/>), so that
/// no plain secret needs to be stored at rest.
/// </summary>
public sealed class AccessSettings
{
    public const string Section = "AeSweep:Access";

    /// <summary>The dashboard login name.</summary>
    public string AdminUser { get; set; } = "admin";

    /// <summary>Plain password (AESWEEP_ADMIN_PASSWORD); hashed at start and then dropped.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>A PBKDF2 hash as written by <c>aesweep hash-password</c>, instead of a plain password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>API keys (AESWEEP_API_KEY adds one).</summary>
    public List<string> ApiKeys { get; set; } = [];
}
