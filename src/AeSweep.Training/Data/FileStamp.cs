namespace AeSweep.Training.Data;

/// <summary>A data file as it is now: full path, size and modification time. A file rewritten in place gets a new stamp.</summary>
internal readonly record struct FileStamp(string FullPath, long Length, DateTime LastWriteUtc)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"file not found: {path}", path);
        }

        return new FileStamp(info.FullName, info.Length, info.LastWriteTimeUtc);
    }

    public override string ToString() => $"{FullPath}:{Length}:{LastWriteUtc.Ticks}";
}
