using AeSweep.Core.Search.WarmStart;
using Microsoft.Extensions.Logging;

namespace AeSweep.Cluster;

// warm_start: the earlier sweeps' trials are loaded with the study (WarmStartLoader in LoadFromStoreAsync) and shown to
// its sampler only; this says what was imported, once per activation.
public sealed partial class SweepCoordinatorGrain
{
    private void LogWarmStart(WarmStartImport warmStart)
    {
        if (warmStart.Imported == 0 && warmStart.Skipped == 0 && warmStart.Notes.IsEmpty)
        {
            return;
        }

        logger.LogInformation("Sweep {SweepId}: {Imported} trial(s) imported from earlier sweeps, {Skipped} skipped", SweepId, warmStart.Imported, warmStart.Skipped);
        foreach (var note in warmStart.Notes)
        {
            logger.LogInformation("Sweep {SweepId}: warm start: {Note}", SweepId, note);
        }
    }
}
