using System.Collections.Immutable;

namespace AeSweep.Core.Search;

/// <summary>
/// Makes a parameter exist only for some values of another, earlier parameter — e.g. <c>width_3</c>
/// exists only when <c>depth ≥ 3</c>, <c>beta</c> only when <c>model = vae</c>.
/// </summary>
/// <param name="Parent">The parameter the condition reads.</param>
/// <param name="Values">Active when the parent's value is one of these (null: no such test).</param>
/// <param name="Min">Active when the parent's numeric value is at least this (null: no such test).</param>
/// <param name="Max">Active when the parent's numeric value is at most this (null: no such test).</param>
public sealed record ParameterCondition(string Parent, ImmutableArray<ParameterValue>? Values = null, double? Min = null, double? Max = null)
{
    /// <summary>Whether a parent value satisfies this condition.</summary>
    public bool IsSatisfiedBy(ParameterValue parentValue)
    {
        if (Values is { } values && !values.Contains(parentValue))
        {
            return false;
        }

        if (Min is not null || Max is not null)
        {
            if (!parentValue.IsNumeric)
            {
                return false;
            }

            var v = parentValue.AsDouble();
            if (v < Min || v > Max)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(ParameterCondition? other) =>
        other is not null && Parent == other.Parent && Min == other.Min && Max == other.Max &&
        (Values is null ? other.Values is null : other.Values is not null && Values.Value.SequenceEqual(other.Values.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Parent, Min, Max, Values?.Length);
}
