using AeSweep.Core.Trials;

namespace AeSweep.Benchmarks.Dispatch;

/// <summary>
/// Throughput and dispatch latency from the trials' stored timestamps (see docs/benchmarks/dispatch.md):
/// <list type="bullet">
/// <item>throughput = trials completed ÷ (last finish − first start);</item>
/// <item>steady throughput = trials finishing while every worker was busy ÷ that window, the window running from the
/// last worker's first start to the first worker's last finish (workers join a few seconds apart on a loaded host);</item>
/// <item>dispatch latency of a trial = its start (lease) − the moment its slot had both a free slot and the trial:
/// max(the previous trial's finish on the same worker, the trial's creation). A worker's first trial has no previous
/// trial and is left out (it measures the worker's start-up, not dispatch).</item>
/// <item>cycle of a trial = its start − the previous start on the same worker: with a no-op trainer, everything a slot
/// spends per trial (lease, epoch report, completion, wake-up), whatever overlaps.</item>
/// </list>
/// </summary>
internal static class DispatchStatistics
{
    public static DispatchResult Compute(IReadOnlyList<TrialTiming> trials)
    {
        var done = trials.Where(t => t.StartedAt is not null && t.FinishedAt is not null).ToList();
        var completed = done.Count(t => t.State == TrialState.Completed);
        if (done.Count == 0)
        {
            return new DispatchResult(0, trials.Count, 0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, 0, double.NaN, double.NaN);
        }

        var first = done.Min(t => t.StartedAt!.Value);
        var last = done.Max(t => t.FinishedAt!.Value);
        var wall = (last - first).TotalSeconds;

        var byWorker = done.GroupBy(t => t.WorkerId ?? "?", StringComparer.Ordinal)
            .Select(g => g.OrderBy(t => t.StartedAt).ThenBy(t => t.Number).ToList())
            .ToList();
        var allBusyFrom = byWorker.Max(w => w[0].StartedAt!.Value);
        var allBusyUntil = byWorker.Min(w => w.Max(t => t.FinishedAt!.Value));
        var steadySeconds = Math.Max(0, (allBusyUntil - allBusyFrom).TotalSeconds);
        var steadyCount = done.Count(t => t.FinishedAt > allBusyFrom && t.FinishedAt <= allBusyUntil);

        var latencies = new List<double>();
        var cycles = new List<double>();
        var overlaps = 0;
        foreach (var worker in byWorker)
        {
            for (var i = 1; i < worker.Count; i++)
            {
                var trial = worker[i];
                cycles.Add((trial.StartedAt!.Value - worker[i - 1].StartedAt!.Value).TotalMilliseconds);
                var slotFree = worker[i - 1].FinishedAt!.Value;
                var ready = trial.CreatedAt > slotFree ? trial.CreatedAt : slotFree;
                var latency = (trial.StartedAt!.Value - ready).TotalMilliseconds;
                if (latency < 0)
                {
                    // Leased before the previous trial's finish was stored (its report still in flight).
                    overlaps++;
                    latency = 0;
                }

                latencies.Add(latency);
            }
        }

        latencies.Sort();
        cycles.Sort();
        return new DispatchResult(
            completed,
            trials.Count - completed,
            wall,
            wall > 0 ? completed / wall : double.NaN,
            steadySeconds > 0 ? steadyCount / steadySeconds : double.NaN,
            steadySeconds,
            latencies.Count,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Count > 0 ? latencies[^1] : double.NaN,
            latencies.Count > 0 ? latencies.Average() : double.NaN,
            overlaps,
            Percentile(cycles, 0.50),
            Percentile(cycles, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
