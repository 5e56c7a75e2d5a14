using AeSweep.Core.Analysis;

namespace AeSweep.Application.Views;

/// <summary>
/// Everything a sweep's analysis draws from, read at once: the sweep, its design (null when the stored definition
/// cannot be read), its trials in number order with parameters and final metrics, and the epochs of the trials whose
/// learning curves are drawn. Up to <see cref="Queries.SweepAnalysisReader.MaxChartTrials"/> trials every trial is there; above
/// it <see cref="Sample"/> says how many the charts draw (see <see cref="Queries.ChartSampling"/>).
/// <see cref="Importance"/>: PED-ANOVA over every completed trial (not just the sample).
/// </summary>
public sealed record SweepAnalysis(
    SweepRecord Sweep,
    SweepDesign? Design,
    IReadOnlyList<TrialRecord> Trials,
    IReadOnlyDictionary<string, IReadOnlyList<EpochRecord>> Epochs,
    AnalysisSample? Sample = null,
    ImportanceEstimates? Importance = null);
