using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster;

/// <summary>
/// Stores a validated sweep and starts its coordinator. The stored definition is the versioned stored document with the
/// seed fixed, so every worker and every restart sees exactly the same sweep. Every way in (API, dashboard, CLI) passes
/// here, so this is where the process's <see cref="ProgramPolicy"/> refuses program sweeps it would not run.
/// </summary>
public sealed class SweepSubmitter(ISweepRepository store, IGrainFactory grains, ProgramPolicy programs)
{
    /// <exception cref="ProgramNotAllowedException">A program sweep the policy refuses; nothing is stored.</exception>
    public async Task<SweepSnapshot> SubmitAsync(SweepDefinition definition, CancellationToken cancellationToken)
    {
        if (programs.Refusal(definition.Program) is { } refusal)
        {
            throw new ProgramNotAllowedException(refusal);
        }

        var seed = definition.Seed ?? Random.Shared.NextInt64(0, int.MaxValue);
        var fixedSeed = definition with { Seed = seed };
        var sweep = await store.CreateSweepAsync(
            new NewSweep(definition.Name, StoredSweepDocument.Write(fixedSeed), SweepDefinitionFormat.Json, definition.Metric.Name, definition.Metric.Goal, seed,
                MaxAttempts: definition.Budget.MaxAttempts,
                MaxTrials: definition.Budget.MaxTrials,
                MaxParallel: definition.Budget.MaxParallel,
                MaxMinutes: definition.Budget.MaxMinutes),
            cancellationToken);
        await grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id).StartAsync();
        return sweep;
    }

    public Task CancelAsync(string sweepId, string reason) => grains.GetGrain<ISweepCoordinatorGrain>(sweepId).CancelAsync(reason);
}
