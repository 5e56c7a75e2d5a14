using AeSweep.Core.Definitions;

namespace AeSweep.Core.Search.Samplers;

/// <summary>Builds the sampler a sweep file's <c>method</c> names.</summary>
public static class SamplerFactory
{
    /// <summary>Creates the sampler for <paramref name="method"/>.</summary>
    /// <param name="method">Grid, random, TPE or GP.</param>
    /// <param name="space">The search space (grid search enumerates it now, so a continuous parameter fails here).</param>
    /// <param name="seed">The sweep's seed.</param>
    /// <param name="tpeOptions">TPE settings; null: <see cref="TpeOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Grid search over a space with continuous parameters.</exception>
    public static ISampler Create(SearchMethod method, SearchSpace space, long seed, TpeOptions? tpeOptions = null) => method switch
    {
        SearchMethod.Grid => new GridSampler(space),
        SearchMethod.Random => new RandomSampler(seed),
        SearchMethod.Tpe => new TpeSampler(seed, tpeOptions),
        SearchMethod.Gp => new GpSampler(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown search method."),
    };
}
