namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>The fitted kernel: one inverse squared lengthscale per dimension, the signal variance and the noise variance.</summary>
/// <param name="InverseSquaredLengthscales">λⱼ = 1/ℓⱼ² (larger: the objective changes faster along dimension j).</param>
/// <param name="KernelScale">σ², the prior variance of the (standardised) objective.</param>
/// <param name="NoiseVariance">The observation noise variance; at least <see cref="GpFitter.MinimumNoise"/>.</param>
internal sealed record GpHyperparameters(double[] InverseSquaredLengthscales, double KernelScale, double NoiseVariance);
