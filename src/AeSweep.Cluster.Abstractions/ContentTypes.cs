namespace AeSweep.Cluster.Abstractions;

/// <summary>Content types of the artifacts trials write.</summary>
public static class ContentTypes
{
    public static string For(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".json" => "application/json",
        ".csv" => "text/csv",
        ".txt" or ".log" => "text/plain",
        _ => "application/octet-stream",
    };
}
