namespace AeSweep.Storage.Tests.Infrastructure;

/// <summary>
/// Where the PostgreSQL tests find their server. Without <c>AESWEEP_TEST_POSTGRES</c> they fail (a storage test that
/// passes without its database would prove nothing) unless <c>AESWEEP_SKIP_POSTGRES=1</c> asks to skip them.
/// </summary>
public static class PostgresTestEnvironment
{
    public const string ConnectionVariable = "AESWEEP_TEST_POSTGRES";
    public const string SkipVariable = "AESWEEP_SKIP_POSTGRES";

    public const string HowToStart =
        "The PostgreSQL storage tests need a server: run `export " + ConnectionVariable + "=\"$(scripts/start-test-postgres.sh)\"` " +
        "(needs Debian's postgresql package: apt-get update && apt-get install -y postgresql), " +
        "or set " + SkipVariable + "=1 to skip them deliberately.";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Skip only when asked to and no server is configured.</summary>
    public static bool Skipped => ConnectionString is null && Environment.GetEnvironmentVariable(SkipVariable) == "1";

    public static string SkipReason => $"{SkipVariable}=1 and no {ConnectionVariable}: PostgreSQL storage tests skipped on request";

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException($"{ConnectionVariable} is not set. {HowToStart}");
}
