using System.Collections.Concurrent;

namespace AeSweep.Training.Data;

/// <summary>
/// Decoded IDX files kept for the life of the process. Every trial of a sweep reads the same files, and a worker runs
/// trial after trial: decoding Fashion-MNIST's gzip files again for each one cost about a second per trial. Entries
/// are keyed by full path, size and modification time, so a file rewritten in place is read again; the oldest
/// entries go once the cache holds more than <see cref="CapacityBytes"/>. Callers must treat the returned
/// <see cref="IdxFile.Values"/> as read-only: other trials share the array.
/// </summary>
internal static class DecodedIdxCache
{
    /// <summary>Full Fashion-MNIST (training and test images and labels) is about 55 MB decoded.</summary>
    public const long CapacityBytes = 512L << 20;

    private static readonly ConcurrentDictionary<FileStamp, Lazy<IdxFile>> Files = new();
    private static readonly ConcurrentQueue<FileStamp> Order = new();

    public static IdxFile Read(string path)
    {
        var stamp = FileStamp.Of(path);
        var entry = Files.GetOrAdd(stamp, s => new Lazy<IdxFile>(() => IdxReader.Read(s.FullPath), LazyThreadSafetyMode.ExecutionAndPublication));
        IdxFile file;
        try
        {
            file = entry.Value;
        }
        catch
        {
            // A failed read is not remembered: the next trial tries again (and reports its own error).
            Files.TryRemove(new KeyValuePair<FileStamp, Lazy<IdxFile>>(stamp, entry));
            throw;
        }

        if (!Order.Contains(stamp))
        {
            Order.Enqueue(stamp);
            Evict();
        }

        return file;
    }

    private static void Evict()
    {
        while (Files.Values.Where(l => l.IsValueCreated).Sum(l => (long)l.Value.Values.Length) > CapacityBytes && Order.TryDequeue(out var oldest))
        {
            Files.TryRemove(oldest, out _);
        }
    }
}
