using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>One entry of a 400's <c>errors</c>: the field path, its line in the sweep file (null for request fields) and the message.</summary>
public sealed record FieldErrorView(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("message")] string Message);
