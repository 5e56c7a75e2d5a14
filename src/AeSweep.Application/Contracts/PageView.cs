using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>One page of a longer list: the list's total length, the page's offset and limit, and its items.</summary>
public sealed record PageView<T>(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("items")] IReadOnlyList<T> Items);
