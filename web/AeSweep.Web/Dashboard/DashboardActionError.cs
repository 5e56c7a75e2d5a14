using AeSweep.Storage;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// What a dashboard action (submit, cancel) shows when it fails: a full disk is named as such, in the API's words,
/// rather than as whatever SQLite or a grain call wrapped it in.
/// </summary>
public static class DashboardActionError
{
    public static string Describe(string action, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return DiskFull.Is(failure)
            ? $"{action}: {DiskFull.Message}. Free some space; the server resumes by itself."
            : $"{action}: {failure.Message}";
    }
}
