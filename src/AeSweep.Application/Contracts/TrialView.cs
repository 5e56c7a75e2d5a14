using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// A trial row: parameters, state, final metrics, objective, epochs run, duration, and the PCA baseline with the
/// gain over it (<c>pca_gain</c> = 1 − val_mse / pca_val_mse: the fraction of the linear baseline's error removed).
/// Parameter values keep their JSON type (number, string, boolean); metrics are finite only (JSON has no NaN).
/// <c>finalist_of</c>: for a finalist run (<c>finalize:</c>), the id of the search trial it retrains with a new seed.
/// </summary>
public sealed record TrialView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sweep_id")] string SweepId,
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, JsonElement> Parameters,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics,
    [property: JsonPropertyName("objective")] double? Objective,
    [property: JsonPropertyName("epochs_run")] int? EpochsRun,
    [property: JsonPropertyName("duration_seconds")] double? DurationSeconds,
    [property: JsonPropertyName("pca_val_mse")] double? PcaValMse,
    [property: JsonPropertyName("pca_gain")] double? PcaGain,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("worker_id")] string? WorkerId,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("finished_at")] DateTimeOffset? FinishedAt,
    [property: JsonPropertyName("finalist_of")] string? FinalistOf = null,
    [property: JsonPropertyName("origin")] string Origin = "sampled",
    [property: JsonPropertyName("retry_of")] string? RetryOf = null);
