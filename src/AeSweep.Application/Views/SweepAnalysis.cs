namespace AeSweep.Application.Views;

/// <summary>
/// Everything a sweep's analysis draws from, read at once: the sweep, its design (null when the stored definition
/// cannot be read), every trial in number order with parameters and final metrics, and each trial's epochs.
/// </summary>
public sealed record SweepAnalysis(
    SweepRecord Sweep,
    SweepDesign? Design,
    IReadOnlyList<TrialRecord> Trials,
    IReadOnlyDictionary<string, IReadOnlyList<EpochRecord>> Epochs);
