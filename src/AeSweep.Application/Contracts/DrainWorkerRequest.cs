using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>A future control route's body: stop handing trials to a worker, letting its running trials finish.</summary>
public sealed record DrainWorkerRequest([property: JsonPropertyName("reason")] string? Reason = null);
