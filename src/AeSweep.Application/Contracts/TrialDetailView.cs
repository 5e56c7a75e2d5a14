using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary><c>GET /api/trials/{id}</c>: the trial, the last epoch reported, per-epoch metrics, its artifacts with download URLs and the user's Markdown notes (null: none).</summary>
public sealed record TrialDetailView(
    [property: JsonPropertyName("trial")] TrialView Trial,
    [property: JsonPropertyName("epochs_run")] int EpochsRun,
    [property: JsonPropertyName("epochs")] IReadOnlyList<EpochView> Epochs,
    [property: JsonPropertyName("artifacts")] IReadOnlyList<ArtifactView> Artifacts,
    [property: JsonPropertyName("notes")] string? Notes = null);
