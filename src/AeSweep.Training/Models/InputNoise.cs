using AeSweep.Core.Catalog;
using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>
/// Input corruption for denoising training (any family): Gaussian noise with standard deviation = level (clamped
/// back to [0, 1] for such data), or masking, which zeroes each input value with probability = level. The model
/// sees the corrupted input and is trained to reproduce the clean one.
/// </summary>
public sealed record InputNoise(InputNoiseKind Kind, double Level, bool ClampToUnitInterval)
{
    public bool IsActive => Kind != InputNoiseKind.None && Level > 0;

    public Tensor Apply(Tensor clean, Generator generator)
    {
        switch (Kind)
        {
            case InputNoiseKind.None:
                return clean;
            case InputNoiseKind.Gaussian:
                var noisy = clean + (randn(clean.shape, dtype: clean.dtype, device: clean.device, generator: generator) * Level);
                return ClampToUnitInterval ? noisy.clamp_(0, 1) : noisy;
            case InputNoiseKind.Masking:
                var keep = rand(clean.shape, dtype: clean.dtype, device: clean.device, generator: generator) >= Level;
                return clean * keep;
            default:
                throw new InvalidOperationException($"not an input noise: {Kind}");
        }
    }
}
