using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;
using AeSweep.Storage;
using AeSweep.Storage.WarmStart;

namespace AeSweep.Application.Queries;

/// <summary>
/// The warm-start part of a sweep's detail: the same selection the coordinator makes (<see cref="WarmStartLoader"/>),
/// counted for display. Reads the earlier sweeps' histories, so only warm-started sweeps pay for it.
/// </summary>
public static class WarmStartViews
{
    /// <summary>The import of <paramref name="definition"/>; null when it has no <c>warm_start:</c> (or cannot be read).</summary>
    public static async Task<WarmStartView?> ReadAsync(ISweepRepository sweeps, SweepDefinition? definition, CancellationToken cancellationToken)
    {
        if (definition?.WarmStart is not { } warmStart)
        {
            return null;
        }

        var import = await WarmStartLoader.LoadAsync(sweeps, definition, cancellationToken);
        return new WarmStartView([.. warmStart.FromSweeps], import.Imported, import.Skipped, [.. import.Notes]);
    }
}
