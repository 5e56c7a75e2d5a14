namespace AeSweep.Storage.Model;

/// <summary>One page of a longer list, with the list's total length.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);
