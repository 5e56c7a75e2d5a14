using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AeSweep.Hosting;

/// <summary>
/// One process per data folder: <c>serve</c>, <c>run</c> and <c>resume</c> hold DATA/aesweep.lock open with an OS
/// lock for as long as they run, with their pid written in it. Two processes on one SQLite folder would both claim
/// the same sweeps' trials (more trials than the budget, sweeps stuck "running"). The kernel drops the lock when the
/// holder exits, however it exits (kill -9 included), so a stale file never blocks the next start.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "aesweep.lock";

    // A byte-range lock (fcntl on Unix, LockFileEx on Windows) far past the pid text, so that a second process can
    // still read who holds the folder; .NET's whole-file share locks would refuse that read too.
    private const long LockedByte = 1L << 40;

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>The lock file's path in <paramref name="dataDirectory"/>.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>Takes the folder, or returns null with one line naming the folder and the pid that holds it.</summary>
    public static DataFolderLock? TryAcquire(string dataDirectory, out string refusal)
    {
        Directory.CreateDirectory(dataDirectory);
        FileStream? file = null;
        try
        {
            // macOS has no byte-range locks in .NET: there the whole-file share lock (flock) excludes, pid unread.
            file = new FileStream(PathIn(dataDirectory), FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsMacOS() ? FileShare.None : FileShare.ReadWrite | FileShare.Delete);
            if (!OperatingSystem.IsMacOS())
            {
                file.Lock(LockedByte, 1);
            }
        }
        catch (IOException)
        {
            var holder = file is null ? "pid unknown" : ReadHolder(file);
            file?.Dispose();
            refusal = $"{Path.GetFullPath(dataDirectory)} is in use by another aesweep process ({holder}); stop it first, or give this one another --data folder";
            return null;
        }

        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        file.Flush(flushToDisk: true);
        refusal = string.Empty;
        return new DataFolderLock(file);
    }

    /// <summary>The holder's pid as written in the file; it writes it right after locking, so a just-started one gets a moment.</summary>
    private static string ReadHolder(FileStream file)
    {
        var waited = Stopwatch.StartNew();
        var buffer = new byte[32];
        do
        {
            file.Position = 0;
            var text = Encoding.ASCII.GetString(buffer, 0, file.Read(buffer)).Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return $"pid {pid}";
            }

            Thread.Sleep(50);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(2));

        return "pid unknown";
    }

    /// <summary>Releases the folder; the file stays (deleting it would let two processes lock two different files).</summary>
    public void Dispose() => _file.Dispose();
}
