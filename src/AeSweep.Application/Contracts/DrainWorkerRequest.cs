using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The (optional) body of <c>POST /api/workers/{id}/drain</c>: why the worker is drained (logged).</summary>
public sealed record DrainWorkerRequest([property: JsonPropertyName("reason")] string? Reason = null);
