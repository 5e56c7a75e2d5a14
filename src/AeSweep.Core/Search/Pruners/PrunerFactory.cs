using AeSweep.Core.Definitions;

namespace AeSweep.Core.Search.Pruners;

/// <summary>Builds the pruner a sweep file's <c>early_terminate</c> names.</summary>
public static class PrunerFactory
{
    /// <summary>Creates the pruner for <paramref name="spec"/>.</summary>
    /// <param name="spec">The <c>early_terminate</c> section (null: none).</param>
    /// <param name="epochs">The sweep's epochs per trial, used as Hyperband's and PASHA's maximum resource, and as the step ASHA's forecasts are read at (<c>extrapolate</c>), when the spec gives none (PASHA without one has rungs without end).</param>
    /// <exception cref="ArgumentException">Hyperband without a maximum resource.</exception>
    public static IPruner Create(EarlyTerminateSpec? spec, int? epochs = null) => (spec?.Type ?? EarlyTerminateType.None) switch
    {
        EarlyTerminateType.None => NopPruner.Instance,
        EarlyTerminateType.Median => new MedianPruner(spec!.StartupTrials, spec.WarmupEpochs),
        EarlyTerminateType.Asha => new SuccessiveHalvingPruner(
            spec!.MinEpochs,
            spec.ReductionFactor,
            forecastHorizon: spec.Extrapolate
                ? spec.MaxEpochs ?? epochs ?? throw new ArgumentException("ASHA with extrapolate needs max_epochs or the sweep's epochs: the step its forecasts are read at.", nameof(epochs))
                : null),
        EarlyTerminateType.Hyperband => new HyperbandPruner(
            spec!.MinEpochs,
            spec.MaxEpochs ?? epochs ?? throw new ArgumentException("Hyperband needs max_epochs (max_iter) or the sweep's epochs.", nameof(epochs)),
            spec.ReductionFactor,
            spec.Extrapolate),
        EarlyTerminateType.Pasha => new PashaPruner(spec!.MinEpochs, spec.ReductionFactor, spec.MaxEpochs ?? epochs),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec!.Type, "Unknown early_terminate type."),
    };
}
