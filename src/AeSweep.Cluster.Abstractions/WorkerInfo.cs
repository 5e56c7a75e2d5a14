namespace AeSweep.Cluster.Abstractions;

/// <summary>A worker's registration: where it runs and what it can train on.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.worker-info")]
public sealed record WorkerInfo(
    [property: Id(0)] string WorkerId,
    [property: Id(1)] string Host,
    [property: Id(2)] int Slots,
    [property: Id(3)] List<string> Devices);
