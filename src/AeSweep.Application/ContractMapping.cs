using System.Text.Json;
using AeSweep.Application.Contracts;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>The one place store snapshots become contract records (snake_case names live on the records).</summary>
public static class ContractMapping
{
    /// <summary>The PCA baseline's validation MSE, which every built-in trial reports next to its own.</summary>
    public const string PcaMetric = MetricNames.PcaValidationMse;

    public static string Name(TrialState state) => state.ToString().ToLowerInvariant();

    public static string Name(SweepState state) => state.ToString().ToLowerInvariant();

    public static string Name(TrialOrigin origin) => origin.ToString().ToLowerInvariant();

    public static SweepView Sweep(SweepSnapshot s) => new(
        s.Id, s.Name, Name(s.State), s.MetricName, s.MetricGoal.ToString().ToLowerInvariant(), s.CreatedAt, s.StartedAt, s.FinishedAt, s.Reason);

    /// <summary>Counts for every trial state, zeros included.</summary>
    public static IReadOnlyDictionary<string, int> Counts(IReadOnlyDictionary<TrialState, int> counts) =>
        Enum.GetValues<TrialState>().ToDictionary(Name, state => counts.GetValueOrDefault(state));

    public static BudgetView? Budget(SweepDefinition? definition) => definition?.Budget is { } b
        ? new BudgetView(b.MaxTrials, b.MaxParallel, b.MaxMinutes, b.MaxTrialMinutes, b.MaxFailedTrials, b.MaxAttempts)
        : null;

    public static TrialView Trial(TrialSnapshot t) => new(
        t.Id,
        t.SweepId,
        t.Number,
        Name(t.State),
        Parameters(t.Parameters),
        Metrics(t.FinalMetrics),
        Finite(t.ObjectiveValue),
        t.FinalMetrics?.TryGetValue(MetricNames.Epochs, out var epochs) == true && double.IsFinite(epochs) ? (int?)epochs : null,
        Duration(t),
        PcaMse(t),
        PcaGain(t),
        t.Attempt,
        t.WorkerId,
        t.Reason,
        t.CreatedAt,
        t.StartedAt,
        t.FinishedAt,
        t.FinalistOf,
        Name(t.Origin),
        t.RetryOf);

    public static TrialDetailView TrialDetail(TrialDetail d) => new(
        Trial(d.Trial),
        d.Epochs.Count == 0 ? 0 : d.Epochs.Max(e => e.Epoch),
        d.Epochs.Select(e => new EpochView(e.Epoch, e.Attempt, e.RecordedAt, Metrics(e.Metrics))).ToList(),
        d.Artifacts.Select(a => new ArtifactView(a.Name, a.ContentType, a.Bytes, ArtifactUrl(d.Trial.Id, a.Name))).ToList(),
        d.Trial.Notes);

    /// <summary>The API address that downloads a trial's artifact.</summary>
    public static string ArtifactUrl(string trialId, string name) =>
        $"/api/trials/{Uri.EscapeDataString(trialId)}/artifacts/{Uri.EscapeDataString(name)}";

    public static WorkerView Worker(WorkerSnapshot w) => new(
        w.Id,
        w.Host,
        w.State.ToString().ToLowerInvariant(),
        w.Slots,
        w.Devices.Select(d => new DeviceView(d.Kind, d.Index, d.Name, d.MemoryBytes, d.MemoryUsedBytes)).ToList(),
        w.RegisteredAt,
        w.LastHeartbeatAt,
        w.Draining);

    public static ExportedTrialView Exported(TrialSnapshot t) => new(
        t.Id, t.Number, Name(t.State), Finite(t.ObjectiveValue), Duration(t), t.Reason, Parameters(t.Parameters), Metrics(t.FinalMetrics));

    /// <summary>
    /// Parameter values with their JSON kinds as stored (integer, float — an integral float keeps its ".0" —, string,
    /// boolean), in name order.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonElement> Parameters(IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        using var document = JsonDocument.Parse(ParameterJson.Write(parameters));
        var values = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.Clone();
        }

        return values;
    }

    /// <summary>Finite metrics only, in name order: JSON has no NaN or infinity.</summary>
    public static IReadOnlyDictionary<string, double> Metrics(IReadOnlyDictionary<string, double>? metrics) =>
        new SortedDictionary<string, double>(
            (metrics ?? new Dictionary<string, double>()).Where(m => double.IsFinite(m.Value)).ToDictionary(),
            StringComparer.Ordinal);

    public static double? Duration(TrialSnapshot t) =>
        t.StartedAt is { } start && t.FinishedAt is { } end ? Math.Round((end - start).TotalSeconds, 3) : null;

    public static double? PcaMse(TrialSnapshot t) =>
        t.FinalMetrics?.TryGetValue(PcaMetric, out var pca) == true ? Finite(pca) : null;

    public static double? PcaGain(TrialSnapshot t) =>
        PcaMse(t) is { } pca && pca > 0 && t.FinalMetrics!.TryGetValue(MetricNames.ValidationMse, out var mse) && double.IsFinite(mse) ? 1 - (mse / pca) : null;

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
