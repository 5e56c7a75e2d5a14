using System.Collections;
using System.Collections.Immutable;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>
/// The sweep file's <c>enqueue:</c>: configurations (each checked against the space) the coordinator runs before any
/// sampled trial, in the file's order. Equal to another list with the same configurations, so definitions read from the
/// same file compare equal, as records should.
/// </summary>
public sealed class EnqueueList : IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>>, IEquatable<EnqueueList>
{
    private readonly ImmutableArray<ImmutableSortedDictionary<string, ParameterValue>> _items;

    /// <summary>Creates the list.</summary>
    public EnqueueList(IEnumerable<IReadOnlyDictionary<string, ParameterValue>> configurations) =>
        _items = [.. configurations.Select(c => c.ToImmutableSortedDictionary(StringComparer.Ordinal))];

    /// <summary>No enqueued configurations.</summary>
    public static EnqueueList Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue> this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<IReadOnlyDictionary<string, ParameterValue>> GetEnumerator() =>
        _items.Select(c => (IReadOnlyDictionary<string, ParameterValue>)c).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(EnqueueList? other) =>
        other is not null && _items.Length == other._items.Length
        && _items.Zip(other._items).All(p => p.First.Count == p.Second.Count && p.First.All(kv => p.Second.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EnqueueList);

    /// <inheritdoc />
    public override int GetHashCode() => _items.Length;
}
