using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>A file a trial produced: its name, type, size and the API address that downloads it.</summary>
public sealed record ArtifactView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("url")] string Url);
