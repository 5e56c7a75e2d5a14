namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// Settings of <see cref="TpeSampler"/>. The defaults are Optuna 3.1's except <see cref="ConstantLiar"/>,
/// which is on because sweeps run trials in parallel.
/// </summary>
public sealed record TpeOptions
{
    /// <summary>Optuna's defaults (with the constant liar on).</summary>
    public static TpeOptions Default { get; } = new();

    /// <summary>Completed or pruned trials drawn at random before the model takes over.</summary>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Candidates drawn from the good-trial density; the one with the best l(x)/g(x) ratio wins.</summary>
    public int EiCandidates { get; init; } = 24;

    /// <summary>Add a wide prior component (centre of the range, width of the range) to every estimator.</summary>
    public bool ConsiderPrior { get; init; } = true;

    /// <summary>Weight of the prior component relative to one observation.</summary>
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>Bound bandwidths below by range / min(100, components + 1) (Bergstra's "magic clip").</summary>
    public bool ConsiderMagicClip { get; init; } = true;

    /// <summary>Let the outermost observations' bandwidths reach to the range ends.</summary>
    public bool ConsiderEndpoints { get; init; }

    /// <summary>Model the always-present parameters jointly (one kernel per trial across dimensions) instead of one by one.</summary>
    public bool Multivariate { get; init; }

    /// <summary>With <see cref="Multivariate"/>: also model each set of conditional parameters that share a condition jointly.</summary>
    public bool Group { get; init; }

    /// <summary>
    /// Count pending and running trials as the worst observations so that parallel asks do not all
    /// land on the same promising point (Optuna's <c>constant_liar</c>).
    /// </summary>
    public bool ConstantLiar { get; init; } = true;

    /// <summary>
    /// Give every continuous kernel its 1/σ factor, so the estimators are proper densities. Off (the
    /// default) reproduces Optuna 3.1, whose <c>_truncnorm.logpdf</c> leaves that factor out: every kernel
    /// then has the same peak height whatever its width. Over 100 seeds the default found better values on
    /// all four benchmark functions (docs/benchmarks/search.md), so it stays the default.
    /// </summary>
    public bool NormalizedKernels { get; init; }

    /// <summary>
    /// When trials were pruned, rank the history by every trial's value at the largest budget that at least
    /// <see cref="StartupTrials"/> trials reached (BOHB; <see cref="ModelObservations"/>) instead of Optuna's
    /// "completed first, then by the step reached". Without pruning both rankings are the same.
    /// </summary>
    public bool LearnFromPrunedTrials { get; init; } = true;
}
