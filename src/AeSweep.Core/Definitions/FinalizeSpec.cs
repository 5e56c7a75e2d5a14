namespace AeSweep.Core.Definitions;

/// <summary>
/// The sweep file's <c>finalize</c> section: once the search has ended, the <see cref="TopK"/> best completed
/// configurations are trained again with <see cref="Seeds"/> new seeds each, so the winner is shown with its spread
/// across seeds (Locatello et al., 2019) rather than one lucky run.
/// </summary>
/// <param name="TopK">How many of the best configurations are retrained (<see cref="MinTopK"/> to <see cref="MaxTopK"/>).</param>
/// <param name="Seeds">How many new seeds each of them gets (<see cref="MinSeeds"/> to <see cref="MaxSeeds"/>).</param>
public sealed record FinalizeSpec(int TopK, int Seeds)
{
    /// <summary>Fewest configurations a sweep file may finalize.</summary>
    public const int MinTopK = 1;

    /// <summary>Most configurations a sweep file may finalize (with <see cref="MaxSeeds"/>, 200 extra runs at most).</summary>
    public const int MaxTopK = 20;

    /// <summary>Fewest new seeds: one new run beside the original gives a spread of two points, two give three.</summary>
    public const int MinSeeds = 2;

    /// <summary>Most new seeds per configuration.</summary>
    public const int MaxSeeds = 10;

    /// <summary>The most finalist runs the section can add: <see cref="TopK"/> × <see cref="Seeds"/>.</summary>
    public int MaxRuns => TopK * Seeds;
}
