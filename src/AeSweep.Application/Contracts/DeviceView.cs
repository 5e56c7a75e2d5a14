using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// One device of a worker: its kind (<c>cuda</c>, <c>cpu</c>), index, name, total memory and memory in use (every
/// process on the device, as the worker last read it), in bytes; null when unknown (always on the CPU).
/// </summary>
public sealed record DeviceView(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("memory_bytes")] long? MemoryBytes,
    [property: JsonPropertyName("memory_used_bytes")] long? MemoryUsedBytes = null);
