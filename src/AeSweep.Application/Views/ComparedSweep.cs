namespace AeSweep.Application.Views;

/// <summary>
/// One sweep on the compare-sweeps page: the sweep, its design (null when the stored definition cannot be read), every
/// trial in number order, and its best completed trial by the sweep's metric (null when none completed).
/// </summary>
public sealed record ComparedSweep(SweepRecord Sweep, SweepDesign? Design, IReadOnlyList<TrialRecord> Trials, TrialRecord? Best);
