namespace AeSweep.Core.Trials;

/// <summary>
/// The one rule for a trial's training seed: the sweep's seed plus the trial's number. Built-in training seeds its
/// weights, shuffling and noise with it; <c>program:</c> trials get it as <c>AESWEEP_SEED</c>. A finalist run
/// (<c>finalize:</c>) has a number of its own, hence a seed no other trial of the sweep has.
/// </summary>
public static class TrialSeed
{
    /// <summary>The seed of trial <paramref name="number"/> of a sweep seeded with <paramref name="sweepSeed"/>.</summary>
    public static long Of(long sweepSeed, int number) => unchecked(sweepSeed + number);
}
