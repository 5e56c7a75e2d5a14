using System.Collections;
using System.Collections.Immutable;

namespace AeSweep.Core.Definitions;

/// <summary>
/// An ordered list of integer class labels with value equality and a readable form (<c>[1, 5]</c>), so that a
/// <see cref="DatasetSpec"/> holding one stays equal to its copy and prints what it means.
/// </summary>
public sealed class ClassLabels : IReadOnlyList<int>, IEquatable<ClassLabels>
{
    private readonly ImmutableArray<int> _labels;

    /// <summary>The labels in the given order.</summary>
    public ClassLabels(IEnumerable<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = [.. labels];
    }

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <inheritdoc />
    public int this[int index] => _labels[index];

    /// <summary>Whether <paramref name="label"/> is in the list.</summary>
    public bool Contains(int label) => _labels.Contains(label);

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ClassLabels? other) => other is not null && _labels.SequenceEqual(other._labels);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ClassLabels);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var label in _labels)
        {
            hash.Add(label);
        }

        return hash.ToHashCode();
    }

    /// <summary>The labels as a list: <c>[1, 5]</c>.</summary>
    public override string ToString() => $"[{string.Join(", ", _labels)}]";
}
