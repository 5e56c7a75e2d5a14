using System.Security.Cryptography;
using System.Text;

namespace AeSweep.Web.Security;

/// <summary>
/// The credentials in force, as hashes only: the admin password's PBKDF2 hash and SHA-256 digests of the API keys
/// (keys are long random strings, so a fast digest is enough; comparisons are constant-time).
/// </summary>
public sealed class Credentials
{
    private static readonly Lazy<string> StandInHash = new(() => PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    private readonly List<byte[]> _apiKeyDigests;

    public Credentials(string adminUser, string? adminPasswordHash, IEnumerable<string> apiKeys)
    {
        AdminUser = adminUser;
        AdminPasswordHash = adminPasswordHash;
        _apiKeyDigests = apiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Digest).ToList();
        HasConfiguredApiKeys = _apiKeyDigests.Count > 0;
    }

    /// <summary>Whether API keys came from configuration (not only the data folder's own loopback key).</summary>
    public bool HasConfiguredApiKeys { get; private init; }

    /// <summary>These credentials plus the data folder's own key (DATA/api-key) for loopback clients.</summary>
    public Credentials WithLocalApiKey(string key)
    {
        var credentials = new Credentials(AdminUser, AdminPasswordHash, []) { HasConfiguredApiKeys = HasConfiguredApiKeys };
        credentials._apiKeyDigests.AddRange(_apiKeyDigests);
        credentials._apiKeyDigests.Add(Digest(key));
        return credentials;
    }

    public string AdminUser { get; }

    public string? AdminPasswordHash { get; }

    /// <summary>Whether the dashboard asks for a login (an admin password is configured).</summary>
    public bool LoginRequired => AdminPasswordHash is not null;

    public bool HasApiKeys => _apiKeyDigests.Count > 0;

    public bool IsValidApiKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var digest = Digest(key);
        var match = false;
        foreach (var known in _apiKeyDigests)
        {
            match |= CryptographicOperations.FixedTimeEquals(digest, known);
        }

        return match;
    }

    /// <summary>A short digest of the password hash, kept in session cookies so a new password ends old sessions.</summary>
    public string PasswordFingerprint => AdminPasswordHash is null ? string.Empty : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(AdminPasswordHash)))[..16];

    public bool IsValidLogin(string? user, string? password)
    {
        // The password is always put through the full PBKDF2 work (against a stand-in hash when none is set), even
        // for a wrong user name: an answer that came faster for unknown names would tell which name is right.
        var userMatches = user is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(AdminUser));
        var passwordMatches = PasswordHash.Verify(password ?? string.Empty, AdminPasswordHash ?? StandInHash.Value);
        return AdminPasswordHash is not null && userMatches && passwordMatches;
    }

    /// <summary>Reads the settings, hashing a plain password, and reports what is wrong with them.</summary>
    public static Credentials From(AccessSettings settings, out string? error)
    {
        error = null;
        string? hash = null;
        if (!string.IsNullOrEmpty(settings.PasswordHash))
        {
            if (!PasswordHash.IsWellFormed(settings.PasswordHash))
            {
                error = $"{AccessSettings.Section}:PasswordHash is not a pbkdf2-sha256 hash (make one with `aesweep hash-password`)";
            }

            hash = settings.PasswordHash;
        }
        else if (!string.IsNullOrEmpty(settings.AdminPassword))
        {
            if (settings.AdminPassword.Length < 8)
            {
                error = "the admin password (AESWEEP_ADMIN_PASSWORD) must be at least 8 characters";
            }

            hash = PasswordHash.Create(settings.AdminPassword);
        }

        foreach (var key in settings.ApiKeys.Where(k => k.Length is > 0 and < 16))
        {
            error ??= $"an API key is {key.Length} characters; use at least 16 random characters";
        }

        return new Credentials(settings.AdminUser, hash, settings.ApiKeys);
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
