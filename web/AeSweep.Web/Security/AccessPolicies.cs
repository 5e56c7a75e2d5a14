namespace AeSweep.Web.Security;

/// <summary>Authorization policy names.</summary>
public static class AccessPolicies
{
    /// <summary>REST API: a valid API key.</summary>
    public const string Api = "api";

    /// <summary>Dashboard: logged in, when a login is configured (open on loopback when none is).</summary>
    public const string Dashboard = "dashboard";
}
