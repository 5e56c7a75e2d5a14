using System.Diagnostics.Metrics;

namespace AeSweep.Worker;

/// <summary>
/// A worker's instruments (meter <c>AeSweep.Worker</c>): slots in use per worker and device, and epoch durations.
/// Exported by the host's OpenTelemetry set-up (the web host's /metrics for the embedded worker).
/// </summary>
public static class WorkerMetrics
{
    public const string MeterName = "AeSweep.Worker";

    private static readonly Meter Meter = new(MeterName);

    private static readonly UpDownCounter<int> BusySlots = Meter.CreateUpDownCounter<int>(
        "aesweep.worker.slots.busy", unit: "{slot}", description: "Slots training a trial now");

    private static readonly UpDownCounter<int> Slots = Meter.CreateUpDownCounter<int>(
        "aesweep.worker.slots", unit: "{slot}", description: "Slots registered by workers of this process");

    private static readonly Histogram<double> EpochSeconds = Meter.CreateHistogram<double>(
        "aesweep.epoch.duration", unit: "s", description: "Wall time of one training epoch, validation included");

    public static void Registered(WorkerOptions options) => Slots.Add(options.Slots, Tags(options));

    public static void TrialStarted(WorkerOptions options) => BusySlots.Add(1, Tags(options));

    public static void TrialEnded(WorkerOptions options) => BusySlots.Add(-1, Tags(options));

    public static void EpochFinished(WorkerOptions options, double seconds) => EpochSeconds.Record(seconds, Tags(options));

    private static System.Diagnostics.TagList Tags(WorkerOptions options) => new() { { "worker", options.WorkerId }, { "device", options.Device } };
}
