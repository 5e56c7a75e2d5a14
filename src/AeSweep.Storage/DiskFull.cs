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
            if (full || IsReportedIn(e.Message))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a message (an error's, or a log line quoting one) says the disk is full.</summary>
    public static bool IsReportedIn(string? text) =>
        text is not null && (text.Contains("SQLite Error 13:", StringComparison.Ordinal) || text.Contains("No space left on device", StringComparison.Ordinal)
            || text.Contains(Message, StringComparison.Ordinal));
}
