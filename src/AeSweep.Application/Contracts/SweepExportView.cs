using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary><c>GET /api/sweeps/{id}/export?format=json</c>: every trial of the sweep, in number order.</summary>
public sealed record SweepExportView(
    [property: JsonPropertyName("sweep_id")] string SweepId,
    [property: JsonPropertyName("trials")] IReadOnlyList<ExportedTrialView> Trials);
