namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// Chooses the next configuration. Implementations are stateless strategies over the immutable trial
/// history (Optuna style): the same seed and history give the same suggestion, so a study rebuilt from
/// the database after a restart goes on exactly as the old one would have.
/// </summary>
public interface ISampler
{
    /// <summary>
    /// The configuration for trial <see cref="SamplingContext.TrialNumber"/>: one value per active
    /// parameter; null when the sampler has nothing left to suggest (an exhausted grid).
    /// </summary>
    IReadOnlyDictionary<string, ParameterValue>? Sample(SamplingContext context);
}
