using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Cli;

/// <summary>One line that tells a person what a sweep will do.</summary>
internal static class SweepSummary
{
    public static string Describe(SweepDefinition sweep)
    {
        var searched = sweep.SearchSpace.Parameters.Count(p => p.Distribution is not ConstantDistribution);
        var what = sweep.Program is { AskTell: true } ? "ask-and-tell through the API" : sweep.Program is { } program ? $"program '{string.Join(' ', program.Command)}'" : string.Join("|", sweep.ModelFamilies.Select(f => f.ToName()));
        var trials = sweep.Budget.MaxTrials is { } max ? $"{max.ToString(CultureInfo.InvariantCulture)} trials"
            : sweep.Method == SearchMethod.Grid ? "all grid trials"
            : sweep.Budget.MaxMinutes is null ? "no trial limit (runs until cancelled)" : "unlimited trials";
        var pruning = sweep.EarlyTerminate.Type == EarlyTerminateType.None ? "no pruning" : $"{sweep.EarlyTerminate.Type.ToString().ToLowerInvariant()} pruning";
        var data = sweep.Dataset is { } dataset ? $" on {dataset.Describe()}{(dataset.Limit is { } limit ? $" (first {limit:N0})" : string.Empty)}" : string.Empty;
        var method = sweep.MethodAlias is { } alias ? $"{alias} (run as {sweep.Method.ToString().ToLowerInvariant()})" : sweep.Method.ToString().ToLowerInvariant();
        var target = sweep.Metric.Target is { } t ? $", stops when a trial reaches {t.ToString("G6", CultureInfo.InvariantCulture)}" : string.Empty;
        var labels = sweep.Labels.IsEmpty ? string.Empty : " [" + string.Join(", ", sweep.Labels.Where(l => l.Key != "description").Select(l => $"{l.Key}: {l.Value}")) + "]";
        return $"{sweep.Name}{labels}: {what}{data}, {method} search over {searched} of {sweep.SearchSpace.Parameters.Length} parameters{Control(sweep)}, " +
               $"{trials}, {sweep.Budget.MaxParallel} at a time, {pruning}, {sweep.Metric.Name} ({sweep.Metric.Goal.ToString().ToLowerInvariant()}){target}";
    }

    // Constraints, enqueued configurations and a warm start change what the search tries first, so validate says so.
    private static string Control(SweepDefinition sweep)
    {
        var parts = new List<string>();
        if (!sweep.Constraints.IsEmpty)
        {
            parts.Add(sweep.Constraints.Rules.Length == 1 ? $"constraint '{sweep.Constraints.Rules[0].Text}'" : $"{sweep.Constraints.Rules.Length} constraints");
        }

        if (sweep.Enqueue.Count > 0)
        {
            parts.Add($"{sweep.Enqueue.Count} enqueued configuration{(sweep.Enqueue.Count == 1 ? string.Empty : "s")} first");
        }

        if (sweep.WarmStart is { FromSweeps.Length: > 0 } warm)
        {
            parts.Add($"warm-started from {string.Join(", ", warm.FromSweeps)}");
        }

        return parts.Count == 0 ? string.Empty : $" ({string.Join("; ", parts)})";
    }
}
