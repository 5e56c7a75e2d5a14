using System.Collections;
using System.Collections.Immutable;

namespace AeSweep.Core.Definitions;

/// <summary>
/// A multi-objective sweep's objectives in the file's order, equal to another list with the same objectives (so two
/// definitions read from the same file compare equal, as records should).
/// </summary>
public sealed class ObjectiveList : IReadOnlyList<MetricSpec>, IEquatable<ObjectiveList>
{
    private readonly ImmutableArray<MetricSpec> _items;

    /// <summary>Creates the list.</summary>
    public ObjectiveList(IEnumerable<MetricSpec> objectives) => _items = [.. objectives];

    /// <summary>No objectives: a single-objective sweep.</summary>
    public static ObjectiveList Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public MetricSpec this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<MetricSpec> GetEnumerator() => ((IEnumerable<MetricSpec>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ObjectiveList? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ObjectiveList);

    /// <inheritdoc />
    public override int GetHashCode() => _items.Aggregate(_items.Length, (h, o) => HashCode.Combine(h, o));
}
