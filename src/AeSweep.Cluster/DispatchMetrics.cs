using System.Diagnostics.Metrics;

namespace AeSweep.Cluster;

/// <summary>
/// The scheduler's instruments (meter <c>AeSweep.Cluster</c>), exported by whichever host adds OpenTelemetry:
/// how long pending trials wait for a slot, and how many leases are handed out.
/// </summary>
public static class DispatchMetrics
{
    public const string MeterName = "AeSweep.Cluster";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>(
        "aesweep.dispatch.latency", unit: "ms", description: "Time from a trial's creation to its first lease by a worker");

    private static readonly Counter<long> Leases = Meter.CreateCounter<long>(
        "aesweep.dispatch.leases", unit: "{lease}", description: "Trials leased to workers (resumed attempts included)");

    public static void RecordLease(string workerId, int attempt, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var worker = new KeyValuePair<string, object?>("worker", workerId);
        Leases.Add(1, worker, new KeyValuePair<string, object?>("resumed", attempt > 1));
        if (attempt == 1)
        {
            Latency.Record(Math.Max(0, (now - createdAt).TotalMilliseconds), worker);
        }
    }
}
