using AeSweep.Cluster.Abstractions;
using AeSweep.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AeSweep.Cluster;

/// <summary>
/// On coordinator start, resumes every sweep the database says is unfinished: the coordinator grain rebuilds its
/// study from the stored trials, and trials whose workers died meanwhile come back through lease expiry.
/// </summary>
public sealed class SweepRecoveryService(ISweepRepository store, IGrainFactory grains, ILogger<SweepRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= 30 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var unfinished = await store.ListUnfinishedSweepsAsync(stoppingToken);
                foreach (var sweep in unfinished)
                {
                    logger.LogInformation("Resuming sweep {SweepId} ({SweepName})", sweep.Id, sweep.Name);
                    await grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id).StartAsync();
                }

                // Wake the dispatcher so its lease checks run even before any worker calls it.
                await grains.GetGrain<ITrialDispatcherGrain>(0).NotifyWorkAvailableAsync();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The host stopped before recovery ran (e.g. its port was taken): nothing to resume, nothing failed.
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogInformation("Sweep recovery waiting for the cluster ({Message})", ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
