using AeSweep.Core.Definitions;

namespace AeSweep.Core.Search.Pruners;

/// <summary>Builds the pruner a sweep file's <c>early_terminate</c> names.</summary>
public static class PrunerFactory
{
    /// <summary>Creates the pruner for <paramref name="spec"/>.</summary>
    /// <param name="spec">The <c>early_terminate</c> section (null: none).</param>
    /// <param name="epochs">The sweep's epochs per trial, used as Hyperband's and PASHA's maximum resource when the spec gives none (PASHA without one has rungs without end).</param>
    /// <exception cref="ArgumentException">Hyperband without a maximum resource.</exception>
    public static IPruner Create(EarlyTerminateSpec? spec, int? epochs = null) => (spec?.Type ?? EarlyTerminateType.None) switch
    {
        EarlyTerminateType.None => NopPruner.Instance,
        EarlyTerminateType.Median => new MedianPruner(spec!.StartupTrials, spec.WarmupEpochs),
        EarlyTerminateType.Asha => new SuccessiveHalvingPruner(spec!.MinEpochs, spec.ReductionFactor),
        EarlyTerminateType.Hyperband => new HyperbandPruner(
            spec!.MinEpochs,
            spec.MaxEpochs ?? epochs ?? throw new ArgumentException("Hyperband needs max_epochs (max_iter) or the sweep's epochs.", nameof(epochs)),
            spec.ReductionFactor),
        EarlyTerminateType.Pasha => new PashaPruner(spec!.MinEpochs, spec.ReductionFactor, spec.MaxEpochs ?? epochs),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec!.Type, "Unknown early_terminate type."),
    };
}
