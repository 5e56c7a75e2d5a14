using AeSweep.Application.Views;
using AeSweep.Core.Catalog;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// Everything the sweep page draws, derived once per refresh from the sweep's analysis query: leaderboard rows, the searched
/// parameters (those that vary, in the sweep file's order), per-trial epoch metrics and the PCA baseline per code size.
/// </summary>
public sealed class SweepBoard
{
    private SweepBoard(SweepRecord sweep, SweepDesign? design, IReadOnlyList<string> parameterNames, IReadOnlyList<LeaderboardRow> rows, IReadOnlyDictionary<string, IReadOnlyList<EpochRecord>> epochs)
    {
        Sweep = sweep;
        Design = design;
        ParameterNames = parameterNames;
        Rows = rows;
        Epochs = epochs;
    }

    public SweepRecord Sweep { get; }

    /// <summary>What the stored definition says (method, budget, parameter order and scales); null when it cannot be read.</summary>
    public SweepDesign? Design { get; }

    /// <summary>The parameters that are searched (not constants), in the sweep file's order.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>All trials in number order.</summary>
    public IReadOnlyList<LeaderboardRow> Rows { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<EpochRecord>> Epochs { get; }

    public MetricGoal Goal => Sweep.MetricGoal;

    /// <summary>How many trials are in the state: over the whole sweep, even when <see cref="Rows"/> is a sample.</summary>
    public int Count(TrialState state) => Sample is { } sample ? sample.Count(state) : Rows.Count(r => r.State == state);

    /// <summary>How the analysis was cut down for charts (a sweep above 2,000 trials); null for analyses built without it.</summary>
    public AnalysisSample? Sample { get; private init; }

    /// <summary>Parameter importance over every completed trial (PED-ANOVA, with error bars); null when not computed.</summary>
    public AeSweep.Core.Analysis.ImportanceEstimates? Importance { get; private init; }

    /// <summary>Every trial of the sweep, sampled or not.</summary>
    public int TotalTrials => Sample?.TotalTrials ?? Rows.Count;

    /// <summary>Finished trials of the whole sweep.</summary>
    public int FinishedCount => Enum.GetValues<TrialState>().Where(s => s.IsFinished()).Sum(Count);

    /// <summary>PCA's val_mse per code size, from the trials that measured it (for leaderboard pages read from the database).</summary>
    public IReadOnlyDictionary<string, double> PcaByCodeSize { get; private init; } = new Dictionary<string, double>();

    public int? MaxTrials => Design?.MaxTrials;

    /// <summary>Whether the sweep holds classes out as anomalies (its definition says so, or a trial reported an AUROC).</summary>
    public bool HasAnomalyDetection => Design?.AnomalyClasses is { Count: > 0 } || Rows.Any(r => r.ValAuroc is not null);

    /// <summary>Completed trials with an objective value, best first.</summary>
    public IReadOnlyList<LeaderboardRow> Ranked => [.. Rows
        .Where(r => r.State == TrialState.Completed && r.Trial.ObjectiveValue is not null)
        .OrderBy(r => Goal.ToMinimized(r.Trial.ObjectiveValue!.Value))
        .ThenBy(r => r.Number)];

    public LeaderboardRow? Best => Ranked is [var first, ..] ? first : null;

    /// <summary>True when the parameter's distribution is on a log scale (learning rates): charts use log axes for it.</summary>
    public bool IsLogScale(string parameter) => Design?.LogScale.Contains(parameter) == true;

    public static SweepBoard Build(SweepAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var design = analysis.Design;
        var order = design?.Parameters.Select((name, i) => (name, i)).ToDictionary(e => e.name, e => e.i, StringComparer.Ordinal)
            ?? new Dictionary<string, int>(StringComparer.Ordinal);
        var names = analysis.Trials.SelectMany(t => t.Parameters.Keys).Distinct(StringComparer.Ordinal)
            .Where(name => design?.Constants.Contains(name) != true)
            .Where(name => design is not null || analysis.Trials.Select(t => t.Parameters.GetValueOrDefault(name)).Distinct().Count() > 1)
            .OrderBy(name => order.GetValueOrDefault(name, int.MaxValue))
            .ThenBy(name => name, StringComparer.Ordinal)
            .ToList();

        var pcaByCodeSize = PcaBaselines(analysis.Trials);
        var rows = analysis.Trials.OrderBy(t => t.Number).Select(trial =>
        {
            var epochs = analysis.Epochs.GetValueOrDefault(trial.Id) ?? [];
            var metrics = LeaderboardRow.MetricsOf(trial, epochs);
            var pca = metrics.TryGetValue(MetricNames.PcaValidationMse, out var own) ? own
                : trial.Parameters.TryGetValue(AeSweep.Core.Catalog.ParameterNames.CodeSize, out var code) && pcaByCodeSize.TryGetValue(code.ToString(), out var shared) ? shared
                : (double?)null;
            var planned = trial.Parameters.TryGetValue(AeSweep.Core.Catalog.ParameterNames.Epochs, out var e) && e.IsNumeric ? (int)e.AsDouble() : (int?)null;
            return new LeaderboardRow(trial, metrics, epochs.Select(m => m.Epoch).Distinct().Count(), planned, pca);
        }).ToList();
        return new SweepBoard(analysis.Sweep, design, names, rows, analysis.Epochs) { Sample = analysis.Sample, Importance = analysis.Importance, PcaByCodeSize = pcaByCodeSize };
    }

    /// <summary>PCA's val_mse depends only on the data and the code size, so any trial that measured it serves all of that size.</summary>
    internal static Dictionary<string, double> PcaBaselines(IEnumerable<TrialRecord> trials)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var trial in trials)
        {
            if (trial.FinalMetrics?.TryGetValue(MetricNames.PcaValidationMse, out var pca) == true && trial.Parameters.TryGetValue(AeSweep.Core.Catalog.ParameterNames.CodeSize, out var code))
            {
                result.TryAdd(code.ToString(), pca);
            }
        }

        return result;
    }
}
