namespace AeSweep.Core.Trials;

/// <summary>
/// The epoch numbers a trainer may report (a program's <c>step</c>, an ask-and-tell intermediate value): integers from
/// 0 to <see cref="Max"/>, as many epochs as anyone trains. One bound, so every way in refuses the same numbers.
/// </summary>
public static class EpochLimit
{
    /// <summary>The highest epoch number a report may carry.</summary>
    public const int Max = 1_000_000;

    /// <summary>Whether <paramref name="epoch"/> is an epoch number a report may carry.</summary>
    public static bool Allows(long epoch) => epoch is >= 0 and <= Max;
}
