using Microsoft.Data.Sqlite;
using Npgsql;

namespace AeSweep.Storage;

/// <summary>Recognises "the disk is full" in whatever shape it arrives: SQLite, PostgreSQL, file IO, or a copy from another grain.</summary>
public static class DiskFull
{
    /// <summary>What the API, the readiness check and the log say.</summary>
    public const string Message = "the data folder's disk is full";

    private const int SqliteFull = 13;
    private const int Enospc = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const string PostgresDiskFull = "53100";

    /// <summary>True when <paramref name="exception"/> or one it wraps says the disk (or the database's space) is full.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var full = e switch
            {
                SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) == SqliteFull,
                PostgresException postgres => postgres.SqlState == PostgresDiskFull,
                IOException io => io.HResult is Enospc or WindowsDiskFull or WindowsHandleDiskFull,
                AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
                _ => false,
            };

            // A copy made across a grain call keeps the message but not always the error code.
            if (full || e.Message.Contains("SQLite Error 13:", StringComparison.Ordinal) || e.Message.Contains("No space left on device", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
