namespace AeSweep.Web.Tests;

/// <summary>A test that needs the PostgreSQL server named by <c>AESWEEP_TEST_POSTGRES</c>; skipped (saying so) without one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("AESWEEP_TEST_POSTGRES") is not { Length: > 0 })
        {
            Skip = "needs AESWEEP_TEST_POSTGRES (scripts/start-test-postgres.sh prints it)";
        }
    }
}
