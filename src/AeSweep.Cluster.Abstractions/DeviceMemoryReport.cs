namespace AeSweep.Cluster.Abstractions;

/// <summary>One device's memory as a worker reads it: in use (every process on it) and total, in bytes.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.device-memory-report")]
public sealed record DeviceMemoryReport(
    [property: Id(0)] string Device,
    [property: Id(1)] long UsedBytes,
    [property: Id(2)] long TotalBytes);
