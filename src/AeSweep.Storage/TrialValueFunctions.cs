namespace AeSweep.Storage;

/// <summary>
/// SQL-only functions over a trial's JSON columns and times, so that the leaderboard sorts and filters by any metric
/// or parameter in the database (no schema change: the values stay in their JSON columns). Each provider's context
/// maps them to its own SQL (<see cref="TrialValueTranslations"/>); calling them outside a query throws.
/// </summary>
internal static class TrialValueFunctions
{
    /// <summary>The JSON object's member <paramref name="name"/> when it is a number; null otherwise (absent, text, "NaN").</summary>
    public static double? Number(string? json, string name) => throw OnlyInQueries();

    /// <summary>The JSON object's member <paramref name="name"/> as text when it is a string; null otherwise.</summary>
    public static string? Text(string? json, string name) => throw OnlyInQueries();

    /// <summary>Seconds from <paramref name="start"/> to <paramref name="end"/>; null when either is missing.</summary>
    public static double? Seconds(DateTimeOffset? start, DateTimeOffset? end) => throw OnlyInQueries();

    private static NotSupportedException OnlyInQueries() => new("This function only runs inside a database query.");
}
