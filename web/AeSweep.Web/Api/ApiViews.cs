using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage;

namespace AeSweep.Web.Api;

/// <summary>The JSON shapes of the API (snake_case, like the CLI's --json).</summary>
public static class ApiViews
{
    /// <summary>The PCA baseline's validation MSE, which every built-in trial reports next to its own.</summary>
    public const string PcaMetric = AeSweep.Core.Catalog.MetricNames.PcaValidationMse;

    public static object Sweep(SweepSnapshot s) => new
    {
        id = s.Id,
        name = s.Name,
        state = Name(s.State),
        metric = s.MetricName,
        goal = s.MetricGoal.ToString().ToLowerInvariant(),
        created_at = s.CreatedAt,
        started_at = s.StartedAt,
        finished_at = s.FinishedAt,
        reason = s.Reason,
    };

    public static object SweepWithCounts(SweepSnapshot s, IReadOnlyDictionary<TrialState, int> counts) => new
    {
        sweep = Sweep(s),
        budget = Budget(s),
        counts = Enum.GetValues<TrialState>().ToDictionary(Name, state => counts.GetValueOrDefault(state)),
    };

    /// <summary>The stored definition's budget, so clients can draw progress against max_trials.</summary>
    public static object? Budget(SweepSnapshot s) =>
        AeSweep.Core.Definitions.Stored.StoredSweepDocument.ReadOrNull(s.DefinitionText)?.Budget is { } b
            ? new
            {
                max_trials = b.MaxTrials,
                max_parallel = b.MaxParallel,
                max_minutes = b.MaxMinutes,
                max_trial_minutes = b.MaxTrialMinutes,
                max_failed_trials = b.MaxFailedTrials,
                max_attempts = b.MaxAttempts,
            }
            : null;

    /// <summary>
    /// A trial row: parameters, state, final metrics, objective, epochs run, duration, and the PCA baseline with the
    /// gain over it (<c>pca_gain</c> = 1 − val_mse / pca_val_mse: the fraction of the linear baseline's error removed).
    /// </summary>
    public static object Trial(TrialSnapshot t) => new
    {
        id = t.Id,
        sweep_id = t.SweepId,
        number = t.Number,
        state = Name(t.State),
        parameters = Parameters(t.Parameters),
        metrics = Metrics(t.FinalMetrics),
        objective = Finite(t.ObjectiveValue),
        epochs_run = t.FinalMetrics?.TryGetValue(AeSweep.Core.Catalog.MetricNames.Epochs, out var epochs) == true && double.IsFinite(epochs) ? (int?)epochs : null,
        duration_seconds = Duration(t),
        pca_val_mse = PcaMse(t),
        pca_gain = PcaGain(t),
        attempt = t.Attempt,
        worker_id = t.WorkerId,
        reason = t.Reason,
        created_at = t.CreatedAt,
        started_at = t.StartedAt,
        finished_at = t.FinishedAt,
    };

    public static object TrialDetail(TrialDetail d) => new
    {
        trial = Trial(d.Trial),
        epochs_run = d.Epochs.Count == 0 ? 0 : d.Epochs.Max(e => e.Epoch),
        epochs = d.Epochs.Select(e => new { epoch = e.Epoch, attempt = e.Attempt, recorded_at = e.RecordedAt, metrics = Metrics(e.Metrics) }),
        artifacts = d.Artifacts.Select(a => new
        {
            name = a.Name,
            content_type = a.ContentType,
            bytes = a.Bytes,
            url = $"/api/trials/{Uri.EscapeDataString(d.Trial.Id)}/artifacts/{Uri.EscapeDataString(a.Name)}",
        }),
    };

    public static object Worker(WorkerSnapshot w) => new
    {
        id = w.Id,
        host = w.Host,
        state = w.State.ToString().ToLowerInvariant(),
        slots = w.Slots,
        devices = w.Devices.Select(d => new { kind = d.Kind, index = d.Index, name = d.Name, memory_bytes = d.MemoryBytes }),
        registered_at = w.RegisteredAt,
        last_heartbeat_at = w.LastHeartbeatAt,
    };

    public static string Name(TrialState state) => state.ToString().ToLowerInvariant();

    public static string Name(SweepState state) => state.ToString().ToLowerInvariant();

    public static SortedDictionary<string, object> Parameters(IReadOnlyDictionary<string, ParameterValue> parameters) =>
        new(parameters.ToDictionary(p => p.Key, p => p.Value.ToObject()), StringComparer.Ordinal);

    /// <summary>Finite metrics only: JSON has no NaN or infinity.</summary>
    public static SortedDictionary<string, double> Metrics(IReadOnlyDictionary<string, double>? metrics) =>
        new((metrics ?? new Dictionary<string, double>()).Where(m => double.IsFinite(m.Value)).ToDictionary(), StringComparer.Ordinal);

    public static double? Duration(TrialSnapshot t) =>
        t.StartedAt is { } start && t.FinishedAt is { } end ? Math.Round((end - start).TotalSeconds, 3) : null;

    public static double? PcaMse(TrialSnapshot t) =>
        t.FinalMetrics?.TryGetValue(PcaMetric, out var pca) == true ? Finite(pca) : null;

    public static double? PcaGain(TrialSnapshot t) =>
        PcaMse(t) is { } pca && pca > 0 && t.FinalMetrics!.TryGetValue(AeSweep.Core.Catalog.MetricNames.ValidationMse, out var mse) && double.IsFinite(mse) ? 1 - (mse / pca) : null;

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
