using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>A registered worker: host, state (online or offline), slots, devices, registration, last heartbeat, and whether it is draining (finishes its trials, leases nothing new).</summary>
public sealed record WorkerView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("slots")] int Slots,
    [property: JsonPropertyName("devices")] IReadOnlyList<DeviceView> Devices,
    [property: JsonPropertyName("registered_at")] DateTimeOffset RegisteredAt,
    [property: JsonPropertyName("last_heartbeat_at")] DateTimeOffset LastHeartbeatAt,
    [property: JsonPropertyName("draining")] bool Draining = false);
