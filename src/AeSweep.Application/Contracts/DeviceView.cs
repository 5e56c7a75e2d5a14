using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>One device of a worker: its kind (<c>cuda</c>, <c>cpu</c>), index, name and memory (null when unknown).</summary>
public sealed record DeviceView(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("memory_bytes")] long? MemoryBytes);
