using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// Everything the sweep page draws, derived once per refresh from the stored history: leaderboard rows, the searched
/// parameters (those that vary, in the sweep file's order), per-trial epoch metrics and the PCA baseline per code size.
/// </summary>
public sealed class SweepBoard
{
    private SweepBoard(SweepSnapshot sweep, SweepDefinition? definition, IReadOnlyList<string> parameterNames, IReadOnlyList<LeaderboardRow> rows, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> epochs)
    {
        Sweep = sweep;
        Definition = definition;
        ParameterNames = parameterNames;
        Rows = rows;
        Epochs = epochs;
    }

    public SweepSnapshot Sweep { get; }

    public SweepDefinition? Definition { get; }

    /// <summary>The parameters that are searched (not constants), in the sweep file's order.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>All trials in number order.</summary>
    public IReadOnlyList<LeaderboardRow> Rows { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> Epochs { get; }

    public MetricGoal Goal => Sweep.MetricGoal;

    public int Count(TrialState state) => Rows.Count(r => r.State == state);

    public int? MaxTrials => Definition?.Budget.MaxTrials;

    /// <summary>Completed trials with an objective value, best first.</summary>
    public IReadOnlyList<LeaderboardRow> Ranked => [.. Rows
        .Where(r => r.State == TrialState.Completed && r.Trial.ObjectiveValue is not null)
        .OrderBy(r => Goal.ToMinimized(r.Trial.ObjectiveValue!.Value))
        .ThenBy(r => r.Number)];

    public LeaderboardRow? Best => Ranked is [var first, ..] ? first : null;

    /// <summary>True when the parameter's distribution is on a log scale (learning rates): charts use log axes for it.</summary>
    public bool IsLogScale(string parameter) => Definition?.SearchSpace.Find(parameter)?.Distribution switch
    {
        FloatDistribution f => f.Log,
        IntDistribution i => i.Log,
        _ => false,
    };

    public static SweepBoard Build(SweepHistory history)
    {
        var definition = StoredSweepDocument.ReadOrNull(history.Sweep.DefinitionText);
        var order = definition?.SearchSpace.Parameters.Select((p, i) => (p.Name, i)).ToDictionary(e => e.Name, e => e.i, StringComparer.Ordinal)
            ?? new Dictionary<string, int>(StringComparer.Ordinal);
        var names = history.Trials.SelectMany(t => t.Parameters.Keys).Distinct(StringComparer.Ordinal)
            .Where(name => definition?.SearchSpace.Find(name)?.Distribution is not ConstantDistribution)
            .Where(name => definition is not null || history.Trials.Select(t => t.Parameters.GetValueOrDefault(name)).Distinct().Count() > 1)
            .OrderBy(name => order.GetValueOrDefault(name, int.MaxValue))
            .ThenBy(name => name, StringComparer.Ordinal)
            .ToList();

        var pcaByCodeSize = PcaBaselines(history.Trials);
        var rows = history.Trials.OrderBy(t => t.Number).Select(trial =>
        {
            var epochs = history.EpochMetrics.GetValueOrDefault(trial.Id) ?? [];
            var metrics = LeaderboardRow.MetricsOf(trial, epochs);
            var pca = metrics.TryGetValue(MetricNames.PcaValidationMse, out var own) ? own
                : trial.Parameters.TryGetValue(AeSweep.Core.Catalog.ParameterNames.CodeSize, out var code) && pcaByCodeSize.TryGetValue(code.ToString(), out var shared) ? shared
                : (double?)null;
            var planned = trial.Parameters.TryGetValue(AeSweep.Core.Catalog.ParameterNames.Epochs, out var e) && e.IsNumeric ? (int)e.AsDouble() : (int?)null;
            return new LeaderboardRow(trial, metrics, epochs.Select(m => m.Epoch).Distinct().Count(), planned, pca);
        }).ToList();
        return new SweepBoard(history.Sweep, definition, names, rows, history.EpochMetrics);
    }

    /// <summary>PCA's val_mse depends only on the data and the code size, so any trial that measured it serves all of that size.</summary>
    internal static Dictionary<string, double> PcaBaselines(IEnumerable<TrialSnapshot> trials)
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
