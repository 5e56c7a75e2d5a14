using AeSweep.Application.Views;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Web.Dashboard.Analysis;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>Small trial sets for the analysis tests: rows with parameters, final metrics and epochs.</summary>
internal static class AnalysisFixtures
{
    public static LeaderboardRow Row(int number, TrialState state, double? objective, IReadOnlyDictionary<string, ParameterValue> parameters, IReadOnlyDictionary<string, double>? final = null)
    {
        var metrics = final ?? (objective is { } v ? new Dictionary<string, double> { ["val_mse"] = v } : null);
        var trial = new TrialRecord($"t{number}", "s", number, state, parameters, 1, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(75), metrics,
            state == TrialState.Completed ? objective : null, null);
        return new LeaderboardRow(trial, metrics ?? new Dictionary<string, double>(), 3, 3, null);
    }

    public static Dictionary<string, ParameterValue> P(params (string Name, object Value)[] values) => values.ToDictionary(
        v => v.Name,
        v => v.Value switch
        {
            int i => ParameterValue.Of((long)i),
            double d => ParameterValue.Of(d),
            string s => ParameterValue.Of(s),
            _ => throw new ArgumentException("unsupported value"),
        });

    public static EpochRecord Epoch(int epoch, double valMse, double trainLoss) =>
        new(epoch, new Dictionary<string, double> { ["val_mse"] = valMse, ["train_loss"] = trainLoss }, 1, DateTimeOffset.UnixEpoch);

    public static AnalysisTrial Trial(int number, double objective, bool pruned, params (string Name, object Value)[] parameters) =>
        new(Row(number, pruned ? TrialState.Pruned : TrialState.Completed, objective, P(parameters)), objective, pruned);

    public static IReadOnlyList<ParameterValue> Values(params int[] values) => [.. values.Select(v => ParameterValue.Of((long)v))];
}
