namespace AeSweep.Web.Security;

/// <summary>Authorization policy names.</summary>
public static class AccessPolicies
{
    /// <summary>REST API: a valid API key.</summary>
    public const string Api = "api";

    /// <summary>Dashboard: a session from the admin login, or from the loopback token when no admin password is set.</summary>
    public const string Dashboard = "dashboard";
}
