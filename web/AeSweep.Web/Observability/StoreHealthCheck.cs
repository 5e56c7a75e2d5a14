using AeSweep.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AeSweep.Web.Observability;

/// <summary>Ready when the sweep store answers a query.</summary>
public sealed class StoreHealthCheck(ISweepStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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
