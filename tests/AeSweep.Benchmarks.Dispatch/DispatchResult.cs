namespace AeSweep.Benchmarks.Dispatch;

/// <summary>What one run measured; times in seconds and milliseconds, rates in trials per second.</summary>
internal sealed record DispatchResult(
    int Completed,
    int NotCompleted,
    double WallSeconds,
    double Throughput,
    double SteadyThroughput,
    double SteadySeconds,
    int LatencySamples,
    double LatencyP50,
    double LatencyP99,
    double LatencyMax,
    double LatencyMean,
    int Overlaps,
    double CycleP50,
    double CycleP99);
