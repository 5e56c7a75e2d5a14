namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// A test that needs the PostgreSQL server named by <c>AESWEEP_TEST_POSTGRES</c> (scripts/test.sh starts one). It fails
/// without one, unless <c>AESWEEP_SKIP_POSTGRES=1</c> asks to skip it deliberately.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.ServerConnectionString is null && Environment.GetEnvironmentVariable("AESWEEP_SKIP_POSTGRES") == "1")
        {
            Skip = "AESWEEP_SKIP_POSTGRES=1 and no AESWEEP_TEST_POSTGRES: cluster tests skipped on request";
        }
    }
}
