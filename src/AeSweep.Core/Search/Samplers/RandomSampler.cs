namespace AeSweep.Core.Search.Samplers;

/// <summary>Independent uniform draws (in log space for log-scale parameters), honouring conditions.</summary>
public sealed class RandomSampler : ISampler
{
    private readonly long _seed;

    /// <summary>Creates a random sampler; the same seed gives the same configuration for the same trial number.</summary>
    public RandomSampler(long seed) => _seed = seed;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue> Sample(SamplingContext context) =>
        context.Space.SampleRandom(SeedSequence.For(_seed, context.TrialNumber));
}
