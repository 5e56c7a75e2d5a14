using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary><c>GET /api/workers</c>: every worker that registered.</summary>
public sealed record WorkerListView([property: JsonPropertyName("items")] IReadOnlyList<WorkerView> Items);
