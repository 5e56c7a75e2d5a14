using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace AeSweep.Storage;

/// <summary>
/// Looks at an existing SQLite file before anything writes to it: a read-only connection without the store's pragmas
/// (setting WAL would write to it), so a corrupt, truncated or foreign file is refused with SQLite's own words and
/// left byte for byte as it was, instead of ending in a stack trace halfway through a migration.
/// </summary>
internal static partial class SqliteFileCheck
{
    private const int HeaderLength = 100;

    /// <summary>Throws <see cref="UnusableDatabaseException"/> unless <paramref name="path"/> is missing, empty, or an AeSweep database.</summary>
    public static void EnsureUsable(string path, string historyTable)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return;
        }

        if (file.Length == 0)
        {
            // A zero-byte file is an empty database to SQLite; give it its header now, because the first connection
            // EF Core opens to look at it is read-only and could not switch it to WAL.
            Initialize(path);
            return;
        }

        if (TruncatedBy(file) is { } truncation)
        {
            throw new UnusableDatabaseException(path, truncation);
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*), count(CASE WHEN name = $history THEN 1 END) FROM sqlite_master WHERE type = 'table'";
            command.Parameters.AddWithValue("$history", historyTable);
            using var reader = command.ExecuteReader();
            reader.Read();
            if (reader.GetInt64(0) > 0 && reader.GetInt64(1) == 0)
            {
                throw new UnusableDatabaseException(path, $"it holds tables of another program and no {historyTable}");
            }
        }
        catch (SqliteException ex)
        {
            throw new UnusableDatabaseException(path, Reason(ex));
        }
    }

    /// <summary>SQLite's own words from "SQLite Error 26: 'file is not a database'.".</summary>
    public static string Reason(SqliteException ex) => SqliteMessage().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : ex.Message;

    /// <summary>
    /// A file shorter than the page count its header declares lost its end (SQLite reads the missing pages as zeros
    /// and finds out only when a query reaches them). Skipped while a write-ahead log exists: SQLite recovers from it.
    /// </summary>
    private static string? TruncatedBy(FileInfo file)
    {
        var wal = new FileInfo(file.FullName + "-wal");
        if (file.Length < HeaderLength || (wal.Exists && wal.Length > 0))
        {
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        if (!header[..16].SequenceEqual("SQLite format 3\0"u8))
        {
            return null;
        }

        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]) is var size && size == 1 ? 65536 : size;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        // The page count is valid only when written by a version that also stamped it (offsets 24 and 92 agree).
        var countValid = BinaryPrimitives.ReadUInt32BigEndian(header[24..]) == BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        var declared = (long)pageSize * pages;
        return countValid && pages > 0 && file.Length < declared
            ? $"database disk image is malformed: the file holds {file.Length} bytes, its header declares {pages} pages of {pageSize} bytes ({declared} bytes); was it truncated?"
            : null;
    }

    private static void Initialize(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"^SQLite Error \d+: '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex SqliteMessage();
}
