using System.Collections.Immutable;

namespace AeSweep.Core.Definitions;

/// <summary>
/// <c>warm_start: {from_sweeps: [ID, ...]}</c>: earlier sweeps whose finished trials inform this sweep's sampler from
/// its first ask. The imported trials are not this sweep's trials: they count toward no budget, number, best or
/// progress (see <c>Search/WarmStart</c> for which trials fit).
/// </summary>
/// <param name="FromSweeps">The earlier sweeps' ids, in the file's order, without repeats.</param>
public sealed record WarmStartSpec(ImmutableArray<string> FromSweeps)
{
    /// <summary>The most sweeps one sweep may import from.</summary>
    public const int MaxSweeps = 20;

    /// <summary>The longest sweep id accepted.</summary>
    public const int MaxIdLength = 100;

    /// <inheritdoc />
    public bool Equals(WarmStartSpec? other) => other is not null && FromSweeps.SequenceEqual(other.FromSweeps);

    /// <inheritdoc />
    public override int GetHashCode() => FromSweeps.Aggregate(17, (h, id) => HashCode.Combine(h, id));
}
