using AeSweep.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AeSweep.Web.Observability;

/// <summary>
/// Ready when the sweep store answers a query and its disk has room for writes. The one web-host class that still
/// takes the store itself, on purpose: readiness is about the store being reachable, so it probes the dependency
/// with the narrowest read there is, not a page's query (which would also map and compute, and could fail for other
/// reasons).
/// </summary>
public sealed class StoreHealthCheck(ISweepReadModel store, DiskFullMonitor diskFull) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Reads still work on a full disk, so the query below alone would call it ready.
        if (diskFull.IsFull)
        {
            return HealthCheckResult.Unhealthy(DiskFull.Message);
        }

        try
        {
            await store.ListSweepsAsync(0, 1, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the sweep store does not answer: " + ex.Message);
        }
    }
}
